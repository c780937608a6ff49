package app.storyline.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.index.StoredFields;

/** Ranked full-text search (BM25, title boosted) with highlighted snippets. */
public final class Search {
    public enum Order { RELEVANCE, DATE }

    /** One hit: the article id, its score (0 when sorted by date) and an HTML-escaped snippet with {@code <b>} marks. */
    public record Hit(long articleId, float score, String snippet) {}

    /** {@code total} counts every match, {@code hits} only the page asked for. */
    public record Results(long total, List<Hit> hits) {}

    private final SearchIndex index;
    private final ZoneId zone;

    public Search(SearchIndex index, ZoneId zone) {
        this.index = index;
        this.zone = zone;
    }

    /** Throws {@link QuerySyntaxException} for a query it cannot read. */
    public Results search(String queryText, int limit, Order order) {
        Query query = QueryParsing.parse(queryText, index.analyzer(), zone);
        IndexSearcher searcher = index.acquire();
        try {
            int n = Math.max(1, limit);
            TopDocs top = order == Order.DATE
                    ? searcher.search(query, n, new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true)), true)
                    : searcher.search(query, n);
            String[] snippets = snippets(searcher, query, top);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                long id = stored.document(sd.doc, java.util.Set.of(Fields.ID)).getField(Fields.ID).numericValue().longValue();
                hits.add(new Hit(id, Float.isNaN(sd.score) ? 0f : sd.score, snippets[i]));
            }
            long total = top.totalHits.value();
            if (top.totalHits.relation() != org.apache.lucene.search.TotalHits.Relation.EQUAL_TO) total = searcher.count(query);
            return new Results(total, hits);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("the query expands to too many terms; use fewer wildcards");
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        } finally {
            index.release(searcher);
        }
    }

    private String[] snippets(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                .withMaxLength(20_000)
                .build();
        String[] text = h.highlight(Fields.TEXT, query, top, 2);
        String[] out = new String[top.scoreDocs.length];
        for (int i = 0; i < out.length; i++) out[i] = text[i] == null ? "" : text[i];
        return out;
    }
}
