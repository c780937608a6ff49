package app.storyline.feed.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.storyline.Fixtures;
import app.storyline.feed.FeedException;
import app.storyline.feed.FeedParser;
import app.storyline.model.ParsedFeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every file of feedparser's test corpus through our parser. Every file must parse or fail with a
 * clean FeedException within 2 s. Each "Expect:" expression is split into its top-level "and" clauses;
 * clauses about fields our model has are evaluated against our result, the rest are left out. The
 * rate of satisfied clauses is printed and written to target/conformance.txt (failures listed).
 */
class FeedparserConformanceTest {
    private static final Pattern HEADER = Pattern.compile("(?m)^Header:\\s*([\\w-]+):\\s*(.*)$");
    private static final Pattern EXPECT = Pattern.compile("(?m)^Expect:\\s*(.*)$");

    record Outcome(int mapped, int passed, List<String> failures) {}

    @Test
    void feedparserCorpus() throws Exception {
        Path corpora = Fixtures.corpora();
        assumeTrue(corpora != null && Files.isDirectory(corpora.resolve("feeds/feedparser")), "corpus absent");
        Path root = corpora.resolve("feeds/feedparser");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        int mapped = 0, passed = 0, cleanErrors = 0, parsedOk = 0;
        List<String> uncaught = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, int[]> byCategory = new TreeMap<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Path file : files) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                String head = new String(bytes, 0, Math.min(bytes.length, 4000), StandardCharsets.ISO_8859_1);
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (Matcher m = HEADER.matcher(head); m.find(); ) headers.put(m.group(1), m.group(2).strip());
                String docUri = "http://127.0.0.1:8097/tests/" + rel;
                String base = headers.containsKey("Content-Location")
                        ? java.net.URI.create(docUri).resolve(headers.get("Content-Location").replace(" ", "%20")).toString() : docUri;
                String contentType = headers.get("Content-type");
                ParsedFeed feed = null;
                Future<ParsedFeed> f = pool.submit(() -> FeedParser.parse(bytes, contentType, base));
                try {
                    feed = f.get(2, TimeUnit.SECONDS);
                    parsedOk++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    slow.add(rel);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof FeedException) cleanErrors++;
                    else uncaught.add(rel + ": " + e.getCause());
                }
                Matcher em = EXPECT.matcher(head);
                if (!em.find()) continue;
                Outcome o = evaluate(em.group(1).strip(), feed, base, rel);
                mapped += o.mapped();
                passed += o.passed();
                failures.addAll(o.failures());
                String cat = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : rel;
                int[] c = byCategory.computeIfAbsent(cat, k -> new int[2]);
                c[0] += o.mapped();
                c[1] += o.passed();
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = mapped == 0 ? 0 : (double) passed / mapped;
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "feedparser corpus: %d files, %d parsed, %d refused with a clean error, %d uncaught, %d over 2 s%n",
                files.size(), parsedOk, cleanErrors, uncaught.size(), slow.size()));
        report.append(String.format(Locale.ROOT, "Expect clauses on fields we model: %d, satisfied: %d (%.1f %%)%n", mapped, passed, 100 * rate));
        byCategory.forEach((k, v) -> report.append(String.format(Locale.ROOT, "  %-28s %4d/%4d%n", k, v[1], v[0])));
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/conformance.txt"), report + "\nFailures:\n" + String.join("\n", failures) + "\n"
                + "\nUncaught:\n" + String.join("\n", uncaught) + "\nSlow:\n" + String.join("\n", slow) + "\n");
        assertEquals(List.of(), uncaught, "every file parses or fails cleanly");
        assertEquals(List.of(), slow, "every file within 2 s");
        assertTrue(rate >= 0.95, String.format(Locale.ROOT, "conformance %.3f below 0.95", rate));
    }

    static Outcome evaluate(String expect, ParsedFeed feed, String base, String rel) {
        int mapped = 0, passed = 0;
        List<String> failures = new ArrayList<>();
        for (String clause : PyExpr.conjuncts(expect)) {
            if (!FeedparserView.mapsOnlyModelledFields(clause)) continue;
            try {
                Object v = PyExpr.eval(clause, name -> FeedparserView.names(name, feed, base));
                mapped++;
                if (PyExpr.truthy(v)) passed++;
                else failures.add(rel + ": " + clause);
            } catch (PyExpr.Unmapped u) {
                // about something our model does not hold: not counted
            } catch (RuntimeException e) {
                mapped++;
                failures.add(rel + ": " + clause + "  [" + e.getClass().getSimpleName() + "]");
            }
        }
        return new Outcome(mapped, passed, failures);
    }
}
