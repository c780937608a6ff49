package app.storyline.cli;

import app.storyline.model.ParsedItem;
import app.storyline.related.Evaluation;
import app.storyline.related.RelatedEngine;
import app.storyline.service.Library;
import app.storyline.service.UserError;
import app.storyline.store.ArticleStore;
import app.storyline.store.StoryStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** Related articles, stories and their evaluation. */
final class RelatedCommands {
    private RelatedCommands() {}

    static final class Eval extends Command {
        Eval() {
            super("eval", "FILE.jsonl...", "Score related articles and story grouping against story-labelled news.");
        }

        @Override
        List<String> details() {
            return List.of("Each file is loaded into a throwaway data folder through the same store, index and related code;",
                    "every article is a query against the whole file (P@1, P@5, R@10, MAP) and stories are scored by B-cubed.",
                    "Formats: ../shared/corpora (ecbplus: doc_id, first_sentence, text; uci: id, title, publisher, timestamp_ms).");
        }

        @Override
        Options options() {
            return new Options().addOption(valued("depth", "N", "Ranking depth for MAP (default: the whole pool)."))
                    .addOption(valued("rankings", "FILE", "Also write each query's top 10 (ids and labels) as JSON Lines, for error analysis."));
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            List<String> files = args(cl, -1, "FILE.jsonl");
            int depth = intOption(cl, "depth", Integer.MAX_VALUE, 10);
            String dump = cl.getOptionValue("rankings");
            for (String f : files) evaluate(cli, FeedCommands.path(f), depth, dump == null ? null : FeedCommands.path(dump));
            return 0;
        }

        private void evaluate(Cli cli, Path file, int depth, Path dump) {
            if (!Files.isRegularFile(file)) throw new UserError("no such file: " + file);
            Path tmp;
            try {
                tmp = Files.createTempDirectory("storyline-eval");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Library lib = Library.open(tmp)) {
                Map<Long, String> labels = load(lib, file);
                long t0 = System.nanoTime();
                RelatedEngine engine = RelatedEngine.load(lib.articles(), new StoryStore(lib.db()));
                long t1 = System.nanoTime();
                engine.catchUp(lib.db(), null);
                long t3 = System.nanoTime();
                Map<Long, List<Long>> rankings = new LinkedHashMap<>();
                for (Long id : labels.keySet()) rankings.put(id, engine.ranking(id, depth));
                long t2 = System.nanoTime();
                Evaluation.Ranking r = Evaluation.ranking(rankings, labels);
                if (dump != null) writeRankings(dump, lib, rankings, labels);
                Map<Long, Long> grouped = new HashMap<>();
                for (Long id : labels.keySet()) grouped.put(id, engine.storyOf(id));
                Evaluation.Grouping ours = Evaluation.bcubed(grouped, labels);
                Map<Long, String> titles = new HashMap<>();
                for (var a : lib.articles().byIds(new ArrayList<>(labels.keySet()))) titles.put(a.id(), a.title());
                Evaluation.Grouping newsblur = Evaluation.bcubed(app.storyline.related.Baselines.newsblur(titles), labels);
                if (cli.json) {
                    new Json(cli.out).line(g -> {
                        g.writeStartObject();
                        g.writeStringField("file", file.toString());
                        g.writeNumberField("articles", labels.size());
                        g.writeNumberField("queries", r.queries());
                        g.writeNumberField("p1", r.p1());
                        g.writeNumberField("p5", r.p5());
                        g.writeNumberField("r10", r.r10());
                        g.writeNumberField("map", r.map());
                        g.writeObjectFieldStart("stories");
                        g.writeNumberField("precision", ours.precision());
                        g.writeNumberField("recall", ours.recall());
                        g.writeNumberField("f1", ours.f1());
                        g.writeNumberField("stories", ours.groups());
                        g.writeEndObject();
                        g.writeObjectFieldStart("newsblur");
                        g.writeNumberField("precision", newsblur.precision());
                        g.writeNumberField("recall", newsblur.recall());
                        g.writeNumberField("f1", newsblur.f1());
                        g.writeNumberField("stories", newsblur.groups());
                        g.writeEndObject();
                        g.writeEndObject();
                    });
                } else {
                    cli.out.printf(Locale.ROOT, "%s: %d articles, %d queries: P@1 %.3f  P@5 %.3f  R@10 %.3f  MAP %.3f  "
                                    + "(engine built in %.1f s, %.2f ms per query)%n", file, labels.size(), r.queries(), r.p1(), r.p5(),
                            r.r10(), r.map(), (t1 - t0) / 1e9, (t2 - t3) / 1e6 / Math.max(1, labels.size()));
                    cli.out.printf(Locale.ROOT, "  stories (B-cubed): ours P %.3f R %.3f F1 %.3f (%d stories, grouped in %.1f s); "
                                    + "NewsBlur's title rule P %.3f R %.3f F1 %.3f (%d stories)%n", ours.precision(), ours.recall(), ours.f1(),
                            ours.groups(), (t3 - t1) / 1e9, newsblur.precision(), newsblur.recall(), newsblur.f1(), newsblur.groups());
                }
            } finally {
                BenchCommand.deleteTree(tmp);
            }
        }
    }

