package app.storyline.index;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query syntax people know from web and mail search, on Lucene's classic parser: words (all must
 * match), "phrases", AND/OR/NOT/-, parentheses, title:, author:, feed:, tag:, after:YYYY-MM-DD (on or
 * after), before:YYYY-MM-DD (strictly before), is:unread, is:read, is:starred. A field we do not know
 * ("http:", "re:") is searched as ordinary words instead of silently matching nothing.
 */
final class QueryParsing {
    private static final Map<String, Float> DEFAULT_FIELDS = Map.of(Fields.TITLE, 2.0f, Fields.TEXT, 1.0f);
    private static final Set<String> TEXT_FIELDS = Set.of(Fields.TITLE, Fields.TEXT, Fields.AUTHOR, Fields.FEED, Fields.TAG);

    private QueryParsing() {}

    static Query parse(String text, Analyzer analyzer, ZoneId zone) {
        if (text == null || text.isBlank()) throw new QuerySyntaxException("empty query");
        String problem = balanceProblem(text);
        if (problem != null) throw new QuerySyntaxException(problem);
        Parser p = new Parser(analyzer, zone);
        Query q;
        try {
            q = p.parse(text);
        } catch (ParseException e) {
            throw new QuerySyntaxException(explain(e));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("the query expands to too many terms; use fewer wildcards");
        }
        return onlyExclusions(q) ? withMatchAll(q) : q;
    }

    /** "-sport" alone means everything but sport, not nothing. */
    private static boolean onlyExclusions(Query q) {
        if (!(q instanceof BooleanQuery b) || b.clauses().isEmpty()) return false;
        for (BooleanClause c : b.clauses()) if (c.occur() != BooleanClause.Occur.MUST_NOT) return false;
        return true;
    }

    private static Query withMatchAll(Query q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        for (BooleanClause c : ((BooleanQuery) q).clauses()) b.add(c);
        return b.build();
    }

    private static String balanceProblem(String text) {
        int quotes = 0;
        int depth = 0;
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '"') {
                quotes++;
                inQuote = !inQuote;
            } else if (!inQuote && c == '(') {
                depth++;
            } else if (!inQuote && c == ')') {
                if (--depth < 0) return "unbalanced parenthesis: ')' at position " + (i + 1) + " closes nothing";
            }
        }
        if (quotes % 2 != 0) return "unbalanced quote: a phrase is opened with \" but never closed";
        if (depth > 0) return "unbalanced parenthesis: " + depth + " '(' never closed";
        return null;
    }

    private static String explain(ParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int colon = m.indexOf("': ");
        if (colon >= 0) m = m.substring(colon + 3);
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        if (m.contains("Encountered \"<EOF>\"")) return "the query ends too early (a dangling AND, OR, NOT or field:?)";
        return "malformed query: " + m.strip();
    }

    private static final class Parser extends MultiFieldQueryParser {
        private final ZoneId zone;

        Parser(Analyzer analyzer, ZoneId zone) {
            super(DEFAULT_FIELDS.keySet().toArray(String[]::new), analyzer, DEFAULT_FIELDS);
            this.zone = zone;
            setDefaultOperator(QueryParser.AND_OPERATOR);
            setAllowLeadingWildcard(false);
            setSplitOnWhitespace(true);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field == null) return super.getFieldQuery(null, queryText, quoted);
            String f = field.toLowerCase(Locale.ROOT);
            switch (f) {
                case "after" -> {
                    return LongPoint.newRangeQuery(Fields.DATE, dayStart(queryText, "after"), Long.MAX_VALUE);
                }
                case "before" -> {
                    return LongPoint.newRangeQuery(Fields.DATE, Long.MIN_VALUE, dayStart(queryText, "before") - 1);
                }
                case "is" -> {
                    return switch (queryText.toLowerCase(Locale.ROOT)) {
                        case "unread" -> NumericDocValuesField.newSlowExactQuery(Fields.READ, 0);
                        case "read" -> NumericDocValuesField.newSlowExactQuery(Fields.READ, 1);
                        case "starred" -> NumericDocValuesField.newSlowExactQuery(Fields.STARRED, 1);
                        default -> throw new ParseException("is:" + queryText + " is not known; use is:unread, is:read or is:starred");
                    };
                }
                case "feedid" -> {
                    return new TermQuery(new Term(Fields.FEED_ID, queryText));
                }
                default -> {
                    if (TEXT_FIELDS.contains(f)) return super.getFieldQuery(f, queryText, quoted);
                    // Not a field of ours: the user meant the words, e.g. a URL or "re:invent".
                    if (quoted) return super.getFieldQuery(null, field + " " + queryText, true);
                    BooleanQuery.Builder all = new BooleanQuery.Builder();
                    for (String part : new String[] {field, queryText}) {
                        Query q = super.getFieldQuery(null, part, false);
                        if (q != null) all.add(q, BooleanClause.Occur.MUST);
                    }
                    return all.build();
                }
            }
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (field != null && !TEXT_FIELDS.contains(field.toLowerCase(Locale.ROOT))) return getFieldQuery(field, queryText, true);
            return super.getFieldQuery(field == null ? null : field.toLowerCase(Locale.ROOT), queryText, slop);
        }

        private long dayStart(String text, String field) throws ParseException {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new ParseException(field + ":" + text + " is not a date; write " + field + ":YYYY-MM-DD");
            }
        }
    }
}
