package app.storyline.cli;

import app.storyline.feed.Discovery;
import app.storyline.feed.HttpFetcher;
import app.storyline.model.Feed;
import app.storyline.model.FeedSummary;
import app.storyline.model.ParsedItem;
import app.storyline.service.Library;
import app.storyline.service.Refresher;
import app.storyline.service.Refresher.FeedResult;
import app.storyline.service.Subscriptions;
import app.storyline.service.UserError;
import app.storyline.service.Version;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** Commands about subscriptions: subscribe, import, export, feeds, refresh, parse. */
final class FeedCommands {
    private FeedCommands() {}

    static final class Subscribe extends Command {
        Subscribe() {
            super("subscribe", "URL", "Subscribe to a feed URL, or to the feed a web page links to.");
        }

        @Override
        Options options() {
            return new Options().addOption(valued("folder", "NAME", "Put the feed in this folder (a/b for nested)."))
                    .addOption(flag("all", "When a page links to several feeds, subscribe to all of them."));
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            String url = args(cl, 1, "URL").get(0);
            String folder = cl.getOptionValue("folder");
            boolean all = cl.hasOption("all");
            try (Library lib = cli.open()) {
                Subscriptions.SubscribeResult r = lib.subscriptions().subscribe(url, folder, all);
                if (!r.choices().isEmpty()) {
                    if (cli.json) {
                        Json j = new Json(cli.out);
                        for (Discovery.Candidate c : r.choices()) j.line(g -> {
                            g.writeStartObject();
                            g.writeStringField("url", c.url());
                            g.writeStringField("title", c.title());
                            g.writeStringField("type", c.type());
                            g.writeEndObject();
                        });
                        j.close();
                    } else {
                        cli.out.println("This page links to " + r.choices().size() + " feeds; subscribe to one of them, or use --all:");
                        for (Discovery.Candidate c : r.choices()) cli.out.println("  " + c.url() + (c.title() != null ? "  (" + c.title() + ")" : ""));
                    }
                    cli.err.println("storyline: nothing subscribed: choose a feed");
                    return 1;
                }
                for (Feed f : r.existing()) cli.out.println("already subscribed: " + f.url() + " (feed " + f.id() + ")");
                for (FeedResult fr : r.added()) {
                    Feed f = lib.feeds().byId(fr.feedId()).orElseThrow();
                    if (cli.json) {
                        Json j = new Json(cli.out);
                        j.line(g -> {
                            g.writeStartObject();
                            g.writeNumberField("id", f.id());
                            g.writeStringField("url", f.url());
                            g.writeStringField("title", f.title());
                            g.writeNumberField("new", fr.added());
                            g.writeEndObject();
                        });
                        j.close();
                    } else {
                        cli.out.println("subscribed: " + f.displayTitle() + " <" + f.url() + "> (feed " + f.id() + "), "
                                + fr.added() + " articles");
                    }
                }
                return 0;
            }
        }
    }

    static final class Import extends Command {
        Import() {
            super("import", "FILE.opml", "Import subscriptions from an OPML file (folders kept, duplicates skipped).");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            Path file = path(args(cl, 1, "FILE.opml").get(0));
            try (Library lib = cli.open()) {
                Subscriptions.ImportResult r = lib.subscriptions().importOpml(file);
                if (cli.json) {
                    Json j = new Json(cli.out);
                    j.line(g -> {
                        g.writeStartObject();
                        g.writeNumberField("added", r.added());
                        stringArray(g, "duplicates", r.duplicates());
                        stringArray(g, "problems", r.problems());
                        g.writeEndObject();
                    });
                    j.close();
                } else {
                    cli.out.println("imported " + r.added() + " feeds" + (r.duplicates().isEmpty() ? "" : ", skipped "
                            + r.duplicates().size() + " already subscribed") + (r.problems().isEmpty() ? "" : ", "
                            + r.problems().size() + " outlines not imported:"));
                    for (String p : r.problems()) cli.out.println("  " + p);
                    if (r.added() > 0) cli.out.println("run `storyline refresh` to fetch them");
                }
                return 0;
            }
        }
    }

