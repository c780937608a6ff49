package app.storyline.cli;

import app.storyline.model.Article;
import app.storyline.model.Story;
import app.storyline.model.StoryEntry;
import app.storyline.related.RelatedEngine;
import app.storyline.service.Library;
import app.storyline.service.UserError;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** related, stories, story, follow, unfollow, followed. */
final class StoryCommands {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private StoryCommands() {}

    /** The engine, with every article grouped; grouping a large backlog reports progress on a terminal. */
    static RelatedEngine engine(Cli cli, Library lib) {
        boolean tty = System.console() != null && !cli.json;
        return lib.related(tty ? done -> {
            cli.err.print("\rgrouping stories: " + done + " articles");
            cli.err.flush();
        } : null);
    }

    static final class RelatedCmd extends Command {
        RelatedCmd() {
            super("related", "ARTICLE | --all", "Articles about the same story first, then related coverage, each with why.");
        }

        @Override
        List<String> details() {
            return List.of("ARTICLE is an id, guid or link. --all writes {\"article\":{...},\"related\":[...]} for every article.");
        }

        @Override
        Options options() {
            return new Options().addOption(valued("limit", "N", "At most N related articles (default 8)."))
                    .addOption(flag("all", "Every stored article, one JSON line each."));
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            int limit = intOption(cl, "limit", 8, 1);
            boolean all = cl.hasOption("all");
            List<String> a = cl.getArgList();
            if (all == !a.isEmpty()) throw new UserError(all ? "give either ARTICLE or --all" : "missing ARTICLE (or --all)");
            if (a.size() > 1) throw new UserError("unexpected argument: " + a.get(1));
            try (Library lib = cli.open()) {
                RelatedEngine engine = engine(cli, lib);
                if (all) return all(cli, lib, engine, limit);
                Article article = lib.articles().find(a.get(0)).orElseThrow(() -> new UserError("no article " + a.get(0)));
                List<RelatedEngine.Related> related = engine.related(article.id(), limit);
                Map<Long, Article> byId = hydrate(lib, related);
                if (cli.json) {
                    Json j = new Json(cli.out);
                    for (RelatedEngine.Related r : related) {
                        Article x = byId.get(r.articleId());
                        if (x != null) j.line(g -> writeRelated(g, x, r, byId));
                    }
                    j.close();
                    return 0;
                }
                cli.out.println((article.title() == null ? "(untitled)" : article.title()) + "  [" + article.feedTitle() + "]");
                if (related.isEmpty()) cli.out.println("  nothing related yet");
                Instant now = Instant.now();
                for (RelatedEngine.Related r : related) {
                    Article x = byId.get(r.articleId());
                    if (x == null) continue;
                    cli.out.printf(Locale.ROOT, "  %.2f %s %s · %s%n         %s%n         shared: %s%s%n", r.score(),
                            r.sameStory() ? "same story" : "related   ", x.feedTitle(), Text.ago(x.when(), now),
                            x.title() == null ? "(untitled)" : x.title(), String.join(", ", r.why()),
                            r.alsoIn().isEmpty() ? "" : "\n         also in: " + alsoIn(r, byId));
                }
                return 0;
            }
        }

