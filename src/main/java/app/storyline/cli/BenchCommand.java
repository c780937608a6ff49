package app.storyline.cli;

import app.storyline.index.Search;
import app.storyline.index.SearchIndex;
import app.storyline.model.Feed;
import app.storyline.model.ParsedItem;
import app.storyline.service.Library;
import app.storyline.service.UserError;
import app.storyline.store.ArticleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * Benchmarks at realistic sizes, reported as figures (never asserted): {@code ingest} stores and
 * indexes a synthetic corpus, {@code search} runs a mixed query set with snippets and reports latency
 * percentiles, {@code refresh} times whole `storyline refresh` processes against feedfarm on loopback.
 */
final class BenchCommand extends Command {
    BenchCommand() {
        super("bench", "ingest|search|refresh|related", "Measure ingest rate, search or related latency, or whole-process refresh time.");
    }

    @Override
    List<String> details() {
        return List.of("ingest:  --articles N (100000) --feeds F (1000); a fresh data folder unless --data is given.",
                "search:  --articles N (100000) --queries Q (2000); ingests first when the folder holds fewer articles.",
                "refresh: --feeds F --items M --hosts H --latency-ms L --runs R, against ../shared/tools/feedfarm.py (see README).",
                "related: --articles N (100000) --queries Q (2000); clears and regroups the folder's stories.");
    }

    @Override
    Options options() {
        return new Options().addOption(valued("articles", "N", "Articles to ingest (default 100000)."))
                .addOption(valued("feeds", "F", "Feeds (ingest default 1000; refresh default 200)."))
                .addOption(valued("queries", "Q", "Queries to time (default 2000)."))
                .addOption(valued("items", "M", "Items per feed for refresh (default 50)."))
                .addOption(valued("hosts", "H", "Loopback hosts for refresh (default 20)."))
                .addOption(valued("latency-ms", "L", "Server latency for refresh (default 50)."))
                .addOption(valued("runs", "R", "Timed runs for refresh (default 5)."))
                .addOption(valued("feedfarm", "PATH", "feedfarm.py (default ../shared/tools/feedfarm.py)."))
                .addOption(valued("corpus", "FILE", "Corpus for feedfarm synth (default ../shared/corpora/uci/dev.jsonl)."))
                .addOption(valued("seed", "S", "Random seed (default 1)."))
                .addOption(flag("sequential", "ingest: store everything first, then index (shows each phase's cost)."));
    }

    @Override
    int run(Cli cli, CommandLine cl) {
        String what = args(cl, 1, "ingest, search, refresh or related").get(0);
        return switch (what) {
            case "ingest" -> withFolder(cli, dir -> ingest(cli, cl, dir));
            case "search" -> withFolder(cli, dir -> search(cli, cl, dir));
            case "refresh" -> new RefreshBench(cli, cl).run();
            case "related" -> withFolder(cli, dir -> related(cli, cl, dir));
            default -> throw new UserError("bench what? ingest, search, refresh or related, not " + what);
        };
    }

    private interface InFolder {
        int run(Path dir);
    }

