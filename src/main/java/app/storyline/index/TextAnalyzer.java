package app.storyline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of searchable text: Unicode word breaking, lower case, accents folded ("café" finds
 * "cafe"), English possessives dropped and plurals reduced ("elections" finds "election"). Only
 * plurals: heavier stemmers conflate words people keep apart ("news"/"new") and cost a third of the
 * indexing time. No stop words, so phrases like "the who" still match.
 */
final class TextAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream t = new EnglishPossessiveFilter(source);
        t = new LowerCaseFilter(t);
        t = new ASCIIFoldingFilter(t);
        t = new EnglishMinimalStemFilter(t);
        return new TokenStreamComponents(source, t);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
