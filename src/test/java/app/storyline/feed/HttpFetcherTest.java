package app.storyline.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private final LoopbackServer server = new LoopbackServer();
    private final HttpFetcher fetcher = new HttpFetcher(
            new HttpFetcher.Limits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024, 5, 2, 64, Duration.ofDays(7)),
            "Storyline/test");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void etagMakesTheNextRequestConditionalAnd304ChangesNothing() {
        server.on("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LoopbackServer.send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            LoopbackServer.send(ex, 200, "application/rss+xml", FEED);
        });
        FetchOutcome.Fetched first = assertInstanceOf(FetchOutcome.Fetched.class, fetcher.fetch(server.url("/feed"), null, null));
        assertEquals("\"v1\"", first.etag());
        assertInstanceOf(FetchOutcome.NotModified.class, fetcher.fetch(server.url("/feed"), first.etag(), null));
        assertEquals("\"v1\"", server.requests.get(1).ifNoneMatch());
        assertTrue(server.requests.get(0).userAgent().startsWith("Storyline/"));
    }

    @Test
    void lastModifiedIsSentBack() {
        String date = "Tue, 10 Jun 2025 09:30:00 GMT";
        server.on("/feed", ex -> {
            if (date.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                LoopbackServer.send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("Last-Modified", date);
            LoopbackServer.send(ex, 200, "application/rss+xml", FEED);
        });
        FetchOutcome.Fetched first = assertInstanceOf(FetchOutcome.Fetched.class, fetcher.fetch(server.url("/feed"), null, null));
        assertEquals(date, first.lastModified());
        assertInstanceOf(FetchOutcome.NotModified.class, fetcher.fetch(server.url("/feed"), null, first.lastModified()));
    }

    @Test
    void permanentRedirectReportsTheNewUrl() {
        server.on("/old", ex -> redirect(ex, 301, "/new")).on("/new", ex -> LoopbackServer.send(ex, 200, "text/xml", FEED));
        FetchOutcome o = fetcher.fetch(server.url("/old"), null, null);
        assertInstanceOf(FetchOutcome.Fetched.class, o);
        assertEquals(server.url("/new"), o.movedTo());
    }

    @Test
    void temporaryRedirectKeepsTheUrlAndAPermanentOneBeforeItCounts() {
        server.on("/a", ex -> redirect(ex, 308, "/b")).on("/b", ex -> redirect(ex, 302, "/c"))
                .on("/c", ex -> LoopbackServer.send(ex, 200, "text/xml", FEED))
                .on("/t", ex -> redirect(ex, 307, "/c"));
        assertEquals(server.url("/b"), fetcher.fetch(server.url("/a"), null, null).movedTo());
        assertNull(fetcher.fetch(server.url("/t"), null, null).movedTo());
    }

    @Test
    void redirectLoopIsAnError() {
        server.on("/x", ex -> redirect(ex, 302, "/y")).on("/y", ex -> redirect(ex, 302, "/x"));
        FetchOutcome.Failed f = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch(server.url("/x"), null, null));
        assertTrue(f.reason().contains("redirect loop"), f.reason());
    }

    @Test
    void moreThanFiveRedirectsIsAnError() {
        server.on("/hop", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getQuery());
            redirect(ex, 302, "/hop?" + (n + 1));
        });
        FetchOutcome.Failed f = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch(server.url("/hop?0"), null, null));
        assertTrue(f.reason().contains("more than 5 redirects"), f.reason());
        assertEquals(6, server.count("/hop"));
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws IOException {
        byte[] gz = gzip(FEED.getBytes(StandardCharsets.UTF_8));
        byte[] zlib = deflate(FEED.getBytes(StandardCharsets.UTF_8), false);
        byte[] raw = deflate(FEED.getBytes(StandardCharsets.UTF_8), true);
        server.on("/gz", ex -> encoded(ex, "gzip", gz)).on("/zlib", ex -> encoded(ex, "deflate", zlib))
                .on("/raw", ex -> encoded(ex, "deflate", raw));
        for (String p : List.of("/gz", "/zlib", "/raw")) {
            FetchOutcome.Fetched f = assertInstanceOf(FetchOutcome.Fetched.class, fetcher.fetch(server.url(p), null, null), p);
            assertArrayEquals(FEED.getBytes(StandardCharsets.UTF_8), f.body(), p);
        }
        assertEquals("gzip, deflate", server.requests.get(0).acceptEncoding());
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        server.on("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            LoopbackServer.send(ex, 429, "text/plain", "slow down");
        });
        Instant before = Instant.now();
        FetchOutcome.Failed f = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch(server.url("/busy"), null, null));
        assertEquals(429, f.status());
        assertTrue(f.retryAfter().isAfter(before.plusSeconds(119)) && f.retryAfter().isBefore(before.plusSeconds(130)), f.retryAfter().toString());
    }

    @Test
    void retryAfterAsDateAndHostileValuesAreBounded() {
        Instant soon = fetcher.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT");
        assertTrue(soon.isBefore(Instant.now().plus(Duration.ofDays(8))), "capped to a week");
        assertNull(fetcher.retryAfter("soon"));
        assertNull(fetcher.retryAfter("-5"));
    }

    @Test
    void slowServerTimesOut() {
        server.on("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // the client went away, as it should
            }
        });
        long t0 = System.nanoTime();
        FetchOutcome.Failed f = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch(server.url("/slow"), null, null));
        assertTrue(f.reason().contains("timed out"), f.reason());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos(), "the deadline covers the body too");
    }

    @Test
    void oversizedBodiesAreRefusedDeclaredChunkedOrCompressed() throws IOException {
        byte[] big = new byte[100 * 1024];
        byte[] bomb = gzip(new byte[10 * 1024 * 1024]); // ~10 KB on the wire, 10 MB inflated
        server.on("/declared", ex -> LoopbackServer.send(ex, 200, "text/xml", big))
                .on("/chunked", ex -> {
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 10; i++) out.write(new byte[16 * 1024]);
                    } catch (IOException e) {
                        // the client stopped reading, as it should
                    }
                })
                .on("/bomb", ex -> encoded(ex, "gzip", bomb));
        for (String p : List.of("/declared", "/chunked", "/bomb")) {
            FetchOutcome.Failed f = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch(server.url(p), null, null), p);
            assertTrue(f.reason().contains("larger than"), p + ": " + f.reason());
        }
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        for (String url : List.of("file:///etc/passwd", "ftp://example.com/feed", "javascript:alert(1)", "feed.xml")) {
            FetchOutcome.Failed f = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch(url, null, null), url);
            assertTrue(f.reason().startsWith("only http and https"), f.reason());
        }
    }

    @Test
    void httpErrorsCarryStatusAndReason() {
        server.on("/gone", ex -> LoopbackServer.send(ex, 410, "text/plain", "gone"));
        FetchOutcome.Failed f = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch(server.url("/gone"), null, null));
        assertEquals(410, f.status());
        assertEquals("HTTP 410 Gone", f.reason());
        FetchOutcome.Failed refused = assertInstanceOf(FetchOutcome.Failed.class, fetcher.fetch("http://127.0.0.1:1/feed", null, null));
        assertEquals("connection refused", refused.reason());
    }

    @Test
    void atMostTwoRequestsAtATimePerHost() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        server.on("/feed", ex -> {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            LoopbackServer.send(ex, 200, "text/xml", FEED);
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchOutcome>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String url = (i % 2 == 0 ? server.url("/feed") : "http://localhost:" + server.port() + "/feed") + "?" + i;
                all.add(pool.submit((Callable<FetchOutcome>) () -> fetcher.fetch(url, null, null)));
            }
            for (Future<FetchOutcome> f : all) assertInstanceOf(FetchOutcome.Fetched.class, f.get());
        }
        // two host names for the same server: 2 each, so never more than 4 at once, and more than 2 shows both ran
        assertTrue(max.get() <= 4, "max concurrent " + max.get());
        assertTrue(max.get() >= 3, "both hosts in parallel, max " + max.get());
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        LoopbackServer.send(ex, status, null, new byte[0]);
    }

    private static void encoded(com.sun.net.httpserver.HttpExchange ex, String encoding, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Encoding", encoding);
        LoopbackServer.send(ex, 200, "application/rss+xml", body);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(b, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return b.toByteArray();
    }
}