    static final class Export extends Command {
        Export() {
            super("export", "FILE.opml", "Export subscriptions, with folders, to OPML 2.0.");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            Path file = path(args(cl, 1, "FILE.opml").get(0));
            try (Library lib = cli.open()) {
                int n = lib.subscriptions().exportOpml(file);
                cli.out.println("exported " + n + " feeds to " + file);
                return 0;
            }
        }
    }

    static final class Feeds extends Command {
        Feeds() {
            super("feeds", "", "List subscriptions with counts and last fetch status.");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            args(cl, 0, "");
            try (Library lib = cli.open()) {
                List<FeedSummary> all = lib.feeds().summaries(lib.folders().paths());
                if (cli.json) {
                    Json j = new Json(cli.out);
                    for (FeedSummary s : all) j.line(g -> {
                        g.writeStartObject();
                        g.writeNumberField("id", s.feed().id());
                        g.writeStringField("url", s.feed().url());
                        g.writeStringField("title", s.feed().title());
                        g.writeStringField("folder", s.folder());
                        g.writeNumberField("articles", s.articles());
                        g.writeNumberField("unread", s.unread());
                        g.writeNumberField("status", s.fetch().httpStatus());
                        g.writeStringField("error", s.fetch().lastError());
                        g.writeStringField("lastAttempt", Json.iso(s.fetch().lastAttempt()));
                        g.writeStringField("lastSuccess", Json.iso(s.fetch().lastSuccess()));
                        g.writeStringField("nextFetchAfter", Json.iso(s.fetch().nextFetchAfter()));
                        g.writeEndObject();
                    });
                    j.close();
                    return 0;
                }
                if (all.isEmpty()) cli.out.println("no subscriptions yet: try `storyline subscribe URL` or `storyline import FILE.opml`");
                for (FeedSummary s : all) {
                    String status = s.fetch().lastError() != null ? "error: " + s.fetch().lastError()
                            : s.fetch().lastAttempt() == null ? "never fetched" : "ok (" + s.fetch().httpStatus() + ")";
                    cli.out.printf(Locale.ROOT, "%5d  %-40s %-16s %6d articles %6d unread  %s%n", s.feed().id(),
                            Text.fit(s.feed().displayTitle(), 40), Text.fit(s.folder() == null ? "" : s.folder(), 16),
                            s.articles(), s.unread(), status);
                }
                return 0;
            }
        }
    }

    static final class Refresh extends Command {
        Refresh() {
            super("refresh", "", "Fetch feeds now and store what is new; every article is searchable when it returns.");
        }

        @Override
        Options options() {
            return new Options().addOption(valued("feed", "ID", "Only this feed."));
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            args(cl, 0, "");
            Long feedId = longOption(cl, "feed");
            try (Library lib = cli.open()) {
                List<Feed> feeds;
                if (feedId != null) {
                    feeds = List.of(lib.feeds().byId(feedId).orElseThrow(() -> new UserError("no feed with id " + feedId)));
                } else {
                    feeds = lib.feeds().all();
                }
                boolean tty = System.console() != null && !cli.json;
                List<FeedResult> results = lib.refresher().refresh(feeds, tty ? (r, done, total) -> {
                    synchronized (cli.err) {
                        cli.err.print("\rrefreshing: " + done + "/" + total + " feeds");
                        if (done == total) cli.err.print("\r\033[K");
                        cli.err.flush();
                    }
                } : null);
                Refresher.Totals t = Refresher.Totals.of(results);
                if (cli.json) {
                    Json j = new Json(cli.out);
                    j.line(g -> {
                        g.writeStartObject();
                        g.writeArrayFieldStart("feeds");
                        for (FeedResult r : results) {
                            g.writeStartObject();
                            g.writeNumberField("id", r.feedId());
                            g.writeStringField("url", r.url());
                            g.writeStringField("status", r.status().name().toLowerCase(Locale.ROOT));
                            g.writeNumberField("new", r.added());
                            g.writeNumberField("updated", r.updated());
                            g.writeNumberField("httpStatus", r.httpStatus());
                            g.writeStringField("error", r.error());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeObjectFieldStart("totals");
                        g.writeNumberField("feeds", t.feeds());
                        g.writeNumberField("new", t.newArticles());
                        g.writeNumberField("updated", t.updatedArticles());
                        g.writeNumberField("feedsWithNew", t.withNew());
                        g.writeNumberField("feedsUpdated", t.updated());
                        g.writeNumberField("unchanged", t.unchanged());
                        g.writeNumberField("errors", t.failed());
                        g.writeNumberField("skipped", t.skipped());
                        g.writeEndObject();
                        g.writeEndObject();
                    });
                    j.close();
                    return 0;
                }
                for (FeedResult r : results) {
                    String what = switch (r.status()) {
                        case NEW -> r.added() + " new" + (r.updated() > 0 ? ", " + r.updated() + " updated" : "");
                        case UPDATED -> r.updated() + " updated";
                        case UNCHANGED -> "unchanged";
                        case ERROR -> "error: " + r.error();
                        case SKIPPED -> "skipped: " + r.error();
                    };
                    cli.out.printf(Locale.ROOT, "%5d  %-50s %s%n", r.feedId(), Text.fit(r.url(), 50), what);
                }
                cli.out.printf(Locale.ROOT, "%d feeds: %d new articles, %d updated; %d feeds unchanged, %d failed%s%n",
                        t.feeds(), t.newArticles(), t.updatedArticles(), t.unchanged(), t.failed(),
                        t.skipped() > 0 ? ", " + t.skipped() + " skipped" : "");
                return 0;
            }
        }
    }

