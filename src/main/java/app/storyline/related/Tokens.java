package app.storyline.related;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * An article as weighted terms, for similarity. Words are split as Unicode words, folded to lower case
 * without accents, stripped of possessives, stop words dropped and plurals (or, for other languages,
 * light inflections) reduced, by the language the feed declares (English when it declares none or one
 * we do not know). Two kinds of occurrence count more, because they tell one event from another of
 * the same kind: a word in the headline (twice) and a name or number (half again): a capitalised word
 * that does not start a sentence, or a token with digits.
 */
final class Tokens {
    static final float TITLE = 2.0f;
    static final float NAME = 1.5f;

    /** A term and the way it was most often written, for explanations ("Ivanti", not "ivanti"). */
    record Counted(Map<String, Float> weights, Map<String, String> surface) {}

    private record Language(CharArraySet stop, Function<TokenStream, TokenStream> stemmer) {}

    private static final Language ENGLISH = new Language(englishStopWords(), EnglishMinimalStemFilter::new);
    private static final Map<String, Language> LANGUAGES = Map.of(
            "en", ENGLISH,
            "de", new Language(GermanAnalyzer.getDefaultStopSet(), GermanLightStemFilter::new),
            "fr", new Language(FrenchAnalyzer.getDefaultStopSet(), FrenchLightStemFilter::new),
            "es", new Language(SpanishAnalyzer.getDefaultStopSet(), SpanishLightStemFilter::new),
            "it", new Language(ItalianAnalyzer.getDefaultStopSet(), ItalianLightStemFilter::new),
            "pt", new Language(PortugueseAnalyzer.getDefaultStopSet(), PortugueseLightStemFilter::new),
            "sv", new Language(SwedishAnalyzer.getDefaultStopSet(), SwedishLightStemFilter::new),
            "nl", new Language(DutchAnalyzer.getDefaultStopSet(), t -> t));

    private Tokens() {}

    /** resources/related/stopwords-en.txt, plus Lucene's list; Lucene's alone if the file is missing. */
    private static CharArraySet englishStopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        try (var in = Tokens.class.getResourceAsStream("/related/stopwords-en.txt")) {
            if (in == null) return set;
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) continue;
                for (String w : line.trim().split("\\s+")) {
                    if (w.isEmpty()) continue;
                    set.add(w);
                    set.add(w.replace('\'', '\u2019'));
                }
            }
        } catch (IOException e) {
            return set;
        }
        return CharArraySet.unmodifiableSet(set);
    }

    static Counted count(String title, String body, String language) {
        Language lang = language(language);
        Map<String, Float> weights = new HashMap<>();
        Map<String, String> surface = new HashMap<>();
        if (title != null) add(title, TITLE, !mostlyCapitalised(title), lang, weights, surface);
        if (body != null) add(body, 1.0f, true, lang, weights, surface);
        return new Counted(weights, surface);
    }

    private static Language language(String tag) {
        if (tag == null || tag.length() < 2) return ENGLISH;
        return LANGUAGES.getOrDefault(tag.substring(0, 2).toLowerCase(Locale.ROOT), ENGLISH);
    }

    /** Headlines in Title Case capitalise every word: there capitals say nothing about names. */
    private static boolean mostlyCapitalised(String title) {
        int words = 0;
        int caps = 0;
        for (String w : title.split("\\s+")) {
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) continue;
            words++;
            if (Character.isUpperCase(w.charAt(0))) caps++;
        }
        return words >= 3 && caps * 10 >= words * 6;
    }

    /** One token as written: its text and whether it reads as a name or number. */
    private record Written(String text, boolean name) {}

    /** Records each token as written, before the chain lower-cases, drops and stems. */
    private static final class Recorder extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final String text;
        private final boolean namesCount;
        final List<Written> written = new ArrayList<>();
        private int lastEnd;

        Recorder(TokenStream in, String text, boolean namesCount) {
            super(in);
            this.text = text;
            this.namesCount = namesCount;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            boolean start = sentenceStart(text, lastEnd, offset.startOffset());
            lastEnd = offset.endOffset();
            boolean digit = false;
            char[] b = term.buffer();
            for (int i = 0; i < term.length(); i++) digit |= Character.isDigit(b[i]);
            boolean name = namesCount && (digit || Character.isUpperCase(b[0]) && !start);
            written.add(new Written(term.toString(), name));
            return true;
        }
    }

    private static void add(String text, float weight, boolean namesCount, Language lang, Map<String, Float> weights,
                            Map<String, String> surface) {
        StandardTokenizer source = new StandardTokenizer();
        source.setReader(new StringReader(text));
        Recorder recorder = new Recorder(source, text, namesCount);
        TokenStream chain = new LowerCaseFilter(recorder);
        chain = new ASCIIFoldingFilter(chain);
        chain = new EnglishPossessiveFilter(chain);
        chain = new StopFilter(chain, lang.stop());
        chain = lang.stemmer().apply(chain);
        CharTermAttribute term = chain.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = chain.addAttribute(PositionIncrementAttribute.class);
        try (TokenStream t = chain) {
            t.reset();
            int position = -1;
            while (t.incrementToken()) {
                position += inc.getPositionIncrement();
                if (term.length() < 2 || term.length() > 40) continue;
                Written w = recorder.written.get(position);
                String key = term.toString();
                weights.merge(key, w.name() ? weight * NAME : weight, Float::sum);

                String shown = w.text();
                if (shown.endsWith("'s") || shown.endsWith("\u2019s")) shown = shown.substring(0, shown.length() - 2);
                String was = surface.get(key);
                if (was == null || !Character.isUpperCase(was.charAt(0)) && Character.isUpperCase(shown.charAt(0))) surface.put(key, shown);
            }
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * Whether the token at {@code to} starts a sentence: between the previous token (ending at
     * {@code from}) and it there is a full stop, question or exclamation mark or line break, with only
     * spaces, quotes and brackets around it; or it is the first token of the text.
     */
    private static boolean sentenceStart(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') return true;
            if (!(Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\u201C' || c == '\u2018' || c == '(' || c == '[')) return false;
        }
        return from == 0;
    }
}
