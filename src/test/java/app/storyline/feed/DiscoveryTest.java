package app.storyline.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.storyline.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    @Test
    void findsRssAtomAndJsonFeedAlternatesResolvedAgainstThePage() {
        List<Discovery.Candidate> found = Discovery.find(Fixtures.bytes("feeds/html-page-with-feeds.html"), "text/html", "https://site.example.com/news/");
        assertEquals(List.of(
                new Discovery.Candidate("https://site.example.com/rss.xml", "Top stories", "application/rss+xml"),
                new Discovery.Candidate("https://site.example.com/atom.xml", "Atom", "application/atom+xml"),
                new Discovery.Candidate("https://site.example.com/news/feed.json", null, "application/feed+json")), found);
    }

    @Test
    void aPageWithoutFeedsFindsNothing() {
        assertEquals(List.of(), Discovery.find("<html><head><link rel=stylesheet href=a.css></head></html>".getBytes(), null, "http://x.example/"));
    }
}
