package app.storyline.store;

import app.storyline.model.ArticleRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article list's rows in one query, however many: the window shows 100k articles without a query
 * per row. Newest first, or in the order of {@link Filter#ids} when given (search results).
 */
public final class ArticleRows {
    /** Which articles; null/false fields do not filter. {@code folderId} includes its subfolders. */
    public record Filter(Long feedId, Long folderId, boolean unreadOnly, boolean starredOnly, boolean followedOnly,
                         List<Long> ids, int limit) {}

    private static final int EXCERPT = 600;
    private static final String SELECT = "SELECT a.id, a.feed_id, coalesce(nullif(f.title, ''), f.url), a.title, "
            + "substr(coalesce(nullif(a.summary, ''), a.content, ''), 1, " + EXCERPT + "), a.sort_time, a.read, a.starred, "
            + "coalesce(m.story_id, -1) "
            // CROSS JOIN keeps article the outer loop, so newest-first reads the (sort_time, id) index and stops at LIMIT.
            + "FROM article a CROSS JOIN feed f ON f.id = a.feed_id "
            + "LEFT JOIN story_member m ON m.article_id = a.id ";
    /** Above this many rows, counting every story's sources at once is cheaper than naming the stories. */
    private static final int ALL_STORIES = 5000;
    private static final String FOLDER_TREE = "WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT fo.id FROM folder fo "
            + "JOIN tree t ON fo.parent_id = t.id) ";

    private final Database db;

    public ArticleRows(Database db) {
        this.db = db;
    }

    public List<ArticleRow> list(Filter q) {
        if (q.ids() != null && q.ids().isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder(q.folderId() != null ? FOLDER_TREE : "").append(SELECT).append("WHERE 1 = 1 ");
        List<Object> args = new ArrayList<>();
        if (q.folderId() != null) args.add(q.folderId());
        if (q.feedId() != null) {
            sql.append("AND a.feed_id = ? ");
            args.add(q.feedId());
        }
        if (q.folderId() != null) sql.append("AND f.folder_id IN (SELECT id FROM tree) ");
        if (q.unreadOnly()) sql.append("AND a.read = 0 ");
        if (q.starredOnly()) sql.append("AND a.starred = 1 ");
        if (q.followedOnly()) sql.append("AND m.story_id IN (SELECT id FROM story WHERE followed = 1) ");
        if (q.ids() != null) {
            sql.append("AND a.id IN (").append("?,".repeat(q.ids().size() - 1)).append("?) ");
            args.addAll(q.ids());
        }
        sql.append("ORDER BY a.sort_time DESC, a.id DESC");
        if (q.limit() > 0) {
            sql.append(" LIMIT ?");
            args.add(q.limit());
        }
        List<ArticleRow> rows = db.read(c -> {
            List<ArticleRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
            }
            Map<Long, Integer> sources = sources(c, out);
            if (!sources.isEmpty()) out.replaceAll(r -> r.storyId() < 0 ? r : r.withStorySources(sources.getOrDefault(r.storyId(), 0)));
            return out;
        });
        if (q.ids() == null) return rows;
        Map<Long, ArticleRow> byId = new HashMap<>();
        for (ArticleRow r : rows) byId.put(r.id(), r);
        List<ArticleRow> ordered = new ArrayList<>(rows.size());
        for (Long id : q.ids()) {
            ArticleRow r = byId.get(id);
            if (r != null) ordered.add(r);
        }
        return ordered;
    }

    /**
     * The number of feeds of each multi-source story among the rows' stories. Counted in a second query:
     * joined into the row query it counted every story for every list, the cost of a 100k-row list
     * (0.7 s at 100k articles) paid again for each ten related articles.
     */
    private static Map<Long, Integer> sources(java.sql.Connection c, List<ArticleRow> rows) throws SQLException {
        java.util.Set<Long> stories = new java.util.HashSet<>();
        for (ArticleRow r : rows) if (r.storyId() >= 0) stories.add(r.storyId());
        Map<Long, Integer> out = new HashMap<>();
        if (stories.isEmpty()) return out;
        String sql = "SELECT m.story_id, count(DISTINCT a.feed_id) FROM story_member m JOIN article a ON a.id = m.article_id "
                + (stories.size() > ALL_STORIES ? "" : "WHERE m.story_id IN (" + "?,".repeat(stories.size() - 1) + "?) ")
                + "GROUP BY m.story_id HAVING count(DISTINCT a.feed_id) > 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (stories.size() <= ALL_STORIES) {
                int i = 1;
                for (Long id : stories) ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return out;
    }

    private static ArticleRow row(ResultSet rs) throws SQLException {
        return new ArticleRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), rs.getBoolean(7), rs.getBoolean(8), rs.getLong(9), 0);
    }
}
