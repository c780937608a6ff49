package app.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Fixtures;
import app.storyline.Items;
import app.storyline.LoopbackServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir Path dir;
    LoopbackServer server;

    @BeforeEach
    void start() {
        server = new LoopbackServer()
                .on("/a.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", Items.rss("Feed A", "a1", "a2")))
                .on("/b.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", Fixtures.bytes("feeds/rss2-basic.xml")))
                .on("/dead.xml", ex -> LoopbackServer.send(ex, 500, "text/plain", "boom"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CliRun run(String... args) {
        return CliRun.of(dir.resolve("default-data"), args);
    }

    String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void subscribeRefreshListSearchShowEndToEnd() {
        assertEquals(0, run("--data", data(), "subscribe", server.url("/a.xml")).code());
        assertEquals(0, run("subscribe", server.url("/b.xml"), "--data", data(), "--folder", "News").code());
        assertEquals(0, run("--data", data(), "subscribe", server.url("/dead.xml")).code() == 0 ? 1 : 0, "a dead URL cannot be subscribed");

        CliRun refresh = run("--data", data(), "refresh", "--json");
        assertEquals(0, refresh.code(), refresh.err());
        JsonNode r = refresh.lines().get(0);
        assertEquals(2, r.get("feeds").size());
        for (JsonNode f : r.get("feeds")) {
            assertTrue(f.has("id") && f.has("url") && f.has("status") && f.has("new") && f.has("updated") && f.has("error"));
            assertEquals("unchanged", f.get("status").asText());
        }
        assertEquals(2, r.get("totals").get("feeds").asInt());

        CliRun feeds = run("feeds", "--json", "--data", data());
        List<JsonNode> fl = feeds.lines();
        assertEquals(2, fl.size());
        assertEquals("News", fl.get(1).get("folder").asText());
        assertEquals(2, fl.get(1).get("articles").asInt());

        CliRun articles = run("--json", "--data", data(), "articles");
        List<JsonNode> al = articles.lines();
        assertEquals(4, al.size());
        for (JsonNode a : al) {
            for (String key : List.of("id", "guid", "link", "title", "feed", "feedId", "published", "read", "starred")) {
                assertTrue(a.has(key), key + " in " + a);
            }
        }
        List<String> titles = al.stream().map(a -> a.get("title").asText()).toList();
        assertEquals(List.of("Story a1", "Story a2", "Hackers breach two NHS hospitals through Ivanti flaw", "Gangland figure refused parole"),
                titles, "newest first; undated items count from when they arrived");
        assertEquals(1, run("--json", "--data", data(), "articles", "--limit", "1").lines().size());

        CliRun search = run("--data", data(), "--json", "search", "ivanti", "hospitals");
        List<JsonNode> sl = search.lines();
        assertEquals(1, sl.size());
        assertTrue(sl.get(0).get("snippet").asText().contains("<b>"), sl.get(0).toString());
        assertTrue(sl.get(0).get("score").asDouble() > 0);

        CliRun show = run("--data", data(), "show", "nhs-ivanti-1", "--json");
        JsonNode article = show.lines().get(0);
        assertEquals("Jane Reporter", article.get("author").asText());
        assertTrue(article.get("content").asText().contains("EclecticIQ"));
        CliRun human = run("--data", data(), "show", "https://news.example.com/parole");
        assertEquals(0, human.code());
        assertTrue(human.out().contains("Gangland figure refused parole"));
    }

    @Test
    void failedFeedsAreReportedButTheExitCodeIsZero() {
        run("--data", data(), "subscribe", server.url("/a.xml"));
        server.on("/gone.xml", ex -> LoopbackServer.send(ex, 410, "text/plain", "gone"));
        try (var lib = app.storyline.service.Library.open(dir.resolve("data"))) {
            lib.feeds().add(server.url("/gone.xml"), null, null);
        }
        CliRun refresh = run("--data", data(), "refresh");
        assertEquals(0, refresh.code());
        assertTrue(refresh.out().contains("error: the server says this feed is gone for good (HTTP 410)"), refresh.out());
        CliRun feeds = run("--data", data(), "feeds");
        assertTrue(feeds.out().contains("gone for good (HTTP 410)"), feeds.out());
    }

    @Test
    void userErrorsExitOneWithAMessage() {
        CliRun badQuery = run("--data", data(), "search", "\"unclosed");
        assertEquals(1, badQuery.code());
        assertTrue(badQuery.err().contains("unbalanced quote"), badQuery.err());
        assertFalse(badQuery.err().contains("Exception"), "no stack trace: " + badQuery.err());
        assertEquals(1, run("--data", data(), "show", "no-such-article").code());
        assertEquals(1, run("--data", data(), "refresh", "--feed", "999").code());
        assertEquals(1, run("--data", data(), "articles", "--limit", "zero").code());
        assertEquals(1, run("--data", data(), "nonsense").code());
        assertEquals(1, run("--data", data(), "subscribe", "file:///etc/passwd").code());
        assertEquals(1, run("--data", data(), "import", dir.resolve("missing.opml").toString()).code());
        assertEquals(1, run("--data", data(), "search", "x", "--sort", "sideways").code());
    }

    @Test
    void importExportAndParseWork() throws Exception {
        Path opml = dir.resolve("subs.opml");
        Files.write(opml, Fixtures.bytes("opml/nested-folders-duplicates-bad-outlines.opml"));
        CliRun imp = run("--data", data(), "import", opml.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("imported 4 feeds"), imp.out());
        Path out = dir.resolve("out.opml");
        assertEquals(0, run("--data", data(), "export", out.toString()).code());
        assertTrue(Files.readString(out).contains("deep.example.com"));

        Path good = dir.resolve("good.xml");
        Files.write(good, Fixtures.bytes("feeds/rss2-basic.xml"));
        CliRun parse = run("parse", good.toString(), dir.resolve("nope.xml").toString(), opml.toString(), "--json");
        assertEquals(0, parse.code());
        List<JsonNode> pl = parse.lines();
        assertEquals(3, pl.size());
        assertTrue(pl.get(0).get("ok").asBoolean());
        assertEquals(2, pl.get(0).get("items").asInt());
        assertEquals("rss_2.0", pl.get(0).get("format").asText());
        assertEquals(2, pl.get(0).get("entries").size());
        assertFalse(pl.get(1).get("ok").asBoolean());
        assertTrue(pl.get(1).get("error").asText().contains("no such file"));
        assertFalse(pl.get(2).get("ok").asBoolean());
    }

    @Test
    void versionAndHelpOnEveryCommand() {
        CliRun v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("storyline "));
        for (String c : List.of("subscribe", "import", "export", "feeds", "refresh", "articles", "search", "show", "parse", "reindex")) {
            CliRun h = run(c, "--help");
            assertEquals(0, h.code(), c);
            assertTrue(h.out().contains("Usage: storyline " + c), h.out());
        }
    }

    @Test
    void reindexRebuilds() {
        run("--data", data(), "subscribe", server.url("/b.xml"));
        CliRun r = run("--data", data(), "reindex");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("reindexed 2 articles"), r.out());
    }
}
