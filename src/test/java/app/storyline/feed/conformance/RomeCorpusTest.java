package app.storyline.feed.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.storyline.Fixtures;
import app.storyline.feed.FeedException;
import app.storyline.feed.FeedParser;
import app.storyline.feed.Opml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rome's own test files (feeds, modules, OPML): every one is parsed or refused with a clean error, none
 * crashes and none takes more than 2 s. Rome's files carry no Expect lines, so this is about robustness.
 */
class RomeCorpusTest {
    @Test
    void romeTestFilesNeitherCrashNorHang() throws IOException {
        Path root = Fixtures.corpora() == null ? null : Fixtures.corpora().resolve("feeds/rome");
        assumeTrue(root != null && Files.isDirectory(root), "corpus absent");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".rss")
                    || p.toString().endsWith(".opml")).sorted().toList();
        }
        int parsed = 0;
        int refused = 0;
        List<String> crashed = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        for (Path f : files) {
            byte[] body = Files.readAllBytes(f);
            long t0 = System.nanoTime();
            try {
                if (f.toString().contains("rome-opml")) Opml.read(body);
                else FeedParser.parse(body, null, "http://example.com/" + f.getFileName());
                parsed++;
            } catch (FeedException e) {
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                crashed.add(root.relativize(f) + ": " + e);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > 2000) slow.add(root.relativize(f) + ": " + ms + " ms");
        }
        System.out.printf(Locale.ROOT, "rome corpus: %d files, %d parsed, %d refused with a clean error, %d crashed, %d over 2 s%n",
                files.size(), parsed, refused, crashed.size(), slow.size());
        assertTrue(files.size() >= 175, "the corpus: " + files.size());
        assertEquals(List.of(), crashed);
        assertEquals(List.of(), slow);
    }
}