    static final class Parse extends Command {
        Parse() {
            super("parse", "FILE|URL...", "Parse feed files or URLs without storing them (one result per input).");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            List<String> inputs = args(cl, -1, "FILE or URL");
            HttpFetcher fetcher = new HttpFetcher(HttpFetcher.Limits.defaults(), Version.userAgent());
            Json j = cli.json ? new Json(cli.out) : null;
            for (String input : inputs) {
                Subscriptions.ParseResult r = Subscriptions.parse(input, fetcher);
                if (j != null) {
                    j.line(g -> writeParse(g, r));
                } else if (r.feed() == null) {
                    cli.out.println(input + ": error: " + r.error());
                } else {
                    cli.out.println(input + ": " + r.feed().format() + " \"" + r.feed().title() + "\", " + r.feed().items().size() + " items");
                    for (ParsedItem i : r.feed().items()) {
                        cli.out.println("  " + (i.published() != null ? i.published() + "  " : "") + (i.title() != null ? i.title() : "(untitled)"));
                    }
                }
            }
            if (j != null) j.close();
            return 0;
        }

        private static void writeParse(JsonGenerator g, Subscriptions.ParseResult r) throws IOException {
            g.writeStartObject();
            g.writeStringField("input", r.input());
            g.writeBooleanField("ok", r.feed() != null);
            g.writeStringField("error", r.error());
            if (r.feed() != null) {
                g.writeStringField("format", r.feed().format());
                g.writeStringField("title", r.feed().title());
                g.writeStringField("link", r.feed().link());
                g.writeStringField("language", r.feed().language());
                g.writeNumberField("items", r.feed().items().size());
                g.writeArrayFieldStart("entries");
                for (ParsedItem i : r.feed().items()) {
                    g.writeStartObject();
                    g.writeStringField("guid", i.guid());
                    g.writeStringField("link", i.link());
                    g.writeStringField("title", i.title());
                    g.writeStringField("author", i.author());
                    g.writeStringField("published", Json.iso(i.published()));
                    g.writeStringField("updated", Json.iso(i.updated()));
                    g.writeStringField("summary", i.summary());
                    g.writeStringField("content", i.content());
                    stringArray(g, "categories", i.categories());
                    Json.enclosures(g, i.enclosures());
                    g.writeEndObject();
                }
                g.writeEndArray();
            } else {
                g.writeNullField("format");
                g.writeNullField("title");
                g.writeNumberField("items", 0);
            }
            g.writeEndObject();
        }
    }

    static Path path(String s) {
        try {
            return Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UserError("not a valid path: " + s);
        }
    }

    static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
