package app.storyline.store;

import app.storyline.model.Article;
import app.storyline.model.Enclosure;
import app.storyline.model.ParsedItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Articles: saving what a fetch brought (insert or update in place, never duplicate) and reading them back. */
public final class ArticleStore {
    /** What a save did: ids of new and of changed articles, and how many were already stored unchanged. */
    public record SaveResult(List<Long> added, List<Long> updated, int unchanged) {}

    /** Filters for {@link #list}; {@code limit} 0 means all. */
    public record Query(Long feedId, boolean unreadOnly, boolean starredOnly, int limit) {}

    static final String SELECT = "SELECT a.id, a.feed_id, f.title AS feed_title, f.url AS feed_url, f.language, a.guid, "
            + "a.link, a.title, a.author, a.summary, a.content, a.categories, a.published, a.arrived, a.updated, a.read, a.starred "
            + "FROM article a JOIN feed f ON f.id = a.feed_id ";
    /** A date further ahead than this is a feed's mistake; such an article sorts by when it arrived. */
    private static final Duration FUTURE_SLACK = Duration.ofDays(1);
    /** No item key can equal this: marks an id taken by another feed's article. */
    private static final String OTHER_FEED = "\u0000other feed";

    private final Database db;

    public ArticleStore(Database db) {
        this.db = db;
    }

    public SaveResult save(long feedId, List<ParsedItem> items, Instant now) {
        return db.write(c -> save(c, feedId, items, now));
    }

    /**
     * Saves items in the caller's transaction. Each item is matched by its derived id; a changed item is
     * updated in place (its previous title and text kept as a version when those changed), and every
     * change queues the article for the index in the same transaction.
     */
    public static SaveResult save(Connection c, long feedId, List<ParsedItem> items, Instant now) throws SQLException {
        List<Long> added = new ArrayList<>();
        List<Long> updated = new ArrayList<>();
        int unchanged = 0;
        String[] keys = new String[items.size()];
        long[] ids = new long[items.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ArticleIds.key(items.get(i));
            ids[i] = ArticleIds.id(feedId, keys[i]);
        }
        Map<Long, String[]> known = known(c, ids, feedId);
        try (PreparedStatement probe = c.prepareStatement("SELECT feed_id, item_key, content_hash FROM article WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO article(id, feed_id, item_key, guid, link, title, author, "
                     + "summary, content, categories, published, arrived, sort_time, content_hash) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement queue = c.prepareStatement("INSERT INTO index_queue(article_id, op) VALUES (?, 1)");
             PreparedStatement encl = c.prepareStatement("INSERT INTO enclosure(article_id, url, type, length) VALUES (?, ?, ?, ?)")) {
            long arrivedBase = now.toEpochMilli();
            Map<Long, Boolean> seenInThisFeed = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                ParsedItem item = items.get(i);
                String key = keys[i];
                String hash = contentHash(item);
                long id = ids[i];
                String[] row = known.get(id);
                // Another item holds this id (a collision): walk to the next free id, as its first save did.
                while (row != null && !row[0].equals(key)) {
                    id = (id + 1) & ArticleIds.MASK;
                    row = known.containsKey(id) ? known.get(id) : probe(probe, id, feedId);
                }
                String stored = row == null ? null : row[1];
                if (seenInThisFeed.put(id, Boolean.TRUE) != null) continue; // the feed lists the item twice
                if (stored == null) {
                    // Items earlier in a feed are newer: keep that order for undated items.
                    long arrived = arrivedBase - i;
                    Long published = item.published() == null ? null : item.published().toEpochMilli();
                    long sort = published == null || published > arrived + FUTURE_SLACK.toMillis() ? arrived : published;
                    insert.setLong(1, id);
                    insert.setLong(2, feedId);
                    insert.setString(3, key);
                    insert.setString(4, item.guid());
                    insert.setString(5, item.link());
                    insert.setString(6, item.title());
                    insert.setString(7, item.author());
                    insert.setString(8, item.summary());
                    insert.setString(9, item.content());
                    insert.setString(10, joinCategories(item.categories()));
                    Sql.setLong(insert, 11, published);
                    insert.setLong(12, arrived);
                    insert.setLong(13, sort);
                    insert.setString(14, hash);
                    insert.executeUpdate();
                    known.put(id, new String[] {key, hash});
                    for (Enclosure e : item.enclosures()) addEnclosure(encl, id, e);
                    queue.setLong(1, id);
                    queue.executeUpdate();
                    added.add(id);
                } else if (stored.equals(hash)) {
                    unchanged++;
                } else {
                    update(c, id, item, hash, now);
                    queue.setLong(1, id);
                    queue.executeUpdate();
                    updated.add(id);
                }
            }
        }
        return new SaveResult(added, updated, unchanged);
    }

