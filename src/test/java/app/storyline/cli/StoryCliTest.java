package app.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** related, stories, story, follow, followed and eval through the command line, on a labelled file of our own. */
class StoryCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    CliRun run(String... args) {
        return CliRun.of(dir.resolve("default"), args);
    }

    /** Three stories told twice or three times, in the UCI format (headlines, publishers, times). */
    private Path labelled() throws Exception {
        String[][] rows = {
            {"1", "a", "Fed official says weak data caused by weather, should not slow taper", "Los Angeles Times"},
            {"2", "a", "Fed's Plosser: weather caused weak data, taper should continue", "Livemint"},
            {"3", "a", "Fed's Plosser sees high bar for change in pace of tapering", "Reuters"},
            {"4", "b", "Malaysia Airlines flight MH370 missing over South China Sea", "BBC"},
            {"5", "b", "Search widens for missing Malaysia Airlines flight MH370", "CNN"},
            {"6", "c", "Apple to release iOS 7.1 with CarPlay support", "The Verge"},
            {"7", "c", "iOS 7.1 update brings CarPlay, Apple says", "Engadget"},
        };
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(JSON.writeValueAsString(java.util.Map.of("id", r[0], "cluster", r[1], "title", r[2], "text", "",
                    "publisher", r[3], "timestamp_ms", 1394470370698L + Long.parseLong(r[0]) * 60_000))).append('\n');
        }
        Path file = dir.resolve("labelled.jsonl");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void evalReportsRankingAndGroupingAgainstNewsBlur() throws Exception {
        CliRun r = run("eval", labelled().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode m = r.lines().get(0);
        assertEquals(7, m.get("queries").asInt());
        assertEquals(1.0, m.get("p1").asDouble(), 1e-9, r.out());
        assertTrue(m.get("map").asDouble() > 0.9, r.out());
        assertTrue(m.get("stories").get("f1").asDouble() > 0.8, r.out());
        assertTrue(m.has("newsblur"));
    }

    @Test
    void relatedStoriesAndFollowingThroughTheCli() throws Exception {
        // Load the same labelled headlines into a real data folder through eval's loader.
        String data = dir.resolve("data").toString();
        try (var lib = app.storyline.service.Library.open(Path.of(data))) {
            RelatedCommands.load(lib, labelled());
        }
        CliRun articles = run("--data", data, "articles", "--json");
        long mh370 = articles.lines().stream().filter(a -> a.get("title").asText().startsWith("Malaysia Airlines")).findFirst()
                .orElseThrow().get("id").asLong();

        CliRun related = run("--data", data, "related", Long.toString(mh370), "--json", "--limit", "3");
        assertEquals(0, related.code(), related.err());
        JsonNode top = related.lines().get(0);
        assertTrue(top.get("title").asText().contains("MH370"), top.toString());
        assertTrue(top.get("sameStory").asBoolean());
        assertTrue(top.get("why").asText().startsWith("shared: "), top.toString());
        for (String key : List.of("id", "guid", "link", "title", "feed", "feedId", "published", "read", "starred", "score")) {
            assertTrue(top.has(key), key + " in " + top);
        }

        CliRun all = run("--data", data, "related", "--all", "--json", "--limit", "2");
        assertEquals(7, all.lines().size());
        assertTrue(all.lines().get(0).has("article") && all.lines().get(0).has("related"));

        CliRun stories = run("--data", data, "stories", "--json");
        assertEquals(3, stories.lines().size(), stories.out());
        long story = related.lines().isEmpty() ? -1 : stories.lines().stream()
                .filter(s -> s.get("title").asText().contains("MH370")).findFirst().orElseThrow().get("id").asLong();
        CliRun one = run("--data", data, "story", Long.toString(story), "--json");
        JsonNode s = one.lines().get(0);
        assertEquals(2, s.get("articles").asInt());
        assertEquals(2, s.get("sources").asInt());
        assertEquals(2, s.get("timeline").size());

        assertEquals(0, run("--data", data, "follow", Long.toString(mh370)).code());
        CliRun followed = run("--data", data, "followed", "--json");
        assertEquals(story, followed.lines().get(0).get("id").asLong());
        assertEquals(0, run("--data", data, "unfollow", Long.toString(story)).code());
        assertEquals(0, run("--data", data, "followed", "--json").lines().size());

        assertEquals(1, run("--data", data, "related", "nope").code());
        assertEquals(1, run("--data", data, "story", "999999").code());
        assertEquals(1, run("--data", data, "related").code());
    }
}
