package app.storyline.feed.conformance;

import app.storyline.feed.Html;
import app.storyline.model.Enclosure;
import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Our parse result seen through feedparser's names, for the fields our model has: titles, links,
 * guids, summaries and content, authors, dates, categories and enclosures. Any other name is
 * {@link PyExpr.Unmapped}, so its assertion is left out of the rate instead of counted as a failure.
 * HTML is compared as displayed (sanitised, then both sides normalised by jsoup); titles as text.
 */
final class FeedparserView {
    private FeedparserView() {}

    /** Paths (keys after feed/entries, indices dropped) whose values our model holds. */
    private static final java.util.Set<String> MAPPED = java.util.Set.of(
            "feed", "feed.title", "feed.title_detail", "feed.title_detail.value", "feed.link",
            "entries", "entries.title", "entries.title_detail", "entries.title_detail.value", "entries.link", "entries.id",
            "entries.guid", "entries.summary", "entries.description", "entries.summary_detail", "entries.summary_detail.value",
            "entries.content", "entries.content.value", "entries.author", "entries.author_detail", "entries.author_detail.name",
            "entries.published_parsed", "entries.issued_parsed", "entries.updated_parsed", "entries.modified_parsed",
            "entries.tags", "entries.tags.term", "entries.category", "entries.enclosures", "entries.enclosures.href",
            "entries.enclosures.url", "entries.enclosures.type", "entries.enclosures.length");

    /**
     * True when every feed/entries path in the clause is one we model and the clause reads at least one.
     * Clauses about bozo, encoding, HTTP headers or fields we do not keep are left out of the rate.
     */
    static boolean mapsOnlyModelledFields(String clause) {
        List<String> t = PyExpr.tokenize(clause);
        boolean any = false;
        for (int i = 0; i < t.size(); i++) {
            String tok = t.get(i);
            boolean afterDot = i > 0 && t.get(i - 1).equals(".");
            if (afterDot || tok.startsWith("\u0000") || !Character.isLetter(tok.charAt(0))) continue;
            if (tok.equals("feed") || tok.equals("entries")) {
                StringBuilder path = new StringBuilder(tok);
                int j = i + 1;
                while (j < t.size()) {
                    if (t.get(j).equals("[") && j + 2 < t.size() && t.get(j + 2).equals("]")) {
                        String key = t.get(j + 1);
                        if (key.startsWith("\u0000")) path.append('.').append(key.substring(1));
                        j += 3;
                    } else if (t.get(j).equals(".") && j + 1 < t.size()) {
                        path.append('.').append(t.get(j + 1)); // ".get(key)" reads any key: never a modelled path
                        j += 2;
                    } else break;
                }
                if (!MAPPED.contains(path.toString())) return false;
                any = true;
                i = j - 1;
            } else if (!java.util.Set.of("and", "or", "not", "in", "is", "None", "True", "False", "len", "ord").contains(tok)) {
                return false; // bozo, encoding, version, headers, ...
            }
        }
        return any;
    }

    static Object names(String name, ParsedFeed feed, String base) {
        return switch (name) {
            case "feed" -> feedView(feed);
            case "entries" -> {
                List<Object> out = new ArrayList<>();
                if (feed != null) for (ParsedItem i : feed.items()) out.add(entryView(i, base));
                yield out;
            }
            default -> throw new PyExpr.Unmapped(name);
        };
    }

    private static PyExpr.View feedView(ParsedFeed f) {
        return view(Map.of(
                "title", () -> f == null ? null : new Text(f.title()),
                "title_detail", () -> view(Map.of("value", () -> f == null ? null : new Text(f.title()))),
                "link", () -> f == null ? null : f.link()));
    }