    /** The stored (key, hash) at {@code id}, a marker for another feed's row, or null when the id is free. */
    private static String[] probe(PreparedStatement probe, long id, long feedId) throws SQLException {
        probe.setLong(1, id);
        try (ResultSet rs = probe.executeQuery()) {
            if (!rs.next()) return null;
            return rs.getLong(1) == feedId ? new String[] {rs.getString(2), rs.getString(3)} : new String[] {OTHER_FEED, null};
        }
    }

    /**
     * The stored (key, hash) of this feed's items by id, read in one query per save instead of one per
     * item. Ids of other feeds that collide are found by the per-item probe.
     */
    private static Map<Long, String[]> known(Connection c, long[] ids, long feedId) throws SQLException {
        Map<Long, String[]> out = new HashMap<>();
        for (int from = 0; from < ids.length; from += 500) {
            int size = Math.min(ids.length, from + 500) - from;
            String marks = String.join(",", java.util.Collections.nCopies(size, "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, feed_id, item_key, content_hash FROM article WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < size; i++) ps.setLong(i + 1, ids[from + i]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // A row of another feed under our id is a collision: leave it to the probe.
                        if (rs.getLong(2) == feedId) out.put(rs.getLong(1), new String[] {rs.getString(3), rs.getString(4)});
                        else out.put(rs.getLong(1), new String[] {OTHER_FEED, null});
                    }
                }
            }
        }
        return out;
    }

    private static void update(Connection c, long id, ParsedItem item, String hash, Instant now) throws SQLException {
        String oldTitle;
        String oldSummary;
        String oldContent;
        try (PreparedStatement ps = c.prepareStatement("SELECT title, summary, content FROM article WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                oldTitle = rs.getString(1);
                oldSummary = rs.getString(2);
                oldContent = rs.getString(3);
            }
        }
        boolean textChanged = !Objects.equals(oldTitle, item.title()) || !Objects.equals(oldSummary, item.summary())
                || !Objects.equals(oldContent, item.content());
        if (textChanged) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO article_version(article_id, replaced_at, title, summary, content) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, oldTitle);
                ps.setString(4, oldSummary);
                ps.setString(5, oldContent);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE article SET guid = ?, link = ?, title = ?, author = ?, summary = ?, "
                + "content = ?, categories = ?, published = ?, content_hash = ?, updated = (updated OR ?) WHERE id = ?")) {
            ps.setString(1, item.guid());
            ps.setString(2, item.link());
            ps.setString(3, item.title());
            ps.setString(4, item.author());
            ps.setString(5, item.summary());
            ps.setString(6, item.content());
            ps.setString(7, joinCategories(item.categories()));
            Sql.setInstant(ps, 8, item.published());
            ps.setString(9, hash);
            ps.setBoolean(10, textChanged);
            ps.setLong(11, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM enclosure WHERE article_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enclosure(article_id, url, type, length) VALUES (?, ?, ?, ?)")) {
            for (Enclosure e : item.enclosures()) addEnclosure(ps, id, e);
        }
    }

    private static void addEnclosure(PreparedStatement ps, long id, Enclosure e) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, e.url());
        ps.setString(3, e.type());
        ps.setLong(4, e.length());
        ps.executeUpdate();
    }

    private static String contentHash(ParsedItem i) {
        StringBuilder sb = new StringBuilder(256);
        for (Object o : Arrays.asList(i.guid(), i.link(), i.title(), i.author(), i.summary(), i.content(), i.published(),
                i.categories(), i.enclosures())) {
            sb.append(o).append('\u0000');
        }
        return ArticleIds.hash(sb.toString());
    }

    private static String joinCategories(List<String> categories) {
        return categories.isEmpty() ? null : String.join("\n", categories);
    }

    // ---- reading ----

    public Optional<Article> get(long id) {
        List<Article> found = byIds(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** An article by its id, guid or link; the newest when a guid or link is shared. */
    public Optional<Article> find(String ref) {
        try {
            Optional<Article> byId = get(Long.parseLong(ref.strip()));
            if (byId.isPresent()) return byId;
        } catch (NumberFormatException notAnId) {
            // a guid or a link
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE a.guid = ? OR a.link = ? ORDER BY a.sort_time DESC LIMIT 1")) {
                ps.setString(1, ref);
                ps.setString(2, ref);
                List<Article> out = readAll(c, ps);
                return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
            }
        });
    }

    /** Articles in the order of {@code ids}; unknown ids are left out. */
    public List<Article> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return db.read(c -> {
            Map<Long, Article> found = new HashMap<>();
            List<Long> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += 500) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE a.id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
                    for (Article a : readAll(c, ps)) found.put(a.id(), a);
                }
            }
            List<Article> out = new ArrayList<>(found.size());
            for (Long id : ids) {
                Article a = found.get(id);
                if (a != null) out.add(a);
            }
            return out;
        });
    }

    /** Newest first. */
    public List<Article> list(Query q) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1 ");
        if (q.feedId() != null) sql.append("AND a.feed_id = ? ");
        if (q.unreadOnly()) sql.append("AND a.read = 0 ");
        if (q.starredOnly()) sql.append("AND a.starred = 1 ");
        sql.append("ORDER BY a.sort_time DESC, a.id DESC");
        if (q.limit() > 0) sql.append(" LIMIT ?");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (q.feedId() != null) ps.setLong(i++, q.feedId());
                if (q.limit() > 0) ps.setInt(i, q.limit());
                return readAll(c, ps);
            }
        });
    }

    /** What similarity needs of an article: its words, language, feed and time. */
    public record Text(long id, long seq, long feedId, String title, String body, String language, long time) {}

    /**
     * The text of every article stored after {@code afterSeq} (0 for all), oldest first, streamed: a
     * library can hold a million. {@code seq} grows with every insert, so the largest seen is where to
     * continue from next time.
     */
    public void forEachText(long afterSeq, java.util.function.Consumer<Text> each) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.seq, a.feed_id, a.title, coalesce(a.content, a.summary), "
                    + "f.language, a.sort_time FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.seq > ? ORDER BY a.sort_time, a.id")) {
                ps.setLong(1, afterSeq);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Text(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getLong(7)));
                    }
                }
            }
            return null;
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM article"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public void setRead(Collection<Long> ids, boolean read) {
        setFlag("read", ids, read);
    }

    public void setStarred(Collection<Long> ids, boolean starred) {
        setFlag("starred", ids, starred);
    }

    private void setFlag(String column, Collection<Long> ids, boolean value) {
        // column is one of two constants above, never user input
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE article SET " + column + " = ? WHERE id = ? AND " + column + " != ?");
                 PreparedStatement queue = c.prepareStatement("INSERT INTO index_queue(article_id, op) VALUES (?, 3)")) {
                for (long id : ids) {
                    ps.setBoolean(1, value);
                    ps.setLong(2, id);
                    ps.setBoolean(3, value);
                    if (ps.executeUpdate() == 1) {
                        queue.setLong(1, id);
                        queue.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static List<Article> readAll(Connection c, PreparedStatement ps) throws SQLException {
        Map<Long, Article> rows = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Article a = article(rs, List.of());
                rows.put(a.id(), a);
            }
        }
        if (rows.isEmpty()) return List.of();
        Map<Long, List<Enclosure>> enclosures = enclosures(c, rows.keySet());
        List<Article> out = new ArrayList<>(rows.size());
        for (Article a : rows.values()) {
            List<Enclosure> e = enclosures.get(a.id());
            out.add(e == null ? a : withEnclosures(a, e));
        }
        return out;
    }

    /** All enclosures of the given articles; a single scan of the small table is cheaper than IN lists. */
    private static Map<Long, List<Enclosure>> enclosures(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, List<Enclosure>> out = new HashMap<>();
        if (ids.size() <= 500) {
            String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, url, type, length FROM enclosure WHERE article_id IN (" + marks + ")")) {
                int i = 1;
                for (long id : ids) ps.setLong(i++, id);
                collect(ps, out);
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, url, type, length FROM enclosure")) {
                collect(ps, out);
            }
            out.keySet().retainAll(new java.util.HashSet<>(ids));
        }
        return out;
    }

    private static void collect(PreparedStatement ps, Map<Long, List<Enclosure>> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Enclosure(rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
    }

    static Article article(ResultSet rs, List<Enclosure> enclosures) throws SQLException {
        String cats = rs.getString("categories");
        String feedTitle = rs.getString("feed_title");
        return new Article(rs.getLong("id"), rs.getLong("feed_id"), feedTitle != null ? feedTitle : rs.getString("feed_url"),
                rs.getString("guid"), rs.getString("link"), rs.getString("title"), rs.getString("author"),
                rs.getString("summary"), rs.getString("content"), Sql.instant(rs, "published"),
                Instant.ofEpochMilli(rs.getLong("arrived")), rs.getString("language"), rs.getBoolean("updated"),
                rs.getBoolean("read"), rs.getBoolean("starred"),
                cats == null ? List.of() : Arrays.asList(cats.split("\n")), enclosures);
    }

    private static Article withEnclosures(Article a, List<Enclosure> e) {
        return new Article(a.id(), a.feedId(), a.feedTitle(), a.guid(), a.link(), a.title(), a.author(), a.summary(),
                a.content(), a.published(), a.arrived(), a.language(), a.updated(), a.read(), a.starred(), a.categories(), e);
    }

    /**
     * Deletes articles dated before {@code cutoff}, except starred ones and those of followed
     * stories (a followed story keeps its outline anyway). They leave the search index through the queue,
     * in the same transaction. Returns how many went.
     */
    public int deleteOlderThan(Instant cutoff) {
        String old = "FROM article WHERE sort_time < ? AND starred = 0 AND id NOT IN "
                + "(SELECT m.article_id FROM story_member m JOIN story s ON s.id = m.story_id WHERE s.followed = 1)";
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO index_queue(article_id, op) SELECT id, "
                    + IndexQueue.DELETE + " " + old)) {
                ps.setLong(1, cutoff.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE " + old)) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
