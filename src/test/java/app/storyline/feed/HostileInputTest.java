package app.storyline.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.storyline.Fixtures;
import app.storyline.LoopbackServer;
import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XML attacks are refused or neutralised: no entity from a DTD is expanded and nothing is fetched or read. */
class HostileInputTest {
    @TempDir Path dir;

    /** Everything a parse produced, as one string, to look for expansions. */
    private static String everything(ParsedFeed f) {
        StringBuilder sb = new StringBuilder(String.valueOf(f.title())).append(f.description());
        for (ParsedItem i : f.items()) sb.append(i.title()).append(i.summary()).append(i.content()).append(i.guid());
        return sb.toString();
    }

    private static ParsedFeed parseOrNull(byte[] bytes) {
        try {
            return FeedParser.parse(bytes, null, null);
        } catch (FeedException refused) {
            return null;
        }
    }

    @Test
    void sharedHostileCorpusIsRefusedOrNeutralised() throws Exception {
        Path corpora = Fixtures.corpora();
        assumeTrue(corpora != null && Files.isDirectory(corpora.resolve("feeds/hostile")), "corpus absent");
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpora.resolve("feeds/hostile"))) {
            files = s.filter(p -> p.toString().matches(".*\\.(xml|xsl|xsd)$")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "found " + files.size());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            ParsedFeed f = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parseOrNull(bytes), file.toString());
            if (f == null) continue; // refused with a readable error
            String all = everything(f);
            assertTrue(all.length() < bytes.length + 1000, file + " grew: no entity was expanded");
            assertFalse(all.contains("root:"), file + " read a local file");
            assertFalse(all.contains("lollollol"), file + " expanded an entity");
        }
    }

    @Test
    void hostileCorpusFitsIn64MegabytesOfHeap() throws Exception {
        Path corpora = Fixtures.corpora();
        assumeTrue(corpora != null && Files.isDirectory(corpora.resolve("feeds/hostile")), "corpus absent");
        String jvm = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(jvm, "-Xmx64m", "-cp", System.getProperty("java.class.path"), HostileChild.class.getName(),
                corpora.resolve("feeds/hostile").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("answered "), out);
    }

    @Test
    void externalEntitiesAndDtdsAreNeverFetchedOrRead() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/", ex -> LoopbackServer.send(ex, 200, "text/plain", "FETCHED"));
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + server.url("/rss.dtd") + "\" [\n"
                    + "  <!ENTITY http SYSTEM \"" + server.url("/entity") + "\">\n"
                    + "  <!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                    + "  <!ENTITY % param SYSTEM \"" + server.url("/param") + "\"> %param;\n]>\n"
                    + "<rss version=\"2.0\"><channel><title>t &http; &file;</title>"
                    + "<item><title>i</title><description>&http;</description></item></channel></rss>";
            ParsedFeed f = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
            assertFalse(everything(f).contains("FETCHED"));
            assertFalse(everything(f).contains("TOP-SECRET"));
            assertEquals(0, server.requests.size(), "no request left the parser");
        }
    }

    @Test
    void opmlWithEntitiesIsNeutralisedToo() {
        String opml = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<opml version=\"2.0\"><body><outline text=\"&b;\" xmlUrl=\"http://x.example/rss\"/></body></opml>";
        Opml.Result r = Opml.read(opml.getBytes(StandardCharsets.UTF_8));
        assertEquals("&b;", r.feeds().get(0).title());
    }
}