        private static int all(Cli cli, Library lib, RelatedEngine engine, int limit) {
            Map<Long, Article> byId = new HashMap<>();
            for (Article x : lib.articles().list(new app.storyline.store.ArticleStore.Query(null, false, false, 0))) byId.put(x.id(), x);
            Json j = new Json(cli.out);
            for (Article article : byId.values()) {
                List<RelatedEngine.Related> related = engine.related(article.id(), limit);
                j.line(g -> {
                    g.writeStartObject();
                    g.writeObjectFieldStart("article");
                    Json.articleFields(g, article, false);
                    g.writeNumberField("story", engine.storyOf(article.id()));
                    g.writeEndObject();
                    g.writeArrayFieldStart("related");
                    for (RelatedEngine.Related r : related) {
                        Article x = byId.get(r.articleId());
                        if (x != null) writeRelated(g, x, r, byId);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
            }
            j.close();
            return 0;
        }

        private static Map<Long, Article> hydrate(Library lib, List<RelatedEngine.Related> related) {
            List<Long> ids = new ArrayList<>();
            for (RelatedEngine.Related r : related) {
                ids.add(r.articleId());
                ids.addAll(r.alsoIn());
            }
            Map<Long, Article> byId = new HashMap<>();
            for (Article x : lib.articles().byIds(ids)) byId.put(x.id(), x);
            return byId;
        }

        private static String alsoIn(RelatedEngine.Related r, Map<Long, Article> byId) {
            List<String> feeds = new ArrayList<>();
            for (long id : r.alsoIn()) {
                Article x = byId.get(id);
                if (x != null && !feeds.contains(x.feedTitle())) feeds.add(x.feedTitle());
            }
            return String.join(", ", feeds);
        }

        private static void writeRelated(JsonGenerator g, Article x, RelatedEngine.Related r, Map<Long, Article> byId) throws IOException {
            g.writeStartObject();
            Json.articleFields(g, x, false);
            g.writeNumberField("score", Math.round(r.score() * 1000) / 1000.0);
            g.writeBooleanField("sameStory", r.sameStory());
            g.writeStringField("why", "shared: " + String.join(", ", r.why()));
            FeedCommands.stringArray(g, "shared", r.why());
            g.writeArrayFieldStart("alsoIn");
            for (long id : r.alsoIn()) {
                Article c = byId.get(id);
                g.writeStartObject();
                g.writeNumberField("id", id);
                g.writeStringField("feed", c == null ? null : c.feedTitle());
                g.writeStringField("link", c == null ? null : c.link());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static final class Stories extends Command {
        Stories() {
            super("stories", "", "Stories told by several articles, most recently active first.");
        }

        @Override
        Options options() {
            return new Options().addOption(valued("limit", "N", "At most N stories (default 50)."))
                    .addOption(valued("min-articles", "N", "Only stories of at least N articles (default 2)."));
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            args(cl, 0, "");
            int limit = intOption(cl, "limit", 50, 1);
            int min = intOption(cl, "min-articles", 2, 1);
            try (Library lib = cli.open()) {
                engine(cli, lib);
                print(cli, lib.stories().list(min, limit, false));
                return 0;
            }
        }
    }

    static final class Followed extends Command {
        Followed() {
            super("followed", "", "Followed stories, with how many new articles are unread in each.");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            args(cl, 0, "");
            try (Library lib = cli.open()) {
                engine(cli, lib);
                List<Story> followed = lib.stories().list(1, 0, true);
                if (followed.isEmpty() && !cli.json) cli.out.println("no followed stories: try `storyline follow ARTICLE`");
                print(cli, followed);
                return 0;
            }
        }
    }

    static void print(Cli cli, List<Story> stories) {
        if (cli.json) {
            Json j = new Json(cli.out);
            for (Story s : stories) j.line(g -> {
                g.writeStartObject();
                writeStory(g, s);
                g.writeEndObject();
            });
            j.close();
            return;
        }
        for (Story s : stories) {
            cli.out.printf(Locale.ROOT, "%8d  %3d articles %3d sources  %s  %s%s%n", s.id(), s.articles(), s.sources(),
                    s.lastSeen() == null ? "" : DAY.format(s.lastSeen().atZone(ZoneId.systemDefault())), Text.fit(s.title(), 70),
                    s.followed() ? "  [followed" + (s.unread() > 0 ? ", " + s.unread() + " new" : "") + "]" : "");
        }
    }

    private static void writeStory(JsonGenerator g, Story s) throws IOException {
        g.writeNumberField("id", s.id());
        g.writeStringField("title", s.title());
        g.writeNumberField("articles", s.articles());
        g.writeNumberField("sources", s.sources());
        g.writeStringField("firstSeen", Json.iso(s.firstSeen()));
        g.writeStringField("lastSeen", Json.iso(s.lastSeen()));
        g.writeBooleanField("followed", s.followed());
        g.writeNumberField("unread", s.unread());
    }

    static final class StoryCmd extends Command {
        StoryCmd() {
            super("story", "ID", "One story: its articles in time order, its sources, first and last seen.");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            String arg = args(cl, 1, "story ID").get(0);
            try (Library lib = cli.open()) {
                engine(cli, lib);
                long id = storyId(lib, arg);
                Story s = lib.stories().get(id).orElseThrow(() -> new UserError("no story " + arg));
                List<StoryEntry> timeline = lib.stories().timeline(id);
                if (cli.json) {
                    Json j = new Json(cli.out);
                    j.line(g -> {
                        g.writeStartObject();
                        writeStory(g, s);
                        List<String> sources = new ArrayList<>();
                        for (StoryEntry e : timeline) if (e.feed() != null && !sources.contains(e.feed())) sources.add(e.feed());
                        FeedCommands.stringArray(g, "sourceNames", sources);
                        g.writeArrayFieldStart("timeline");
                        for (StoryEntry e : timeline) {
                            g.writeStartObject();
                            g.writeNumberField("id", e.articleId());
                            g.writeStringField("title", e.title());
                            g.writeStringField("link", e.link());
                            g.writeStringField("feed", e.feed());
                            g.writeStringField("published", Json.iso(e.published()));
                            g.writeBooleanField("new", e.flagged());
                            g.writeBooleanField("stored", e.stored());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    });
                    j.close();
                    return 0;
                }
                cli.out.println("story " + s.id() + ": " + s.title());
                cli.out.println(s.articles() + " articles from " + s.sources() + " sources, " + (s.firstSeen() == null ? "" :
                        DAY.format(s.firstSeen().atZone(ZoneId.systemDefault())) + " to " + DAY.format(s.lastSeen().atZone(ZoneId.systemDefault())))
                        + (s.followed() ? "; followed" + (s.unread() > 0 ? ", " + s.unread() + " new unread" : "") : ""));
                for (StoryEntry e : timeline) {
                    cli.out.printf(Locale.ROOT, "  %s %s  %-24s %s%s%n", e.flagged() ? "*" : " ",
                            e.published() == null ? "                " : DAY.format(e.published().atZone(ZoneId.systemDefault())),
                            Text.fit(e.feed(), 24), e.title() == null ? "(untitled)" : e.title(), e.stored() ? "" : "  (article deleted)");
                }
                return 0;
            }
        }
    }

    static final class Follow extends Command {
        private final boolean follow;

        Follow(boolean follow) {
            super(follow ? "follow" : "unfollow", "ARTICLE|STORY", follow
                    ? "Follow a story (by one of its articles or its id): new articles that join it are flagged."
                    : "Stop following a story.");
            this.follow = follow;
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            String arg = args(cl, 1, "ARTICLE or STORY").get(0);
            try (Library lib = cli.open()) {
                engine(cli, lib);
                long id = storyId(lib, arg);
                lib.stories().follow(id, follow);
                Story s = lib.stories().get(id).orElseThrow(() -> new UserError("no story " + arg));
                cli.out.println((follow ? "following" : "no longer following") + " story " + id + ": " + s.title()
                        + " (" + s.articles() + " articles)");
                return 0;
            }
        }
    }

    /** A story id, or an article's (id, guid or link) story; merged stories resolve to where they went. */
    static long storyId(Library lib, String arg) {
        try {
            long n = Long.parseLong(arg.strip());
            var story = lib.stories().resolve(n);
            if (story.isPresent()) return story.get();
        } catch (NumberFormatException notANumber) {
            // an article's guid or link
        }
        Article a = lib.articles().find(arg).orElseThrow(() -> new UserError("no story or article " + arg));
        return lib.stories().storyOf(a.id()).flatMap(s -> lib.stories().resolve(s))
                .orElseThrow(() -> new UserError("article " + arg + " is in no story yet"));
    }
}
