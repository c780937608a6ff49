package app.storyline.cli;

import app.storyline.service.UserError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;

/**
 * Times whole `storyline refresh` processes (JVM start-up included) against feeds that
 * ../shared/tools/feedfarm.py synthesises and serves on loopback hosts with a set latency:
 * first into an empty data folder, then again with nothing changed (all 304).
 */
final class RefreshBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Cli cli;
    private final int feeds;
    private final int items;
    private final int hosts;
    private final int latency;
    private final int runs;
    private final Path feedfarm;
    private final Path corpus;
    private final int seed;

    RefreshBench(Cli cli, CommandLine cl) {
        this.cli = cli;
        feeds = Command.intOption(cl, "feeds", 200, 1);
        items = Command.intOption(cl, "items", 50, 1);
        hosts = Command.intOption(cl, "hosts", 20, 1);
        latency = Command.intOption(cl, "latency-ms", 50, 0);
        runs = Command.intOption(cl, "runs", 5, 1);
        feedfarm = Path.of(cl.getOptionValue("feedfarm", "../shared/tools/feedfarm.py"));
        corpus = Path.of(cl.getOptionValue("corpus", "../shared/corpora/uci/dev.jsonl"));
        seed = Command.intOption(cl, "seed", 1, 0);
    }

    int run() {
        if (!Files.isRegularFile(feedfarm)) throw new UserError("no feedfarm at " + feedfarm + " (use --feedfarm PATH)");
        if (!Files.isRegularFile(corpus)) throw new UserError("no corpus at " + corpus + " (use --corpus FILE)");
        List<String> storyline = launcher();
        Path work;
        try {
            work = Files.createTempDirectory("storyline-refresh-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path farm = work.resolve("farm");
        int port = freePort();
        try {
            exec(List.of("python3", feedfarm.toString(), "synth", "--corpus", corpus.toString(), "--feeds", "" + feeds,
                    "--items", "" + items, "--out", farm.toString(), "--seed", "" + seed, "--hosts", "" + hosts, "--port", "" + port));
            Process server = new ProcessBuilder("python3", feedfarm.toString(), "serve", farm.toString(), "--port", "" + port,
                    "--latency-ms", "" + latency, "--max-seconds", "1800").redirectErrorStream(true)
                    .redirectOutput(work.resolve("farm.log").toFile()).start();
            try {
                waitForPort(port, hosts);
                List<Double> first = new ArrayList<>();
                List<Double> again = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    Path data = work.resolve("data-" + r);
                    exec(cat(storyline, "--data", data.toString(), "import", farm.resolve("subscriptions.opml").toString()));
                    first.add(timedRefresh(storyline, data, (long) feeds * items, -1));
                    again.add(timedRefresh(storyline, data, 0, feeds));
                    BenchCommand.deleteTree(data);
                }
                cli.out.printf(Locale.ROOT, "refresh: %d feeds x %d items on %d loopback hosts, %d ms latency, %d runs (whole process, "
                                + "JVM start-up included):%n  into an empty data folder: median %.2f s (min %.2f, max %.2f)%n"
                                + "  again, nothing changed:   median %.2f s (min %.2f, max %.2f)%n",
                        feeds, items, hosts, latency, runs, median(first), min(first), max(first), median(again), min(again), max(again));
                return 0;
            } finally {
                server.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            BenchCommand.deleteTree(work);
        }
    }

    /** Runs one refresh, checks its totals, returns its wall-clock seconds. */
    private double timedRefresh(List<String> storyline, Path data, long expectNew, int expectUnchanged) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String out = exec(cat(storyline, "--data", data.toString(), "refresh", "--json"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonNode totals = JSON.readTree(out).get("totals");
        if (expectNew >= 0 && totals.get("new").asLong() != expectNew) {
            throw new IllegalStateException("expected " + expectNew + " new articles, got " + totals);
        }
        if (expectUnchanged >= 0 && totals.get("unchanged").asInt() != expectUnchanged) {
            throw new IllegalStateException("expected every feed unchanged, got " + totals);
        }
        if (totals.get("errors").asInt() > 0) throw new IllegalStateException("feeds failed: " + totals);
        return seconds;
    }

    /** target/storyline (the launcher) beside our jar, else java -jar. */
    private static List<String> launcher() {
        try {
            Path jar = Path.of(RefreshBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path script = jar.resolveSibling("storyline");
            if (Files.isRegularFile(jar) && Files.isExecutable(script)) return List.of(script.toString());
            if (Files.isRegularFile(jar)) {
                String java = ProcessHandle.current().info().command().orElse("java");
                return List.of(java, "-jar", jar.toString());
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through
        }
        throw new UserError("bench refresh runs the packaged app: build it with `mvn package` and run target/storyline");
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", command));
        return out;
    }

    private static List<String> cat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitForPort(int port, int hosts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int h = 1; h <= hosts; h++) {
            while (true) {
                try (Socket s = new Socket("127.0.0." + h, port)) {
                    break;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("feedfarm did not start");
                    Thread.sleep(50);
                }
            }
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
