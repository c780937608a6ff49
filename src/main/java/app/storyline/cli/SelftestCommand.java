package app.storyline.cli;

import app.storyline.index.Search;
import app.storyline.model.Article;
import app.storyline.service.Library;
import app.storyline.service.Refresher;
import app.storyline.store.ArticleStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * Checks that this installation works end to end in a temporary folder: serves RSS, Atom and JSON Feed
 * on loopback, subscribes, refreshes, searches, lists, exports and re-imports OPML. The launcher also
 * runs it once per installed JDK to record the class-loading cache that makes later starts fast.
 */
final class SelftestCommand extends Command {
    SelftestCommand() {
        super("selftest", "", "Check this installation end to end in a temporary folder (no network).");
    }

    @Override
    Options options() {
        return new Options().addOption(flag("quiet", "Print nothing unless a check fails."));
    }

    @Override
    int run(Cli cli, CommandLine cl) {
        long t0 = System.nanoTime();
        Path dir;
        HttpServer server;
        try {
            dir = Files.createTempDirectory("storyline-selftest");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serve(server, "/rss.xml", "application/rss+xml", rss());
        serve(server, "/atom.xml", "application/atom+xml", atom());
        serve(server, "/feed.json", "application/feed+json", json());
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> checks = new ArrayList<>();
        try (Library lib = Library.open(dir.resolve("data"))) {
            lib.subscriptions().subscribe(base + "/rss.xml", "News", false);
            lib.feeds().add(base + "/atom.xml", null, null);
            lib.feeds().add(base + "/feed.json", null, null);
            List<Refresher.FeedResult> results = lib.refresher().refresh(lib.feeds().all(), null);
            check(checks, results.stream().noneMatch(r -> r.status() == Refresher.Status.ERROR), "refresh of RSS, Atom and JSON Feed");
            check(checks, lib.articles().count() == 9, "9 articles stored");
            Search.Results found = new Search(lib.index(), ZoneOffset.UTC).search("\"storyline selftest\" OR zebra", 10, Search.Order.RELEVANCE);
            check(checks, found.total() == 9, "search finds them all");
            List<Article> listed = lib.articles().list(new ArticleStore.Query(null, true, false, 5));
            check(checks, listed.size() == 5, "newest unread articles listed");
            lib.articles().setRead(List.of(listed.get(0).id()), true);
            check(checks, lib.articles().list(new ArticleStore.Query(null, true, false, 0)).size() == 8, "marking read");
            Path opml = dir.resolve("subscriptions.opml");
            lib.subscriptions().exportOpml(opml);
            try (Library other = Library.open(dir.resolve("other"))) {
                check(checks, other.subscriptions().importOpml(opml).added() == 3, "OPML export and import");
            }
            try (Json j = new Json(new java.io.PrintWriter(new java.io.StringWriter()))) {
                j.line(g -> {
                    g.writeStartObject();
                    Json.articleFields(g, listed.get(1), true);
                    g.writeEndObject();
                });
            }
            check(checks, lib.refresher().refresh(lib.feeds().all(), null).stream()
                    .allMatch(r -> r.status() == Refresher.Status.UNCHANGED), "second refresh changes nothing");
        } finally {
            server.stop(0);
            BenchCommand.deleteTree(dir);
        }
        if (!cl.hasOption("quiet")) {
            for (String c : checks) cli.out.println("ok  " + c);
            cli.out.printf(Locale.ROOT, "selftest passed: %d checks in %.1f s%n", checks.size(), (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    private static void check(List<String> checks, boolean ok, String what) {
        if (!ok) throw new IllegalStateException("selftest failed: " + what);
        checks.add(what);
    }

    private static void serve(HttpServer server, String path, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, ex -> {
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().set("Content-Type", type);
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
            ex.close();
        });
    }

    private static String rss() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Selftest RSS</title><link>http://example.com/</link><language>en</language>");
        for (int i = 0; i < 3; i++) {
            sb.append("<item><title>Storyline selftest rss ").append(i).append("</title><link>http://example.com/rss/").append(i)
                    .append("</link><guid>rss-").append(i).append("</guid><pubDate>Tue, 10 Jun 2025 0").append(i)
                    .append(":30:00 GMT</pubDate><dc:creator>Tester</dc:creator><category>test</category>")
                    .append("<description>&lt;p&gt;A zebra &amp;amp; a caf&amp;eacute;.&lt;/p&gt;</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String atom() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://example.org/\">"
                + "<title>Selftest Atom</title><id>urn:selftest</id><updated>2025-06-10T10:00:00Z</updated>");
        for (int i = 0; i < 3; i++) {
            sb.append("<entry><title type=\"html\">Storyline selftest atom ").append(i).append("</title><id>atom-").append(i)
                    .append("</id><link href=\"entries/").append(i).append("\"/><updated>2025-06-10T1").append(i)
                    .append(":00:00+02:00</updated><author><name>Ann</name></author><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">A <b>zebra</b>.</div></content></entry>");
        }
        return sb.append("</feed>").toString();
    }

    private static String json() {
        StringBuilder sb = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Selftest JSON\",\"items\":[");
        for (int i = 0; i < 3; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"json-").append(i).append("\",\"url\":\"https://example.net/").append(i)
                    .append("\",\"title\":\"Storyline selftest json ").append(i).append("\",\"content_text\":\"A zebra.\",")
                    .append("\"date_published\":\"2025-06-10T0").append(i).append(":00:00Z\",\"tags\":[\"test\"]}");
        }
        return sb.append("]}").toString();
    }
}