    /** The given --data folder, or a temporary one removed afterwards. */
    private static int withFolder(Cli cli, InFolder body) {
        if (cli.hasExplicitData()) return body.run(cli.dataDir());
        Path tmp;
        try {
            tmp = Files.createTempDirectory("storyline-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return body.run(tmp);
        } finally {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int ingest(Cli cli, CommandLine cl, Path dir) {
        int n = intOption(cl, "articles", 100_000, 1);
        int feeds = intOption(cl, "feeds", 1000, 1);
        Synthetic gen = new Synthetic(intOption(cl, "seed", 1, 0));
        try (Library lib = Library.open(dir)) {
            Result r = ingest(lib, gen, n, feeds, cl.hasOption("sequential"));
            cli.out.printf(Locale.ROOT, "ingest (%s): %d articles in %d feeds, indexing while storing: all stored after %.2f s, "
                    + "all stored, indexed and committed after %.2f s: %.0f articles/s%n", gen.source(), n, feeds,
                    r.storedSeconds, r.totalSeconds, n / r.totalSeconds);
            return 0;
        }
    }

    record Result(double storedSeconds, double totalSeconds) {}

    /**
     * Stores feed after feed while an indexer thread drains the queue, as a refresh does; returns the
     * time until every article was stored, and until every article was also indexed and committed.
     */
    static Result ingest(Library lib, Synthetic gen, int n, int feeds, boolean sequential) {
        List<List<ParsedItem>> batches = gen.items(n, feeds);
        List<Feed> fs = new ArrayList<>();
        for (int f = 0; f < batches.size(); f++) fs.add(lib.feeds().add("https://bench" + (f % 100) + ".example/feed" + f, "Bench feed " + f, null));
        SearchIndex index = lib.index(); // open the index first: its start-up is not ingest work
        Instant now = Instant.now();
        AtomicBoolean storing = new AtomicBoolean(!sequential);
        long t0 = System.nanoTime();
        Thread indexer = Thread.ofPlatform().name("bench-indexer").start(() -> {
            while (storing.get()) {
                if (index.applyQueued() == 0) Thread.onSpinWait();
            }
        });
        for (int f = 0; f < batches.size(); f++) {
            long feedId = fs.get(f).id();
            List<ParsedItem> items = batches.get(f);
            lib.db().write(c -> ArticleStore.save(c, feedId, items, now));
        }
        long t1 = System.nanoTime();
        storing.set(false);
        try {
            indexer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        index.applyQueued();
        index.commitApplied();
        long t2 = System.nanoTime();
        return new Result((t1 - t0) / 1e9, (t2 - t0) / 1e9);
    }

    private int search(Cli cli, CommandLine cl, Path dir) {
        int n = intOption(cl, "articles", 100_000, 1);
        int queries = intOption(cl, "queries", 2000, 10);
        Synthetic gen = new Synthetic(intOption(cl, "seed", 1, 0));
        try (Library lib = Library.open(dir)) {
            int have = lib.articles().count();
            if (have < n) {
                cli.err.println("bench search: ingesting " + (n - have) + " articles first");
                ingest(lib, gen, n - have, Math.max(1, (n - have) / 100), false);
            }
            Search search = new Search(lib.index(), ZoneOffset.UTC);
            List<String> qs = gen.queries(queries + 200);
            for (int i = 0; i < 200; i++) search.search(qs.get(i), 20, Search.Order.RELEVANCE); // warm-up
            long[] ns = new long[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                String q = qs.get(200 + i);
                long t0 = System.nanoTime();
                Search.Results r = search.search(q, 20, i % 10 == 9 ? Search.Order.DATE : Search.Order.RELEVANCE);
                ns[i] = System.nanoTime() - t0;
                hits += r.hits().size();
            }
            Arrays.sort(ns);
            cli.out.printf(Locale.ROOT, "search: %d articles, %d queries (20 results with snippets; words, phrases, OR, NOT, "
                            + "title:, after:, 10%% by date): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %.1f results/query%n",
                    lib.articles().count(), queries, ms(ns, 0.50), ms(ns, 0.90), ms(ns, 0.99), ns[ns.length - 1] / 1e6, hits / (double) queries);
            return 0;
        }
    }

    private int related(Cli cli, CommandLine cl, Path dir) {
        int n = intOption(cl, "articles", 100_000, 1);
        Synthetic gen = new Synthetic(intOption(cl, "seed", 1, 0));
        try (Library lib = Library.open(dir)) {
            int have = lib.articles().count();
            if (have < n) {
                cli.err.println("bench related: ingesting " + (n - have) + " articles first");
                ingest(lib, gen, n - have, Math.max(1, (n - have) / 100), false);
            }
            return RelatedBench.run(cli, lib, gen, intOption(cl, "queries", 2000, 10));
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    /**
     * Reproducible articles. With the shared corpora present, titles are real headlines (UCI) and bodies
     * 3-12 real sentences (ECB+), as feedfarm's synth does; otherwise words come from a Zipf-distributed
     * made-up vocabulary, so term statistics still look like text.
     */
    static final class Synthetic {
        private static final String[] SYLLABLES = {"an", "ber", "cal", "dor", "el", "fin", "gar", "hol", "is", "jor", "ka",
            "lem", "mon", "nor", "ost", "pra", "quin", "ros", "sel", "tan", "ur", "vil", "wes", "xen", "yor", "zu"};
        private final Random random;
        private final List<String> titles = new ArrayList<>();
        private final List<String> sentences = new ArrayList<>();
        private final String[] vocabulary = new String[30_000];
        private final double[] cumulative = new double[vocabulary.length];

        Synthetic(long seed) {
            random = new Random(seed);
            for (int i = 0; i < vocabulary.length; i++) {
                StringBuilder w = new StringBuilder();
                int k = i;
                do {
                    w.append(SYLLABLES[k % SYLLABLES.length]);
                    k /= SYLLABLES.length;
                } while (k > 0);
                vocabulary[i] = w.toString();
            }
            double sum = 0;
            for (int i = 0; i < vocabulary.length; i++) cumulative[i] = sum += 1.0 / (i + 1);
            for (int i = 0; i < vocabulary.length; i++) cumulative[i] /= sum;
            loadCorpora(Path.of(System.getProperty("storyline.corpora", "../shared/corpora")));
        }

        private void loadCorpora(Path corpora) {
            Path uci = corpora.resolve("uci/dev.jsonl");
            Path ecb = corpora.resolve("ecbplus/dev.jsonl");
            if (!Files.isRegularFile(uci) || !Files.isRegularFile(ecb)) return;
            ObjectMapper json = new ObjectMapper();
            try {
                for (String line : Files.readAllLines(uci)) titles.add(json.readTree(line).path("title").asText());
                for (String line : Files.readAllLines(ecb)) {
                    for (String part : json.readTree(line).path("text").asText().split("\\n|(?<=\\.) ")) {
                        if (part.strip().length() > 20) sentences.add(part.strip());
                    }
                }
            } catch (IOException e) {
                titles.clear();
                sentences.clear();
            }
        }

        String source() {
            return sentences.isEmpty() ? "made-up Zipf vocabulary" : "real headlines and sentences from ../shared/corpora";
        }

        String word() {
            if (!sentences.isEmpty()) {
                String[] words = sentences.get(random.nextInt(sentences.size())).split("[^\\p{L}\\p{N}]+");
                for (int tries = 0; tries < 10; tries++) {
                    String w = words[random.nextInt(words.length)];
                    if (w.length() >= 4) return w.toLowerCase(Locale.ROOT);
                }
                return "news";
            }
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return vocabulary[Math.min(vocabulary.length - 1, i < 0 ? -i - 1 : i)];
        }

        private String words(int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append(word());
            return sb.toString();
        }

        private String title() {
            return titles.isEmpty() ? words(6 + random.nextInt(6)) : titles.get(random.nextInt(titles.size()));
        }

        private String sentence() {
            return sentences.isEmpty() ? words(8 + random.nextInt(16)) + "." : sentences.get(random.nextInt(sentences.size()));
        }

        List<List<ParsedItem>> items(int n, int feeds) {
            Instant end = Instant.parse("2025-01-31T00:00:00Z");
            List<List<ParsedItem>> out = new ArrayList<>();
            int perFeed = Math.max(1, (n + feeds - 1) / feeds);
            for (int made = 0, f = 0; made < n; f++) {
                List<ParsedItem> items = new ArrayList<>(perFeed);
                for (int i = 0; i < perFeed && made < n; i++, made++) {
                    StringBuilder body = new StringBuilder();
                    int count = 3 + random.nextInt(10);
                    for (int k = 0; k < count; k++) body.append("<p>").append(sentence()).append("</p>");
                    Instant published = end.minusSeconds(random.nextInt(30 * 86400));
                    items.add(new ParsedItem("bench-" + f + "-" + i, "https://bench.example/" + f + "/" + i,
                            title(), null, body.toString(), null, published, null, List.of(word()), List.of()));
                }
                out.add(items);
            }
            return out;
        }

        /** A mix of the query shapes people type. */
        List<String> queries(int n) {
            List<String> out = new ArrayList<>(n);
            DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
            for (int i = 0; i < n; i++) {
                String q = switch (i % 6) {
                    case 0 -> word();
                    case 1 -> word() + " " + word();
                    case 2 -> "\"" + word() + " " + word() + "\"";
                    case 3 -> word() + " OR " + word();
                    case 4 -> "title:" + word() + " -" + word();
                    default -> word() + " after:" + LocalDate.of(2025, 1, 1 + random.nextInt(28)).format(day);
                };
                out.add(q);
            }
            return out;
        }
    }
}
