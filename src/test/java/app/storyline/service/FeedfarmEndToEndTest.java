package app.storyline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.storyline.FeedFarm;
import app.storyline.Fixtures;
import app.storyline.feed.HttpFetcher;
import app.storyline.index.Search;
import app.storyline.model.Article;
import app.storyline.model.Feed;
import app.storyline.service.Refresher.FeedResult;
import app.storyline.service.Refresher.Status;
import app.storyline.store.ArticleStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real feeds of real headlines served by feedfarm on 20 loopback hosts, through import and refresh. */
class FeedfarmEndToEndTest {
    @TempDir Path dir;

    @Test
    void everyServedItemIsStoredOnceAndTheSecondRefreshOnlyRevalidates() {
        assumeTrue(FeedFarm.available(), "python3, feedfarm or corpora absent");
        Path corpus = Fixtures.corpora().resolve("uci/dev.jsonl");
        try (FeedFarm farm = FeedFarm.build(dir.resolve("farm"), List.of("--corpus", corpus.toString(), "--hosts", "20",
                "--items-per-feed", "25", "--group-by", "dataset"), List.of("--latency-ms", "5"));
             Library lib = Library.open(dir.resolve("data"))) {
            var imported = lib.subscriptions().importOpml(farm.opml());
            assertTrue(imported.added() >= 200, "a few hundred feeds: " + imported.added());
            List<FeedResult> first = lib.refresher().refresh(lib.feeds().all(), null);
            assertTrue(first.stream().allMatch(r -> r.status() == Status.NEW), "every feed brought articles");

            List<JsonNode> labels = farm.labels();
            List<Article> stored = lib.articles().list(new ArticleStore.Query(null, false, false, 0));
            assertEquals(labels.size(), stored.size(), "every served item stored exactly once");
            Set<String> guids = new HashSet<>();
            for (Article a : stored) assertTrue(guids.add(a.guid()), "duplicate " + a.guid());
            for (JsonNode l : labels) assertTrue(guids.contains(l.get("guid").asText()), "missing " + l.get("guid"));
            String title = labels.get(0).get("title").asText();
            assertTrue(new Search(lib.index(), ZoneOffset.UTC).search("\"" + title.replace("\"", "") + "\"", 5,
                    Search.Order.RELEVANCE).total() >= 1, "searchable: " + title);

            int requestsBefore = farm.accessLog().size();
            List<FeedResult> second = lib.refresher().refresh(lib.feeds().all(), null);
            assertTrue(second.stream().allMatch(r -> r.status() == Status.UNCHANGED && r.httpStatus() == 304),
                    "every feed answered 304, nothing parsed");
            List<JsonNode> log = farm.accessLog();
            List<JsonNode> again = log.subList(requestsBefore, log.size());
            assertEquals(imported.added(), again.size(), "one request per feed");
            assertTrue(again.stream().allMatch(r -> r.get("cond").asBoolean()), "only conditional requests");
            assertEquals(labels.size(), lib.articles().count());
        }
    }

    @Test
    void brokenSlowAndHostileFeedsFailAloneWithReasons() {
        assumeTrue(FeedFarm.available(), "python3, feedfarm or corpora absent");
        Path corpus = Fixtures.corpora().resolve("uci/dev.jsonl");
        String faults = "uci-p001=500;uci-p002=404;uci-p003=loop;uci-p004=429:600;uci-p005=stall:20;uci-p006=gzbomb:64;"
                + "uci-p007=garbage;uci-p008=html;uci-p009=empty;uci-p010=reset;uci-p011=cutxml:0.5;uci-p012=301;uci-p013=truncate:0.5";
        try (FeedFarm farm = FeedFarm.build(dir.resolve("farm"), List.of("--corpus", corpus.toString(), "--hosts", "20",
                "--items-per-feed", "100", "--group-by", "dataset"), List.of("--faults", faults));
             Library lib = Library.open(dir.resolve("data"),
                     new HttpFetcher.Limits(Duration.ofSeconds(2), Duration.ofSeconds(3), 10L << 20, 5, 2, 64, Duration.ofDays(7)))) {
            lib.subscriptions().importOpml(farm.opml());
            Map<String, FeedResult> byName = new HashMap<>();
            for (FeedResult r : lib.refresher().refresh(lib.feeds().all(), null)) {
                byName.put(r.url().replaceAll(".*/(?:feeds|moved)/([^/]+)\\.xml$", "$1"), r);
            }
            assertFailed(byName, "uci-p001", "HTTP 500");
            assertFailed(byName, "uci-p002", "HTTP 404");
            assertFailed(byName, "uci-p003", "redirect loop");
            assertFailed(byName, "uci-p004", "HTTP 429");
            assertFailed(byName, "uci-p005", "timed out");
            assertFailed(byName, "uci-p006", "larger than");
            assertFailed(byName, "uci-p007", "not a feed");
            assertFailed(byName, "uci-p008", "web page, not a feed; the page links to a feed");
            assertFailed(byName, "uci-p009", "empty");
            assertFailed(byName, "uci-p010", "");
            // A feed cut in half still gives the items it has; a permanent redirect is followed and remembered.
            assertEquals(Status.NEW, byName.get("uci-p011").status(), String.valueOf(byName.get("uci-p011")));
            assertEquals(Status.NEW, byName.get("uci-p012").status());
            assertTrue(byName.get("uci-p012").url().contains("/moved/"), byName.get("uci-p012").url());
            int healthy = 0;
            for (var e : byName.entrySet()) {
                if (e.getKey().compareTo("uci-p014") >= 0) {
                    assertEquals(Status.NEW, e.getValue().status(), e.getKey() + ": " + e.getValue());
                    healthy++;
                }
            }
            assertTrue(healthy >= 30, "the other feeds all refreshed: " + healthy);
            Feed dead = lib.feeds().all().get(0);
            assertNotNull(lib.feeds().fetchState(dead.id()).lastError());
            assertNotNull(lib.feeds().fetchState(lib.feeds().all().get(3).id()).nextFetchAfter(), "429 Retry-After kept");
        }
    }

    private static void assertFailed(Map<String, FeedResult> byName, String feed, String reason) {
        FeedResult r = byName.get(feed);
        assertNotNull(r, feed + " in " + byName.keySet());
        assertEquals(Status.ERROR, r.status(), feed + ": " + r);
        assertTrue(r.error() != null && r.error().contains(reason), feed + ": " + r.error());
    }
}
