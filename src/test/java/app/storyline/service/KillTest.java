package app.storyline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.LoopbackServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: a real Storyline process refreshing 80 feeds (or rebuilding the index) is killed with
 * SIGKILL at a random moment. After each kill the database passes integrity_check, every
 * article of every feed reported committed before the kill is there, the search index holds exactly
 * the stored articles once the library is opened again, and the next refresh completes.
 * Three trials in the normal build (each is a process start and a full refresh); the campaign of 20:
 * mvn -B test -Dtest=KillTest -Dstoryline.kill.trials=20 -Dsurefire.failIfNoSpecifiedTests=false
 */
class KillTest {
    private static final int FEEDS = 80;
    private static final int ITEMS = 40;
    @TempDir Path dir;

    @Test
    void killedAtRandomMomentsLosesNothing() throws Exception {
        int trials = Integer.getInteger("storyline.kill.trials", 3);
        Random random = new Random(7);
        try (LoopbackServer server = new LoopbackServer()) {
            for (int f = 0; f < FEEDS; f++) {
                int feed = f;
                server.on("/f" + f + ".xml", ex -> {
                    try {
                        Thread.sleep(5 + feed % 7 * 5); // spread the feeds over the refresh
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LoopbackServer.send(ex, 200, "application/rss+xml", feed(feed));
                });
            }
            int killed = 0;
            int survived = 0;
            List<String> kinds = new ArrayList<>();
            for (int t = 0; t < trials; t++) {
                Path data = dir.resolve("trial" + t);
                try (Library lib = Library.open(data)) {
                    for (int f = 0; f < FEEDS; f++) lib.feeds().add(server.url("/f" + f + ".xml"), null, null);
                    if (t % 3 == 2) lib.refresher().refresh(lib.feeds().all(), null); // a full library to re-index
                }
                String mode = t % 3 == 2 ? "reindex" : "refresh";
                kinds.add(mode);
                Map<Long, Integer> committed = new HashMap<>();
                boolean finished = runAndKill(mode, data, 150 + random.nextInt(1200), committed);
                if (finished) survived++;
                else killed++;
                check(data, committed, server);
            }
            System.out.printf(Locale.ROOT, "kill test: %d trials (%d refresh, %d re-index), %d killed mid-work, %d finished first; all consistent%n",
                    trials, kinds.stream().filter("refresh"::equals).count(), kinds.stream().filter("reindex"::equals).count(), killed, survived);
            assertTrue(killed >= trials / 2, "most trials must really kill mid-work: " + killed + " of " + trials);
        }
    }

    private static String feed(int f) {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Feed " + f + "</title>");
        for (int i = 0; i < ITEMS; i++) {
            sb.append("<item><guid>f").append(f).append("-").append(i).append("</guid><title>Item ").append(i).append(" of feed ").append(f)
                    .append("</title><description>").append("Words about harbour weather and council budgets. ".repeat(20))
                    .append("</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    /** Runs the child, kills it after {@code millis}; true when it finished before that. Fills what it committed. */
    private static boolean runAndKill(String mode, Path data, int millis, Map<Long, Integer> committed) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillChild.class.getName(), mode, data.toString())
                .redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        });
        // wait for the child to start working, then give it the random time
        long deadline = System.currentTimeMillis() + 30_000;
        while (!lines.contains("start") && p.isAlive() && System.currentTimeMillis() < deadline) Thread.sleep(5);
        boolean finished = p.waitFor(millis, TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5000);
        synchronized (lines) {
            for (String line : lines) {
                if (!line.startsWith("done ")) continue;
                String[] parts = line.split(" ");
                committed.put(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            }
        }
        return finished && p.exitValue() == 0;
    }

    private static void check(Path data, Map<Long, Integer> committed, LoopbackServer server) throws Exception {
        try (Library lib = Library.open(data)) {
            String integrity = lib.db().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    return rs.next() ? rs.getString(1) : "no answer";
                }
            });
            assertEquals("ok", integrity, data.toString());
            for (var e : committed.entrySet()) {
                int stored = lib.db().read(c -> {
                    try (var ps = c.prepareStatement("SELECT count(*) FROM article WHERE feed_id = ?")) {
                        ps.setLong(1, e.getKey());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.getInt(1);
                        }
                    }
                });
                assertTrue(stored >= e.getValue(), "feed " + e.getKey() + " reported " + e.getValue() + " committed, has " + stored);
            }
            lib.index().drain();
            assertEquals(lib.articles().count(), lib.index().documentCount(), "the index holds exactly the stored articles");
            var results = lib.refresher().refresh(lib.feeds().all(), null);
            assertTrue(results.stream().noneMatch(r -> r.status() == Refresher.Status.ERROR), String.valueOf(results));
            assertEquals(FEEDS * ITEMS, lib.articles().count(), "the next refresh completes the library");
            assertEquals(FEEDS * ITEMS, lib.index().documentCount());
        }
        assertTrue(Files.exists(data.resolve("storyline.db")));
    }
}
