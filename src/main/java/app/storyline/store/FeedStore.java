package app.storyline.store;

import app.storyline.model.Feed;
import app.storyline.model.FeedSummary;
import app.storyline.model.FetchState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Subscriptions and their fetch state. */
public final class FeedStore {
    private static final String COLUMNS = "id, url, title, site_url, language, folder_id, added_at, etag, last_modified, "
            + "body_hash, last_attempt, last_success, http_status, last_error, next_fetch_after, failures";

    private final Database db;

    public FeedStore(Database db) {
        this.db = db;
    }

    /** Adds a subscription; returns the existing one when the URL is already subscribed. */
    public Feed add(String url, String title, Long folderId) {
        return db.write(c -> {
            Optional<Feed> existing = byUrl(c, url);
            if (existing.isPresent()) return existing.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feed(url, title, folder_id, added_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, url);
                ps.setString(2, title);
                Sql.setLong(ps, 3, folderId);
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return byUrl(c, url).orElseThrow();
        });
    }

    public Optional<Feed> byUrl(String url) {
        return db.read(c -> byUrl(c, url));
    }

    private Optional<Feed> byUrl(Connection c, String url) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed WHERE url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(feed(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Feed> byId(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(feed(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<Feed> all() {
        return db.read(c -> {
            List<Feed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(feed(rs));
            }
            return out;
        });
    }

    /** Every feed with its folder path, counts and last fetch outcome. */
    public List<FeedSummary> summaries(Map<Long, List<String>> folderPaths) {
        return db.read(c -> {
            Map<Long, int[]> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT feed_id, count(*), sum(read = 0) FROM article GROUP BY feed_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
            }
            List<FeedSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Feed f = feed(rs);
                    int[] n = counts.getOrDefault(f.id(), new int[2]);
                    List<String> path = f.folderId() == null ? null : folderPaths.get(f.folderId());
                    out.add(new FeedSummary(f, path == null ? null : String.join("/", path), n[0], n[1], state(rs)));
                }
            }
            return out;
        });
    }

    public FetchState fetchState(long feedId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed WHERE id = ?")) {
                ps.setLong(1, feedId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? state(rs) : FetchState.empty(feedId);
                }
            }
        });
    }

    public void saveFetchState(FetchState s) {
        db.write(c -> {
            saveFetchState(c, s);
            return null;
        });
    }

    /** Inside a caller's transaction: the fetch outcome commits with the articles it brought. */
    public static void saveFetchState(Connection c, FetchState s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET etag = ?, last_modified = ?, body_hash = ?, "
                + "last_attempt = ?, last_success = ?, http_status = ?, last_error = ?, next_fetch_after = ?, failures = ? "
                + "WHERE id = ?")) {
            ps.setString(1, s.etag());
            ps.setString(2, s.lastModified());
            ps.setString(3, s.bodyHash());
            Sql.setInstant(ps, 4, s.lastAttempt());
            Sql.setInstant(ps, 5, s.lastSuccess());
            ps.setInt(6, s.httpStatus());
            ps.setString(7, s.lastError());
            Sql.setInstant(ps, 8, s.nextFetchAfter());
            ps.setInt(9, s.failures());
            ps.setLong(10, s.feedId());
            ps.executeUpdate();
        }
    }

    /** Title, site and language as the feed itself declares them; null values keep what is stored. */
    public static void saveMeta(Connection c, long feedId, String title, String siteUrl, String language) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET title = coalesce(?, title), "
                + "site_url = coalesce(?, site_url), language = coalesce(?, language) WHERE id = ?")) {
            ps.setString(1, title);
            ps.setString(2, siteUrl);
            ps.setString(3, language);
            ps.setLong(4, feedId);
            ps.executeUpdate();
        }
    }

    /**
     * Follows a permanent redirect, in the caller's transaction. When the new URL is already another
     * subscription, the stored one keeps its URL (merging two feeds' articles is not something to do
     * silently); returns whether it moved.
     */
    public static boolean moveUrl(Connection c, long feedId, String newUrl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM feed WHERE url = ?")) {
            ps.setString(1, newUrl);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET url = ? WHERE id = ?")) {
            ps.setString(1, newUrl);
            ps.setLong(2, feedId);
            return ps.executeUpdate() == 1;
        }
    }

    /** The fetch state of every feed, in one query. */
    public Map<Long, FetchState> fetchStates() {
        return db.read(c -> {
            Map<Long, FetchState> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong("id"), state(rs));
            }
            return out;
        });
    }

    public void setFolder(long feedId, Long folderId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET folder_id = ? WHERE id = ?")) {
                Sql.setLong(ps, 1, folderId);
                ps.setLong(2, feedId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Unsubscribes: the feed's articles go too, and leave the index through the queue. */
    public void delete(long feedId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO index_queue(article_id, op) SELECT id, 2 FROM article WHERE feed_id = ?")) {
                ps.setLong(1, feedId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM feed WHERE id = ?")) {
                ps.setLong(1, feedId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        return new Feed(rs.getLong("id"), rs.getString("url"), rs.getString("title"), rs.getString("site_url"),
                rs.getString("language"), Sql.nullableLong(rs, "folder_id"), Instant.ofEpochMilli(rs.getLong("added_at")));
    }

    private static FetchState state(ResultSet rs) throws SQLException {
        return new FetchState(rs.getLong("id"), rs.getString("etag"), rs.getString("last_modified"), rs.getString("body_hash"),
                Sql.instant(rs, "last_attempt"), Sql.instant(rs, "last_success"), rs.getInt("http_status"),
                rs.getString("last_error"), Sql.instant(rs, "next_fetch_after"), rs.getInt("failures"));
    }

    /** Whether the reader may load this feed's remote images (off unless the person allows it). */
    public boolean showImages(long feedId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT show_images FROM feed WHERE id = ?")) {
                ps.setLong(1, feedId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    public void setShowImages(long feedId, boolean show) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET show_images = ? WHERE id = ?")) {
                ps.setBoolean(1, show);
                ps.setLong(2, feedId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void rename(long feedId, String title) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET title = ? WHERE id = ?")) {
                ps.setString(1, title);
                ps.setLong(2, feedId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
