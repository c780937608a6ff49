package app.storyline.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Fixtures;
import app.storyline.model.OpmlFeed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpmlTest {
    @Test
    void nestedOutlinesBecomeFoldersAndBadOnesAreReported() {
        Opml.Result r = Opml.read(Fixtures.bytes("opml/nested-folders-duplicates-bad-outlines.opml"));
        assertEquals(List.of(
                new OpmlFeed("http://top.example.com/feed.xml", "Top level", "http://top.example.com/", List.of()),
                new OpmlFeed("http://world.example.com/rss", "World", null, List.of("News")),
                new OpmlFeed("https://deep.example.com/atom.xml", "Deep", null, List.of("News", "Tech")),
                new OpmlFeed("http://amp.example.com/?a=1&b=2", "Broken & fixed \u2019", null, List.of())), r.feeds());
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("listed twice"), r.problems().toString());
        assertTrue(r.problems().get(1).contains("not an http(s) feed URL"), r.problems().toString());
    }

    @Test
    void opml1WithDeclaredEncodingReads() {
        Opml.Result r = Opml.read(Fixtures.bytes("opml/opml1-flat.opml"));
        assertEquals("Caf\u00e9", r.feeds().get(0).title());
    }

    @Test
    void writtenOpmlReadsBackTheSameFeedsAndFolders() {
        List<OpmlFeed> feeds = Opml.read(Fixtures.bytes("opml/nested-folders-duplicates-bad-outlines.opml")).feeds();
        byte[] out = Opml.write(feeds, "Storyline subscriptions");
        Opml.Result again = Opml.read(out);
        assertEquals(Set.copyOf(feeds), Set.copyOf(again.feeds()));
        assertTrue(again.problems().isEmpty());
        assertTrue(new String(out, StandardCharsets.UTF_8).contains("<opml version=\"2.0\">"));
    }

    @Test
    void notOpmlIsAClearError() {
        FeedException e = assertThrows(FeedException.class, () -> Opml.read("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not an OPML file"), e.getMessage());
        assertThrows(FeedException.class, () -> Opml.read("not xml at all".getBytes(StandardCharsets.UTF_8)));
    }
}
