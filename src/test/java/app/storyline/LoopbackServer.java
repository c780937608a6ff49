package app.storyline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 with handlers per path, recording every request it gets. */
public final class LoopbackServer implements AutoCloseable {
    /** What a request carried, for assertions. */
    public record Request(String method, String path, String ifNoneMatch, String ifModifiedSince, String userAgent,
                          String acceptEncoding) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.start();
    }

    public LoopbackServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            var h = exchange.getRequestHeaders();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), h.getFirst("If-None-Match"),
                    h.getFirst("If-Modified-Since"), h.getFirst("User-Agent"), h.getFirst("Accept-Encoding")));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
