package app.storyline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static app.storyline.Items.rss;

import app.storyline.LoopbackServer;
import app.storyline.feed.HttpFetcher;
import app.storyline.index.Search;
import app.storyline.model.Feed;
import app.storyline.model.FetchState;
import app.storyline.service.Refresher.FeedResult;
import app.storyline.service.Refresher.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefresherTest {
    @TempDir Path dir;
    LoopbackServer server;
    Library lib;
    final java.util.concurrent.atomic.AtomicBoolean flakyDown = new java.util.concurrent.atomic.AtomicBoolean(true);
    final AtomicReference<String> goodBody = new AtomicReference<>(rss("Good feed", "one", "two"));

    @BeforeEach
    void start() {
        server = new LoopbackServer()
                .on("/good", ex -> {
                    String body = goodBody.get();
                    String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
                    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                        LoopbackServer.send(ex, 304, null, new byte[0]);
                        return;
                    }
                    ex.getResponseHeaders().set("ETag", etag);
                    LoopbackServer.send(ex, 200, "application/rss+xml", body);
                })
                .on("/no-validators", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", rss("Plain", "p1")))
                .on("/missing", ex -> LoopbackServer.send(ex, 404, "text/plain", "nope"))
                .on("/broken", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", "Fatal error: database unavailable in feed.php"))
                .on("/busy", ex -> {
                    ex.getResponseHeaders().set("Retry-After", "3600");
                    LoopbackServer.send(ex, 503, "text/plain", "later");
                })
                .on("/flaky", ex -> {
                    if (flakyDown.get()) LoopbackServer.send(ex, 500, "text/plain", "down");
                    else LoopbackServer.send(ex, 200, "text/plain; charset=utf-8", rss("Flaky", "f1", "f2")); // wrong type: parsed anyway
                })
                .on("/gone", ex -> LoopbackServer.send(ex, 410, "text/plain", "gone"))
                .on("/page", ex -> LoopbackServer.send(ex, 200, "text/html",
                        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/good\"></head><body>News</body></html>"))
                .on("/tracked", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title>"
                        + "<item><title>x</title><link>https://example.com/a?id=7&amp;utm_source=rss&amp;utm_medium=feed&amp;fbclid=abc#top</link>"
                        + "<description>&lt;p&gt;text&lt;img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"&gt;&lt;/p&gt;</description></item>"
                        + "</channel></rss>"))
                .on("/moved", ex -> {
                    ex.getResponseHeaders().set("Location", "/good");
                    LoopbackServer.send(ex, 301, null, new byte[0]);
                });
        lib = Library.open(dir, new HttpFetcher.Limits(Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20, 5, 2, 16, Duration.ofDays(7)));
    }

    @Test
    void aFailingFeedRecoversWithItsNextHealthyAnswerEvenWithTheWrongContentType() {
        Feed flaky = lib.feeds().add(server.url("/flaky"), "Flaky", null);
        assertEquals(Status.ERROR, lib.refresher().refresh(List.of(flaky), null).get(0).status());
        assertEquals(1, lib.feeds().fetchState(flaky.id()).failures());
        flakyDown.set(false);
        FeedResult back = lib.refresher().refresh(List.of(flaky), null).get(0);
        assertEquals(Status.NEW, back.status(), String.valueOf(back));
        assertEquals(2, back.added());
        FetchState state = lib.feeds().fetchState(flaky.id());
        assertEquals(0, state.failures());
        assertNull(state.lastError());
    }

    @Test
    void aFullDiskFailsTheFeedClearlyAndStoresNothingHalfway() {
        Feed good = lib.feeds().add(server.url("/good"), "Good", null);
        goodBody.set(rss("Big", java.util.stream.IntStream.range(0, 400).mapToObj(i -> "item-" + i).toArray(String[]::new)));
        // SQLite's own "database or disk is full" path: the file may not grow past its current pages.
        lib.db().write(c -> {
            try (var st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = " + pageCount() );
            }
            return null;
        });
        FeedResult r = lib.refresher().refresh(List.of(good), null).get(0);
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.error().startsWith("the disk is full: nothing of this feed was stored"), r.error());
        assertEquals(0, lib.articles().count(), "the feed's transaction was rolled back whole");
        assertEquals("ok", lib.db().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
                return rs.getString(1);
            }
        }));
        lib.db().write(c -> {
            try (var st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = 1073741823");
            }
            return null;
        });
        assertEquals(Status.NEW, lib.refresher().refresh(List.of(good), null).get(0).status(), "space again: the feed recovers");
        assertEquals(400, lib.articles().count());
    }

    @Test
    void aReadOnlyDatabaseFailsTheFeedClearly() {
        Feed good = lib.feeds().add(server.url("/good"), "Good", null);
        // SQLite's "attempt to write a readonly database" path, as a read-only file or folder gives it
        // (the tests run as root, which ignores file permissions). The library was opened writable.
        lib.index();
        lib.db().write(c -> {
            try (var st = c.createStatement()) {
                st.execute("PRAGMA query_only = 1");
            }
            return null;
        });
        FeedResult r = lib.refresher().refresh(List.of(good), null).get(0);
        assertEquals(Status.ERROR, r.status());
        assertEquals("the data folder is read-only: nothing of this feed was stored", r.error());
        assertEquals(0, lib.articles().count());
    }

    private long pageCount() {
        return lib.db().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
                return rs.getLong(1);
            }
        });
    }

    @Test
    void automaticRefreshesBackOffFromFailingFeedsManualOnesDoNot() {
        Feed missing = lib.feeds().add(server.url("/missing"), "Missing", null);
        Feed good = lib.feeds().add(server.url("/good"), "Good", null);
        lib.refresher().refresh(List.of(missing, good), null);
        int asked = server.requests.size();
        var auto = lib.refresher().refreshDue(List.of(missing, good), null, java.time.Instant.now());
        FeedResult waited = auto.stream().filter(r -> r.feedId() == missing.id()).findFirst().orElseThrow();
        assertEquals(Status.SKIPPED, waited.status());
        assertTrue(waited.error().startsWith("backing off after 1 failure"), waited.error());
        assertEquals(asked + 1, server.requests.size(), "only the healthy feed was asked");
        var later = lib.refresher().refreshDue(List.of(missing), null, java.time.Instant.now().plus(Duration.ofMinutes(16)));
        assertEquals(Status.ERROR, later.get(0).status(), "after 15 minutes it is tried again");
        assertEquals(Duration.ofMinutes(30), Refresher.backoff(2));
        assertEquals(Duration.ofDays(1), Refresher.backoff(20));
        assertEquals(Status.ERROR, lib.refresher().refresh(List.of(missing), null).get(0).status(), "a manual refresh always asks");
    }

    @Test
    void goneFeedIsNotFetchedAgainAndSaysSo() {
        Feed gone = lib.feeds().add(server.url("/gone"), "Gone", null);
        FeedResult first = lib.refresher().refresh(List.of(gone), null).get(0);
        assertEquals(Status.ERROR, first.status());
        assertTrue(first.error().contains("gone for good (HTTP 410)"), first.error());
        int requests = server.requests.size();
        FeedResult second = lib.refresher().refresh(List.of(gone), null).get(0);
        assertEquals(Status.SKIPPED, second.status());
        assertTrue(second.error().startsWith("gone (HTTP 410)"), second.error());
        assertEquals(requests, server.requests.size(), "a gone feed is not asked again");
    }

    @Test
    void webPageInsteadOfAFeedNamesTheFeedItLinksTo() {
        Feed page = lib.feeds().add(server.url("/page"), "Page", null);
        FeedResult r = lib.refresher().refresh(List.of(page), null).get(0);
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.error().contains("web page, not a feed") && r.error().contains(server.url("/good")), r.error());
    }

    @Test
    void trackingParametersAndPixelsAreNotKept() {
        Feed tracked = lib.feeds().add(server.url("/tracked"), "Tracked", null);
        lib.refresher().refresh(List.of(tracked), null);
        var a = lib.articles().list(new app.storyline.store.ArticleStore.Query(tracked.id(), false, false, 5)).get(0);
        assertEquals("https://example.com/a?id=7#top", a.link());
        assertTrue(!app.storyline.feed.Html.sanitize(a.body(), a.link()).contains("p.gif"), "the 1x1 image is dropped");
    }

    @AfterEach
    void stop() {
        lib.close();
        server.close();
    }

    private List<FeedResult> refreshAll() {
        return lib.refresher().refresh(lib.feeds().all(), null);
    }

    private Feed add(String path) {
        return lib.feeds().add(server.url(path), null, null);
    }

    @Test
    void failingFeedsAreRecordedAndNeverStopTheOthers() {
        Feed good = add("/good");
        Feed missing = add("/missing");
        Feed broken = add("/broken");
        add("/no-validators");
        List<FeedResult> r = refreshAll();
        assertEquals(Status.NEW, r.get(0).status());
        assertEquals(2, r.get(0).added());
        assertEquals(Status.ERROR, r.get(1).status());
        assertEquals("HTTP 404 Not Found", r.get(1).error());
        assertEquals(Status.ERROR, r.get(2).status());
        assertTrue(r.get(2).error().startsWith("not a feed"), r.get(2).error());
        assertEquals(Status.NEW, r.get(3).status());

        FetchState s = lib.feeds().fetchState(missing.id());
        assertEquals(404, s.httpStatus());
        assertEquals("HTTP 404 Not Found", s.lastError());
        assertEquals(1, s.failures());
        assertNotNull(s.lastAttempt());
        assertNull(s.lastSuccess());
        assertEquals("Good feed", lib.feeds().byId(good.id()).orElseThrow().title(), "the feed's own title is kept");
        assertNotNull(lib.feeds().fetchState(broken.id()).lastError());
        assertEquals(3, lib.articles().count());
    }

    @Test
    void everyArticleIsSearchableWhenRefreshReturns() {
        add("/good");
        refreshAll();
        assertEquals(2, new Search(lib.index(), ZoneOffset.UTC).search("zebras", 10, Search.Order.RELEVANCE).total());
    }

    @Test
    void secondRefreshIsConditionalAndAnUnchangedBodyIsNotParsedAgain() {
        Feed good = add("/good");
        Feed plain = add("/no-validators");
        refreshAll();
        List<FeedResult> again = refreshAll();
        assertEquals(Status.UNCHANGED, again.get(0).status());
        assertEquals(304, again.get(0).httpStatus());
        assertEquals(Status.UNCHANGED, again.get(1).status(), "same body hash");
        assertEquals(200, again.get(1).httpStatus());
        assertTrue(server.requests.stream().filter(q -> q.path().equals("/good")).skip(1).allMatch(q -> q.ifNoneMatch() != null));
        assertNull(lib.feeds().fetchState(good.id()).lastError());
        assertEquals(0, lib.feeds().fetchState(plain.id()).failures());
    }

    @Test
    void changedFeedBringsNewAndUpdatedArticles() {
        add("/good");
        refreshAll();
        goodBody.set(rss("Good feed", "one", "two", "three").replace("About two", "Corrected: about two"));
        FeedResult r = refreshAll().get(0);
        assertEquals(Status.NEW, r.status());
        assertEquals(1, r.added());
        assertEquals(1, r.updated());
        assertEquals(3, lib.articles().count());
    }

    @Test
    void retryAfterSkipsTheFeedUntilThen() {
        Feed busy = add("/busy");
        FeedResult first = refreshAll().get(0);
        assertEquals(Status.ERROR, first.status());
        assertEquals(503, first.httpStatus());
        FeedResult second = refreshAll().get(0);
        assertEquals(Status.SKIPPED, second.status());
        assertEquals(1, server.count("/busy"), "no second request before Retry-After");
        assertNotNull(lib.feeds().fetchState(busy.id()).nextFetchAfter());
    }

    @Test
    void permanentRedirectMovesTheSubscription() {
        Feed moved = add("/moved");
        refreshAll();
        assertEquals(server.url("/good"), lib.feeds().byId(moved.id()).orElseThrow().url());
    }

    @Test
    void aParseErrorKeepsOldValidatorsSoTheNextFetchRetries() {
        Feed broken = add("/broken");
        refreshAll();
        refreshAll();
        assertEquals(2, server.count("/broken"));
        assertEquals(2, lib.feeds().fetchState(broken.id()).failures());
    }
}
