package app.storyline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.LoopbackServer;
import app.storyline.index.Search;
import app.storyline.store.ArticleRows;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refreshing while a person searches, reads and looks at related articles, as the window does on its
 * threads: no errors, and every reader keeps getting answers while the refresh writes (WAL readers).
 */
class ConcurrencyTest {
    @TempDir Path dir;

    @Test
    void refreshWhileSearchingReadingAndRelating() throws Exception {
        try (LoopbackServer server = new LoopbackServer(); Library lib = Library.open(dir)) {
            AtomicInteger round = new AtomicInteger();
            for (int f = 0; f < 30; f++) {
                int feed = f;
                server.on("/f" + f + ".xml", ex -> {
                    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Feed " + feed + "</title>");
                    for (int i = 0; i < 20 * (round.get() + 1); i++) {
                        sb.append("<item><guid>").append(feed).append('-').append(i).append("</guid><title>Harbour council story ")
                                .append(i).append("</title><description>Port budget vote and tram line ").append(i % 7).append(" feed ")
                                .append(feed).append("</description></item>");
                    }
                    LoopbackServer.send(ex, 200, "application/rss+xml", sb.append("</channel></rss>").toString());
                });
                lib.feeds().add(server.url("/f" + f + ".xml"), null, null);
            }
            lib.refresher().refresh(lib.feeds().all(), null);
            AtomicBoolean refreshing = new AtomicBoolean(true);
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            AtomicInteger searches = new AtomicInteger();
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger related = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int r = 1; r <= 3; r++) {
                        round.set(r);
                        lib.refresher().refresh(lib.feeds().all(), null);
                    }
                } finally {
                    refreshing.set(false);
                }
                return null;
            });
            Runnable searcher = () -> {
                while (refreshing.get()) {
                    new Search(lib.index(), ZoneOffset.UTC).search("harbour OR tram", 50, Search.Order.RELEVANCE);
                    searches.incrementAndGet();
                }
            };
            Runnable reader = () -> {
                while (refreshing.get()) {
                    var rows = lib.rows().list(new ArticleRows.Filter(null, null, false, false, false, null, 200));
                    if (!rows.isEmpty()) lib.articles().get(rows.get(reads.get() % rows.size()).id()).orElseThrow();
                    lib.articles().setRead(List.of(rows.get(0).id()), reads.get() % 2 == 0);
                    reads.incrementAndGet();
                }
            };
            Runnable relater = () -> {
                while (refreshing.get()) {
                    var engine = lib.related(null);
                    var rows = lib.rows().list(new ArticleRows.Filter(null, null, false, false, false, null, 20));
                    engine.related(rows.get(related.get() % rows.size()).id(), 10);
                    related.incrementAndGet();
                }
            };
            List<Future<?>> others = List.of(pool.submit(guard(searcher, errors)), pool.submit(guard(reader, errors)), pool.submit(guard(relater, errors)));
            writer.get(300, TimeUnit.SECONDS); // a liveness bound, not a timing target
            for (Future<?> f : others) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertEquals(List.of(), errors);
            assertTrue(searches.get() > 0 && reads.get() > 0 && related.get() > 0,
                    "all kept working: " + searches + " searches, " + reads + " reads, " + related + " related");
            assertEquals(30 * 80, lib.articles().count(), "every refresh landed");
        }
    }

    private static Runnable guard(Runnable r, List<Throwable> errors) {
        return () -> {
            try {
                r.run();
            } catch (Throwable t) {
                errors.add(t);
            }
        };
    }
}
