package app.storyline.index;

import app.storyline.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Ranked full-text search (BM25, title boosted) with highlighted snippets. The index stores no text,
 * so snippets are cut from the hits' text in the database (one query for the page of hits).
 */
public final class Search {
    public enum Order { RELEVANCE, DATE }

    /** One hit: the article id, its score (0 when sorted by date) and an HTML-escaped snippet with {@code <b>} marks. */
    public record Hit(long articleId, float score, String snippet) {}

    /** {@code total} counts every match, {@code hits} only the page asked for. */
    public record Results(long total, List<Hit> hits) {}

    private static final int SNIPPET_SOURCE_CHARS = 20_000;

    private final SearchIndex index;
    private final ZoneId zone;
    private final UnifiedHighlighter highlighter;

    public Search(SearchIndex index, ZoneId zone) {
        this.index = index;
        this.zone = zone;
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                .withMaxLength(SNIPPET_SOURCE_CHARS)
                .build();
    }

    /** Throws {@link QuerySyntaxException} for a query it cannot read. */
    public Results search(String queryText, int limit, Order order) {
        Query query = QueryParsing.parse(queryText, index.analyzer(), zone);
        IndexSearcher searcher = index.acquire();
        List<long[]> page = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        long total;
        try {
            int n = Math.max(1, limit);
            TopDocs top = order == Order.DATE
                    ? searcher.search(query, n, new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true)), true)
                    : searcher.search(query, n);
            for (ScoreDoc sd : top.scoreDocs) {
                page.add(new long[] {SearchIndex.articleId(searcher, sd.doc)});
                scores.add(Float.isNaN(sd.score) ? 0f : sd.score);
            }
            total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(query);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("the query expands to too many terms; use fewer wildcards");
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        } finally {
            index.release(searcher);
        }
        List<Long> ids = page.stream().map(p -> p[0]).toList();
        Map<Long, Article> byId = new HashMap<>();
        for (Article a : index.articles().byIds(ids)) byId.put(a.id(), a);
        List<Hit> hits = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Article a = byId.get(ids.get(i));
            if (a != null) hits.add(new Hit(a.id(), scores.get(i), snippet(query, a)));
        }
        return new Results(total, hits);
    }

    private String snippet(Query query, Article a) {
        String text = HtmlText.plain(a.body());
        if (text.length() > SNIPPET_SOURCE_CHARS) text = text.substring(0, SNIPPET_SOURCE_CHARS);
        try {
            Object s = highlighter.highlightWithoutSearcher(Fields.TEXT, query, text, 2);
            return s == null ? "" : s.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
