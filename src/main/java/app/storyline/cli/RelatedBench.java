package app.storyline.cli;

import app.storyline.model.ParsedItem;
import app.storyline.related.RelatedEngine;
import app.storyline.service.Library;
import app.storyline.store.ArticleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The related engine at a library's size: building it, grouping every article from scratch (stories
 * cleared first), joining new articles one at a time, related articles for one article, and related
 * articles for every article when the library is small enough for that to be a use.
 */
final class RelatedBench {
    private RelatedBench() {}

    static int run(Cli cli, Library lib, BenchCommand.Synthetic gen, int queries) {
        lib.db().write(c -> {
            for (String t : List.of("story_skeleton", "story_member", "story")) {
                try (var ps = c.prepareStatement("DELETE FROM " + t)) {
                    ps.executeUpdate();
                }
            }
            return null;
        });
        int n = lib.articles().count();
        long t0 = System.nanoTime();
        RelatedEngine engine = RelatedEngine.load(lib.articles(), lib.stories());
        long t1 = System.nanoTime();
        engine.catchUp(lib.db(), null);
        long t2 = System.nanoTime();
        cli.out.printf(Locale.ROOT, "related: %d articles: engine built in %.1f s; every article grouped into stories from scratch in %.1f s "
                + "(%.2f ms each)%n", n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t1) / 1e6 / Math.max(1, n));

        // Joining: new articles arrive one by one, each stored, taken in and grouped.
        // A new feed each run: its articles are new however often the bench runs on this folder.
        var feed = lib.feeds().add("https://bench-join.example/" + System.currentTimeMillis(), "Join bench", null);
        List<List<ParsedItem>> fresh = gen.items(200, 200);
        long[] join = new long[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            lib.articles().save(feed.id(), fresh.get(i), Instant.now());
            engine.update(lib.articles());
            long a = System.nanoTime();
            engine.catchUp(lib.db(), null);
            join[i] = System.nanoTime() - a;
        }
        Arrays.sort(join);
        cli.out.printf(Locale.ROOT, "  joining a new article to its story (grouping and storing it): p50 %.2f ms, p99 %.2f ms%n",
                pct(join, 0.5), pct(join, 0.99));

        List<Long> ids = new ArrayList<>();
        for (var a : lib.articles().list(new ArticleStore.Query(null, false, false, 0))) ids.add(a.id());
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) engine.related(ids.get(random.nextInt(ids.size())), 8); // warm-up
        long[] one = new long[queries];
        for (int i = 0; i < queries; i++) {
            long id = ids.get(random.nextInt(ids.size()));
            long a = System.nanoTime();
            engine.related(id, 8);
            one[i] = System.nanoTime() - a;
        }
        Arrays.sort(one);
        cli.out.printf(Locale.ROOT, "  related articles for one article (8, with reasons and duplicates folded), %d random articles: "
                + "p50 %.2f ms, p99 %.2f ms%n", queries, pct(one, 0.5), pct(one, 0.99));
        if (ids.size() <= 20_000) {
            long a = System.nanoTime();
            for (long id : ids) engine.related(id, 8);
            cli.out.printf(Locale.ROOT, "  related articles for every one of the %d articles: %.1f s%n", ids.size(), (System.nanoTime() - a) / 1e9);
        }
        return 0;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
