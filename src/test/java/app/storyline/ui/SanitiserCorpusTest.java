package app.storyline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.storyline.Fixtures;
import app.storyline.feed.FeedException;
import app.storyline.feed.FeedParser;
import app.storyline.model.Article;
import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * feedparser's 745 sanitiser cases (wellformed/sanitize), end to end: each file parsed as a feed, each
 * item rendered into the very page the reader's WebView gets (images allowed: the most permissive case).
 * Nothing may survive that could run or fetch script: no script element, no event-handler attribute,
 * no javascript:, vbscript: or data: URL in any attribute, no CSS expression() or url(javascript:...).
 */
class SanitiserCorpusTest {
    private static final Pattern BAD_URL = Pattern.compile("^(javascript|vbscript|data|livescript|mocha):.*", Pattern.DOTALL);
    private static final Pattern BAD_CSS = Pattern.compile("expression\\s*\\(|url\\s*\\(\\s*['\"]?\\s*(javascript|vbscript|data):|behavio(u)?r\\s*:|-moz-binding",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everySanitiserCaseIsClean() throws IOException {
        Path root = Fixtures.corpora() == null ? null : Fixtures.corpora().resolve("feeds/feedparser/wellformed/sanitize");
        assumeTrue(root != null && Files.isDirectory(root), "corpus absent");
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<String> dirty = new ArrayList<>();
        int pages = 0;
        int refused = 0;
        for (Path f : files) {
            ParsedFeed feed;
            try {
                feed = FeedParser.parse(Files.readAllBytes(f), "application/xml", "http://example.com/feed.xml");
            } catch (FeedException e) {
                refused++; // nothing stored, nothing shown
                continue;
            }
            List<ParsedItem> items = feed.items().isEmpty()
                    ? List.of(new ParsedItem(null, feed.link(), feed.title(), null, feed.description(), null, null, null, null, null))
                    : feed.items();
            for (ParsedItem it : items) {
                Article a = new Article(1, 1, feed.title(), it.guid(), it.link(), it.title(), it.author(), it.summary(), it.content(),
                        Instant.EPOCH, Instant.EPOCH, null, false, false, false, it.categories(), it.enclosures());
                String problem = problem(ReaderHtml.page(a, true, false, 15, ZoneOffset.UTC));
                pages++;
                if (problem != null) dirty.add(root.relativize(f) + ": " + problem);
            }
        }
        System.out.printf(Locale.ROOT, "sanitiser corpus: %d files, %d pages rendered, %d files refused, %d unsafe%n",
                files.size(), pages, refused, dirty.size());
        assertTrue(files.size() >= 745, "the corpus has its 745 cases: " + files.size());
        assertEquals(List.of(), dirty);
    }

    /** What in a rendered page could run script or fetch it; null when nothing. */
    static String problem(String html) {
        Document d = Jsoup.parse(html);
        Element body = d.body();
        Element active = d.selectFirst("script, iframe, object, embed, applet, frame, frameset, base, form, meta[http-equiv~=(?i)refresh], link");
        if (active != null) return "active element " + active.tagName();
        for (Element e : body.getAllElements()) {
            for (Attribute at : e.attributes()) {
                String name = at.getKey().toLowerCase(Locale.ROOT);
                String value = at.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (name.startsWith("on")) return "event handler " + name + " on " + e.tagName();
                if (BAD_URL.matcher(value).matches() && !name.equals("alt") && !name.equals("title")) return name + "=" + at.getValue();
                if (name.equals("style") && BAD_CSS.matcher(at.getValue()).find()) return "style " + at.getValue();
            }
            if (e.tagName().equals("style") && BAD_CSS.matcher(e.data()).find()) return "style element";
        }
        return null;
    }
}