    private static void writeRankings(Path dump, Library lib, Map<Long, List<Long>> rankings, Map<Long, String> labels) {
        Map<Long, String> titles = new HashMap<>();
        for (var a : lib.articles().byIds(new ArrayList<>(labels.keySet()))) titles.put(a.id(), a.title());
        ObjectMapper json = new ObjectMapper();
        try (var out = Files.newBufferedWriter(dump, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            for (var e : rankings.entrySet()) {
                List<Map<String, Object>> top = new ArrayList<>();
                for (long id : e.getValue().subList(0, Math.min(10, e.getValue().size()))) {
                    top.add(Map.of("label", labels.get(id), "title", String.valueOf(titles.get(id))));
                }
                out.write(json.writeValueAsString(Map.of("label", labels.get(e.getKey()), "title", String.valueOf(titles.get(e.getKey())),
                        "top", top)));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the labelled articles (one feed per publisher, or one for the file) and returns article id
     * to label. Texts are stored as the feeds would carry them; dates only where the corpus has them.
     */
    static Map<Long, String> load(Library lib, Path file) {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<ParsedItem>> byFeed = new LinkedHashMap<>();
        Map<String, String> labelByGuid = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                String guid = text(n, "doc_id", "id");
                String cluster = text(n, "cluster");
                if (guid == null || cluster == null) throw new UserError(file + ": a line without id or cluster");
                String title = text(n, "title", "first_sentence");
                String body = text(n, "text");
                if (body != null) body = "<p>" + org.jsoup.nodes.Entities.escape(body).replace("\n", "</p><p>") + "</p>";
                Instant published = n.hasNonNull("timestamp_ms") ? Instant.ofEpochMilli(n.get("timestamp_ms").asLong()) : null;
                String feed = text(n, "publisher");
                if (feed == null) feed = file.getFileName().toString();
                byFeed.computeIfAbsent(feed, k -> new ArrayList<>())
                        .add(new ParsedItem(guid, null, title, null, body == null || body.equals("<p></p>") ? null : body, null,
                                published, null, List.of(), List.of()));
                labelByGuid.put(guid, cluster);
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        Map<Long, String> labels = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Map.Entry<String, List<ParsedItem>> e : byFeed.entrySet()) {
            var feed = lib.feeds().add("https://eval.invalid/" + Integer.toHexString(e.getKey().hashCode()) + "/" + labels.size(), e.getKey(), null);
            ArticleStore.SaveResult saved = lib.articles().save(feed.id(), e.getValue(), now);
            List<Long> ids = saved.added();
            // save() returns the ids of new items in feed order; duplicated guids in a file are skipped.
            for (int i = 0, j = 0; i < e.getValue().size() && j < ids.size(); i++) {
                String guid = e.getValue().get(i).guid();
                if (labels.containsValue(guid)) continue;
                labels.put(ids.get(j++), labelByGuid.get(guid));
            }
        }
        lib.index().drain();
        return labels;
    }

    private static String text(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && !v.isNull() && !v.asText().isBlank()) return v.asText();
        }
        return null;
    }
}
