package app.storyline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Fixtures;
import app.storyline.Items;
import app.storyline.LoopbackServer;
import app.storyline.model.Feed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionsTest {
    @TempDir Path dir;
    LoopbackServer server;
    Library lib;

    @BeforeEach
    void start() {
        server = new LoopbackServer()
                .on("/rss.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", Items.rss("Top stories", "a", "b")))
                .on("/atom.xml", ex -> LoopbackServer.send(ex, 200, "application/atom+xml",
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom</title><entry><id>x</id><title>X</title></entry></feed>"))
                .on("/feed.json", ex -> LoopbackServer.send(ex, 200, "application/feed+json",
                        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[]}"))
                .on("/page", ex -> LoopbackServer.send(ex, 200, "text/html", Fixtures.bytes("feeds/html-page-with-feeds.html")))
                .on("/one", ex -> LoopbackServer.send(ex, 200, "text/html",
                        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\"></head></html>"))
                .on("/none", ex -> LoopbackServer.send(ex, 200, "text/html", "<html><body>no feeds</body></html>"));
        lib = Library.open(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        lib.close();
        server.close();
    }

    @Test
    void subscribingToAFeedUrlStoresItsArticles() {
        var r = lib.subscriptions().subscribe(server.url("/rss.xml"), "News/World", false);
        assertEquals(2, r.added().get(0).added());
        Feed f = lib.feeds().all().get(0);
        assertEquals("Top stories", f.title());
        assertEquals(List.of("News", "World"), lib.folders().paths().get(f.folderId()));
        var again = lib.subscriptions().subscribe(server.url("/rss.xml"), null, false);
        assertEquals(1, again.existing().size(), "subscribing twice is harmless");
    }

    @Test
    void aPageWithOneFeedSubscribesToIt() {
        var r = lib.subscriptions().subscribe(server.url("/one"), null, false);
        assertEquals(server.url("/rss.xml"), lib.feeds().byId(r.added().get(0).feedId()).orElseThrow().url());
    }

    @Test
    void aPageWithSeveralFeedsListsThemUnlessAll() {
        // The fixture page links to /rss.xml, /atom.xml (absolute, another host) and feed.json.
        var r = lib.subscriptions().subscribe(server.url("/page"), null, false);
        assertEquals(3, r.choices().size());
        assertEquals(0, lib.feeds().all().size());
        var all = lib.subscriptions().subscribe(server.url("/page"), null, true);
        assertTrue(all.added().size() >= 2, "rss and json on this host; " + all);
    }

    @Test
    void aPageWithoutFeedsAndBadUrlsAreUserErrors() {
        assertThrows(UserError.class, () -> lib.subscriptions().subscribe(server.url("/none"), null, false));
        assertThrows(RuntimeException.class, () -> lib.subscriptions().subscribe("file:///etc/passwd", null, false));
        assertThrows(UserError.class, () -> lib.subscriptions().subscribe(server.url("/missing"), null, false));
    }

    @Test
    void opmlImportSkipsDuplicatesAndExportRoundTrips() throws Exception {
        Path opml = dir.resolve("in.opml");
        Files.write(opml, Fixtures.bytes("opml/nested-folders-duplicates-bad-outlines.opml"));
        var r = lib.subscriptions().importOpml(opml);
        assertEquals(4, r.added());
        assertEquals(2, r.problems().size());
        var again = lib.subscriptions().importOpml(opml);
        assertEquals(0, again.added());
        assertEquals(4, again.duplicates().size());

        Path out = dir.resolve("out/exported.opml");
        assertEquals(4, lib.subscriptions().exportOpml(out));
        try (Library other = Library.open(dir.resolve("other"))) {
            var back = other.subscriptions().importOpml(out);
            assertEquals(4, back.added());
            assertEquals(lib.folders().paths().values().stream().map(Object::toString).sorted().toList(),
                    other.folders().paths().values().stream().map(Object::toString).sorted().toList());
        }
    }

    @Test
    void importRefusesDirectoriesMissingAndHugeFiles() throws Exception {
        assertThrows(UserError.class, () -> lib.subscriptions().importOpml(dir));
        assertThrows(UserError.class, () -> lib.subscriptions().importOpml(dir.resolve("nope.opml")));
        Path huge = dir.resolve("huge.opml");
        Files.write(huge, new byte[(int) Subscriptions.MAX_FILE_BYTES + 1]);
        assertThrows(UserError.class, () -> lib.subscriptions().importOpml(huge));
    }

    @Test
    void aSecondProcessCannotOpenTheSameDataFolder() {
        UserError e = assertThrows(UserError.class, () -> Library.open(dir.resolve("data")));
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
}
