package app.storyline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ../shared/tools/feedfarm.py driven from tests: builds feeds from a corpus and serves them on loopback
 * hosts 127.0.0.1..N. {@link #available()} tells whether python3, the tool and the corpora are here.
 */
public final class FeedFarm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final Path dir;
    public final int port;
    private final Process server;

    private FeedFarm(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    public static Path tool() {
        Path corpora = Fixtures.corpora();
        if (corpora == null) return null;
        Path tool = corpora.resolveSibling("tools").resolve("feedfarm.py");
        return Files.isRegularFile(tool) ? tool : null;
    }

    public static boolean available() {
        if (tool() == null) return false;
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Builds feeds with `build` (extra arguments appended) and serves them with `serve` (serveArgs appended). */
    public static FeedFarm build(Path dir, List<String> buildArgs, List<String> serveArgs) {
        int port = freePort();
        List<String> b = new ArrayList<>(List.of("python3", tool().toString(), "build", "--out", dir.toString(), "--port", "" + port));
        b.addAll(buildArgs);
        run(b);
        List<String> s = new ArrayList<>(List.of("python3", tool().toString(), "serve", dir.toString(), "--port", "" + port,
                "--max-seconds", "600", "--log", dir.resolve("access.log").toString()));
        s.addAll(serveArgs);
        try {
            Process p = new ProcessBuilder(s).redirectErrorStream(true).redirectOutput(dir.resolve("serve.out").toFile()).start();
            FeedFarm farm = new FeedFarm(dir, port, p);
            farm.waitUntilServing();
            return farm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path opml() {
        return dir.resolve("subscriptions.opml");
    }

    /** labels.jsonl: one row per served item. */
    public List<JsonNode> labels() {
        return jsonLines(dir.resolve("labels.jsonl"));
    }

    public List<JsonNode> accessLog() {
        return jsonLines(dir.resolve("access.log"));
    }

    private static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            if (!Files.exists(file)) return out;
            for (String line : Files.readAllLines(file)) if (!line.isBlank()) out.add(JSON.readTree(line));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitUntilServing() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) throw new IllegalStateException("feedfarm did not start");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException("feedfarm failed: " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.destroy();
        try {
            server.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
