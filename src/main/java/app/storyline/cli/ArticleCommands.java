package app.storyline.cli;

import app.storyline.index.HtmlText;
import app.storyline.index.Search;
import app.storyline.model.Article;
import app.storyline.model.Enclosure;
import app.storyline.service.Library;
import app.storyline.service.UserError;
import app.storyline.store.ArticleStore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.jsoup.parser.Parser;

/** Commands about articles: articles, search, show, reindex. */
final class ArticleCommands {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ArticleCommands() {}

    static final class Articles extends Command {
        Articles() {
            super("articles", "", "List articles, newest first (JSON Lines with --json).");
        }

        @Override
        Options options() {
            return new Options().addOption(valued("feed", "ID", "Only this feed's articles."))
                    .addOption(flag("unread", "Only unread articles.")).addOption(flag("starred", "Only starred articles."))
                    .addOption(valued("limit", "N", "At most N articles (default: all)."));
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            args(cl, 0, "");
            Long feedId = longOption(cl, "feed");
            boolean unread = cl.hasOption("unread");
            boolean starred = cl.hasOption("starred");
            Integer limit = intOption(cl, "limit", null, 1);
            try (Library lib = cli.open()) {
                if (feedId != null && lib.feeds().byId(feedId).isEmpty()) throw new UserError("no feed with id " + feedId);
                List<Article> list = lib.articles().list(new ArticleStore.Query(feedId, unread, starred, limit == null ? 0 : limit));
                if (cli.json) {
                    Json j = new Json(cli.out);
                    for (Article a : list) j.line(g -> {
                        g.writeStartObject();
                        Json.articleFields(g, a, false);
                        g.writeEndObject();
                    });
                    j.close();
                } else {
                    for (Article a : list) printLine(cli, a, null);
                }
                return 0;
            }
        }
    }

    static final class SearchCmd extends Command {
        SearchCmd() {
            super("search", "QUERY...", "Full-text search, ranked (BM25, titles boosted), with highlighted snippets.");
        }

        @Override
        List<String> details() {
            return List.of("Syntax: words (all must match), \"a phrase\", AND OR NOT -word, (a OR b), title: author: feed: tag:,",
                    "after:YYYY-MM-DD (on or after) before:YYYY-MM-DD (before) is:unread is:read is:starred.");
        }

        @Override
        Options options() {
            return new Options().addOption(valued("limit", "N", "At most N results (default 20)."))
                    .addOption(valued("sort", "relevance|date", "Order of results (default relevance)."));
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            List<String> words = args(cl, -1, "QUERY");
            int limit = intOption(cl, "limit", 20, 1);
            String sort = cl.getOptionValue("sort", "relevance");
            Search.Order order = switch (sort.toLowerCase(Locale.ROOT)) {
                case "relevance" -> Search.Order.RELEVANCE;
                case "date" -> Search.Order.DATE;
                default -> throw new UserError("--sort must be relevance or date, not " + sort);
            };
            try (Library lib = cli.open()) {
                Search.Results results = new Search(lib.index(), ZoneId.systemDefault()).search(String.join(" ", words), limit, order);
                List<Long> ids = new ArrayList<>();
                for (Search.Hit h : results.hits()) ids.add(h.articleId());
                Map<Long, Article> byId = new HashMap<>();
                for (Article a : lib.articles().byIds(ids)) byId.put(a.id(), a);
                if (cli.json) {
                    Json j = new Json(cli.out);
                    for (Search.Hit h : results.hits()) {
                        Article a = byId.get(h.articleId());
                        if (a == null) continue;
                        j.line(g -> {
                            g.writeStartObject();
                            Json.articleFields(g, a, false);
                            g.writeNumberField("score", h.score());
                            g.writeStringField("snippet", h.snippet());
                            g.writeEndObject();
                        });
                    }
                    j.close();
                } else {
                    cli.out.println(results.total() + " matches" + (results.total() > results.hits().size() ? ", showing " + results.hits().size() : ""));
                    for (Search.Hit h : results.hits()) {
                        Article a = byId.get(h.articleId());
                        if (a != null) printLine(cli, a, plainSnippet(h.snippet()));
                    }
                }
                return 0;
            }
        }
    }

    static final class Show extends Command {
        Show() {
            super("show", "ARTICLE", "Show one article whole (ARTICLE is an id, guid or link).");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            String ref = args(cl, 1, "ARTICLE").get(0);
            try (Library lib = cli.open()) {
                Article a = lib.articles().find(ref).orElseThrow(() -> new UserError("no article " + ref));
                if (cli.json) {
                    Json j = new Json(cli.out);
                    j.line(g -> {
                        g.writeStartObject();
                        Json.articleFields(g, a, true);
                        g.writeStringField("text", HtmlText.plain(a.body()));
                        g.writeEndObject();
                    });
                    j.close();
                    return 0;
                }
                cli.out.println(a.title() == null ? "(untitled)" : a.title());
                cli.out.println(a.feedTitle() + (a.author() != null ? " · " + a.author() : "") + " · "
                        + DAY.format(a.when().atZone(ZoneId.systemDefault())) + (a.published() == null ? " (arrived)" : ""));
                if (a.link() != null) cli.out.println(a.link());
                if (!a.categories().isEmpty()) cli.out.println("tags: " + String.join(", ", a.categories()));
                for (Enclosure e : a.enclosures()) cli.out.println("enclosure: " + e.url() + (e.type() != null ? " (" + e.type() + ")" : ""));
                cli.out.println();
                cli.out.println(HtmlText.plain(a.body()));
                return 0;
            }
        }
    }

    static final class Reindex extends Command {
        Reindex() {
            super("reindex", "", "Rebuild the search index from the database.");
        }

        @Override
        int run(Cli cli, CommandLine cl) {
            args(cl, 0, "");
            try (Library lib = cli.open()) {
                long t0 = System.nanoTime();
                int n = lib.index().rebuild();
                cli.out.printf(Locale.ROOT, "reindexed %d articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
                return 0;
            }
        }
    }

    private static void printLine(Cli cli, Article a, String snippet) {
        cli.out.printf(Locale.ROOT, "%-16d %s %s %-20s %s%n", a.id(), a.read() ? " " : "*",
                DAY.format(a.when().atZone(ZoneId.systemDefault())), Text.fit(a.feedTitle(), 20),
                a.title() == null ? "(untitled)" : a.title());
        if (snippet != null && !snippet.isEmpty()) cli.out.println("        " + Text.fit(snippet, 150));
    }

    private static String plainSnippet(String html) {
        return Parser.unescapeEntities(html.replace("<b>", "").replace("</b>", ""), false);
    }
}