    private static PyExpr.View entryView(ParsedItem i, String base) {
        String summary = i.summary() != null ? i.summary() : i.content();
        Instant updated = i.updated() != null ? i.updated() : i.published();
        return view(Map.ofEntries(
                Map.entry("title", () -> new Text(i.title())),
                Map.entry("title_detail", () -> view(Map.of("value", () -> new Text(i.title())))),
                Map.entry("link", i::link),
                Map.entry("id", i::guid),
                Map.entry("guid", i::guid),
                Map.entry("summary", () -> new HtmlValue(summary, base)),
                Map.entry("description", () -> new HtmlValue(summary, base)),
                Map.entry("summary_detail", () -> view(Map.of("value", () -> new HtmlValue(summary, base)))),
                Map.entry("content", () -> i.content() == null ? List.of()
                        : List.of(view(Map.of("value", () -> new HtmlValue(i.content(), base))))),
                Map.entry("author", () -> new Text(i.author())),
                Map.entry("author_detail", () -> view(Map.of("name", () -> new Text(nameOf(i.author()))))),
                Map.entry("published_parsed", () -> new DateTuple(i.published())),
                Map.entry("issued_parsed", () -> new DateTuple(i.published())),
                Map.entry("updated_parsed", () -> new DateTuple(updated)),
                Map.entry("modified_parsed", () -> new DateTuple(updated)),
                Map.entry("tags", () -> i.categories().stream().map(c -> (Object) view(Map.of("term", () -> c))).toList()),
                Map.entry("category", () -> i.categories().isEmpty() ? null : i.categories().get(0)),
                Map.entry("enclosures", () -> i.enclosures().stream().map(FeedparserView::enclosure).toList())));
    }

    private static Object enclosure(Enclosure e) {
        return view(Map.of("href", e::url, "url", e::url, "type", e::type,
                "length", () -> e.length() < 0 ? null : Long.toString(e.length())));
    }

    private static PyExpr.View view(Map<String, Supplier<Object>> fields) {
        return key -> {
            Supplier<Object> s = fields.get(String.valueOf(key));
            if (s == null) throw new PyExpr.Unmapped(String.valueOf(key));
            return s.get();
        };
    }

    /** A title or name: equal to the expected string, or to its text when the expectation holds markup. */
    record Text(String value) implements PyExpr.Comparable {
        @Override
        public boolean equalsPython(Object other) {
            if (other == null) return value == null;
            String exp = String.valueOf(PyExpr.plain(other));
            String value = this.value == null ? "" : this.value;
            return value.equals(exp) || value.equals(Jsoup.parse(exp).text()) || value.equals(exp.strip().replaceAll("\\s+", " "));
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** HTML as the reader shows it: sanitised, compared as a normalised DOM. */
    record HtmlValue(String raw, String base) implements PyExpr.Comparable {
        @Override
        public boolean equalsPython(Object other) {
            if (raw == null || other == null) return raw == null && other == null;
            String exp = String.valueOf(PyExpr.plain(other));
            if (raw.equals(exp)) return true;
            return normalize(Html.sanitize(raw, base)).equals(normalize(exp));
        }

        private static String normalize(String html) {
            Document d = Jsoup.parseBodyFragment(html);
            d.outputSettings().prettyPrint(false);
            return d.body().html().strip();
        }

        @Override
        public String toString() {
            return raw == null ? "" : Html.sanitize(raw, base);
        }
    }

    /** A time.struct_time of the instant in UTC. */
    record DateTuple(Instant t) implements PyExpr.Comparable {
        @Override
        public boolean equalsPython(Object other) {
            if (t == null || !(other instanceof List<?> exp)) return t == null && other == null;
            ZonedDateTime z = t.atZone(ZoneOffset.UTC);
            List<Long> ours = List.of((long) z.getYear(), (long) z.getMonthValue(), (long) z.getDayOfMonth(), (long) z.getHour(),
                    (long) z.getMinute(), (long) z.getSecond(), (long) z.getDayOfWeek().getValue() - 1, (long) z.getDayOfYear(), 0L);
            if (exp.size() != 9) return false;
            for (int k = 0; k < 9; k++) if (!Objects.equals(ours.get(k), exp.get(k))) return false;
            return true;
        }
    }

    /** feedparser's author_detail.name: the author without an e-mail address beside it. */
    static String nameOf(String author) {
        if (author == null) return null;
        String name = author.replaceAll("\\s*\\(\\S+@\\S+\\)\\s*$", "").replaceAll("\\s*<\\S+@\\S+>\\s*$", "").strip();
        return name.isEmpty() ? author : name;
    }
}
