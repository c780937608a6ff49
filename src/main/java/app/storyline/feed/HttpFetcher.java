package app.storyline.feed;

import app.storyline.feed.FetchOutcome.Failed;
import app.storyline.feed.FetchOutcome.Fetched;
import app.storyline.feed.FetchOutcome.NotModified;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;

/**
 * Polite, bounded HTTP GETs of feeds and pages with {@code java.net.http}: conditional requests,
 * gzip/deflate, manual redirects (so that permanent moves and loops are seen), a size limit before and
 * after decompression, a deadline for the whole response, and per-host and overall concurrency limits.
 * Safe to call from many threads at once.
 */
public final class HttpFetcher {
    /** Limits; {@link #defaults()} gives the ones the issue names. */
    public record Limits(Duration connectTimeout, Duration totalTimeout, long maxBytes, int maxRedirects,
                         int perHost, int total, Duration maxRetryAfter) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L << 20, 5, 2, 64, Duration.ofDays(7));
        }
    }

    private final HttpClient client;
    private final Limits limits;
    private final HostLimiter limiter;
    private final String userAgent;

    public HttpFetcher(Limits limits, String userAgent) {
        this.limits = limits;
        this.userAgent = userAgent;
        this.limiter = new HostLimiter(limits.perHost(), limits.total());
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches {@code url}, sending the validators when given. Never throws for network or HTTP trouble. */
    public FetchOutcome fetch(String url, String etag, String lastModified) {
        return fetch(url, etag, lastModified, "application/rss+xml, application/atom+xml, application/feed+json, "
                + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1");
    }

    FetchOutcome fetch(String url, String etag, String lastModified, String accept) {
        URI uri;
        try {
            uri = checkedUri(url);
        } catch (FeedException e) {
            return new Failed(null, 0, e.getMessage(), null);
        }
        Instant deadline = Instant.now().plus(limits.totalTimeout());
        String movedTo = null;
        boolean permanentSoFar = true;
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            if (!seen.add(uri)) return new Failed(movedTo, 0, "redirect loop at " + uri, null);
            HttpResponse<byte[]> response;
            try {
                response = send(uri, etag, lastModified, accept, deadline);
            } catch (FeedException e) {
                return new Failed(movedTo, 0, e.getMessage(), null);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("location").orElse(null);
                if (location == null) return new Failed(movedTo, status, "HTTP " + status + " redirect without a Location", null);
                if (hop >= limits.maxRedirects()) {
                    return new Failed(movedTo, status, "more than " + limits.maxRedirects() + " redirects", null);
                }
                URI next;
                try {
                    next = checkedUri(uri.resolve(location.strip()).toString());
                } catch (IllegalArgumentException | FeedException e) {
                    return new Failed(movedTo, status, "redirect to an invalid URL: " + shorten(location), null);
                }
                permanentSoFar &= status == 301 || status == 308;
                if (permanentSoFar) movedTo = next.toString();
                uri = next;
                continue;
            }
            return outcome(uri, movedTo, response);
        }
    }

    private FetchOutcome outcome(URI uri, String movedTo, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        HttpHeaders h = response.headers();
        String etag = h.firstValue("etag").orElse(null);
        String lastModified = h.firstValue("last-modified").orElse(null);
        if (status == 304) return new NotModified(movedTo, etag, lastModified);
        if (status == 429 || status == 503) {
            Instant retry = retryAfter(h.firstValue("retry-after").orElse(null));
            String why = "HTTP " + status + (status == 429 ? " Too Many Requests" : " Service Unavailable");
            return new Failed(movedTo, status, retry != null ? why + "; retry after " + retry : why, retry);
        }
        if (status < 200 || status >= 300) return new Failed(movedTo, status, "HTTP " + status + reasonPhrase(status), null);
        byte[] body;
        try {
            body = decode(response.body(), h.firstValue("content-encoding").orElse("identity"));
        } catch (FeedException e) {
            return new Failed(movedTo, status, e.getMessage(), null);
        }
        return new Fetched(uri.toString(), movedTo, status, body, h.firstValue("content-type").orElse(null), etag, lastModified);
    }

    private HttpResponse<byte[]> send(URI uri, String etag, String lastModified, String accept, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) throw new FeedException(timeoutMessage());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(left)
                .version(uri.getScheme().equalsIgnoreCase("https") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .header("User-Agent", userAgent)
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip, deflate");
        if (etag != null) b.header("If-None-Match", etag);
        if (lastModified != null) b.header("If-Modified-Since", lastModified);
        CompletableFuture<HttpResponse<byte[]>> future = null;
        try (HostLimiter.Permit permit = limiter.acquire(uri.getHost())) {
            future = client.sendAsync(b.GET().build(), LimitedBody.handler(limits.maxBytes()));
            long ms = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return future.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FeedException(timeoutMessage());
        } catch (InterruptedException e) {
            if (future != null) future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedException("cancelled");
        } catch (ExecutionException e) {
            throw new FeedException(describe(e.getCause()), e.getCause());
        }
    }

    private String timeoutMessage() {
        return "timed out: no complete response within " + limits.totalTimeout().toSeconds() + " s";
    }

    private String describe(Throwable t) {
        // The client wraps the real cause (timeout, refused connection, our size limit) in IOExceptions.
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof LimitedBody.TooLargeException) return c.getMessage();
            if (c instanceof HttpConnectTimeoutException) return "could not connect within " + limits.connectTimeout().toSeconds() + " s";
            if (c instanceof HttpTimeoutException) return timeoutMessage();
            if (c instanceof UnknownHostException) return "unknown host: " + c.getMessage();
            if (c instanceof ConnectException) return "connection refused";
            if (c instanceof SSLException) return "TLS error: " + c.getMessage();
        }
        String m = t.getMessage();
        return "network error: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : shorten(m));
    }

    /** Only http and https reach the network; anything else is refused with a clear reason. */
    public static URI checkedUri(String url) {
        if (url == null || url.isBlank()) throw new FeedException("no URL given");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new FeedException("not a valid URL: " + shorten(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedException("only http and https URLs can be fetched, not '" + (scheme.isEmpty() ? url : scheme + ":") + "'"
                    + (scheme.equals("file") || scheme.isEmpty() ? " (to read a local file use `import` or `parse`)" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw new FeedException("URL has no host: " + shorten(url));
        return uri;
    }

    private byte[] decode(byte[] body, String encoding) {
        if (body == null) return new byte[0];
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (e) {
                case "", "identity" -> body;
                case "gzip", "x-gzip" -> readLimited(new GZIPInputStream(new ByteArrayInputStream(body)));
                case "deflate" -> inflate(body);
                default -> throw new FeedException("unsupported Content-Encoding: " + shorten(encoding));
            };
        } catch (IOException ex) {
            throw new FeedException("corrupt " + e + " body: " + ex.getMessage());
        }
    }

    /** "deflate" is zlib-wrapped by the RFC but raw in some servers; accept both. */
    private byte[] inflate(byte[] body) throws IOException {
        try {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)));
        } catch (IOException zlibFailed) {
            if (!(zlibFailed.getCause() instanceof DataFormatException) && !zlibFailed.getMessage().contains("header")) throw zlibFailed;
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)));
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + (long) n > limits.maxBytes()) {
                    throw new FeedException("the response is larger than " + (limits.maxBytes() >> 20) + " MB once decompressed");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Retry-After as delay-seconds or an HTTP-date, capped so a hostile value cannot park a feed forever. */
    Instant retryAfter(String value) {
        if (value == null || value.isBlank()) return null;
        Instant now = Instant.now();
        Instant at;
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds < 0) return null;
            at = now.plusSeconds(Math.min(seconds, limits.maxRetryAfter().toSeconds()));
        } catch (NumberFormatException e) {
            try {
                at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException bad) {
                return null;
            }
        }
        Instant cap = now.plus(limits.maxRetryAfter());
        return at.isAfter(cap) ? cap : at;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
