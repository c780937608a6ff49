package app.storyline.store;

import app.storyline.model.Story;
import app.storyline.model.StoryEntry;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stories: which article belongs to which, merges, following, and a followed story's skeleton. */
public final class StoryStore {
    /** An article's membership as stored: its story and the nearest articles it had when it joined. */
    public record Membership(long storyId, long[] neighbours) {}

    private final Database db;

    public StoryStore(Database db) {
        this.db = db;
    }

    /** Every article's story and neighbours. */
    public Map<Long, Membership> memberships() {
        return db.read(c -> {
            Map<Long, Membership> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, story_id, neighbours FROM story_member");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), new Membership(rs.getLong(2), unpack(rs.getBytes(3))));
            }
            return out;
        });
    }

    /** A new story's id, in the caller's transaction. */
    public static long create(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO story(created) VALUES (?)")) {
            ps.setLong(1, now.toEpochMilli());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Puts an article into a story, in the caller's transaction. When the story is followed the article
     * is flagged as new and added to its skeleton.
     */
    public static void join(Connection c, long articleId, long storyId, long[] neighbours, Instant now) throws SQLException {
        boolean followed;
        try (PreparedStatement ps = c.prepareStatement("SELECT followed FROM story WHERE id = ?")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                followed = rs.next() && rs.getBoolean(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO story_member(article_id, story_id, joined, flagged, "
                + "neighbours) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, articleId);
            ps.setLong(2, storyId);
            ps.setLong(3, now.toEpochMilli());
            ps.setBoolean(4, followed);
            ps.setBytes(5, pack(neighbours));
            ps.executeUpdate();
        }
        if (followed) skeleton(c, storyId, "m.article_id = ?", articleId);
    }

    /** Moves every article of {@code from} into {@code into}; {@code from} keeps existing as a pointer. */
    public static void merge(Connection c, long from, long into) throws SQLException {
        if (from == into) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE story_member SET story_id = ? WHERE story_id = ?")) {
            ps.setLong(1, into);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO story_skeleton(story_id, article_id, title, link, feed, "
                + "published, joined) SELECT ?, article_id, title, link, feed, published, joined FROM story_skeleton WHERE story_id = ?")) {
            ps.setLong(1, into);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET followed = max(followed, (SELECT followed FROM story WHERE id = ?)), "
                + "followed_at = coalesce(followed_at, (SELECT followed_at FROM story WHERE id = ?)) WHERE id = ?")) {
            ps.setLong(1, from);
            ps.setLong(2, from);
            ps.setLong(3, into);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET merged_into = ?, followed = 0 WHERE id = ?")) {
            ps.setLong(1, into);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
    }

    /** The story an id names now, following merges; empty when there is no such story. */
    public Optional<Long> resolve(long storyId) {
        return db.read(c -> {
            long id = storyId;
            for (int guard = 0; guard < 1000; guard++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT merged_into FROM story WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) return Optional.<Long>empty();
                        long next = rs.getLong(1);
                        if (rs.wasNull()) return Optional.of(id);
                        id = next;
                    }
                }
            }
            return Optional.<Long>empty();
        });
    }

    public Optional<Long> storyOf(long articleId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT story_id FROM story_member WHERE article_id = ?")) {
                ps.setLong(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** Follows a story: from now on articles that join it are flagged, and its outline is kept. */
    public void follow(long storyId, boolean follow) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET followed = ?, followed_at = ? WHERE id = ?")) {
                ps.setBoolean(1, follow);
                if (follow) ps.setLong(2, System.currentTimeMillis());
                else ps.setNull(2, java.sql.Types.INTEGER);
                ps.setLong(3, storyId);
                ps.executeUpdate();
            }
            if (follow) {
                skeleton(c, storyId, "m.story_id = ?", storyId);
            } else {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM story_skeleton WHERE story_id = ?")) {
                    ps.setLong(1, storyId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE story_member SET flagged = 0 WHERE story_id = ?")) {
                    ps.setLong(1, storyId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void skeleton(Connection c, long storyId, String where, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO story_skeleton(story_id, article_id, title, link, feed, "
                + "published, joined) SELECT ?, a.id, a.title, a.link, coalesce(f.title, f.url), a.sort_time, m.joined "
                + "FROM story_member m JOIN article a ON a.id = m.article_id JOIN feed f ON f.id = a.feed_id WHERE " + where)) {
            ps.setLong(1, storyId);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }

    private static final String SUMMARY = "SELECT m.story_id, count(*), count(DISTINCT a.feed_id), min(a.sort_time), max(a.sort_time), "
            + "sum(m.flagged = 1 AND a.read = 0), s.followed, "
            + "(SELECT a2.title FROM story_member m2 JOIN article a2 ON a2.id = m2.article_id WHERE m2.story_id = m.story_id "
            + "ORDER BY a2.sort_time, a2.id LIMIT 1) "
            + "FROM story_member m JOIN article a ON a.id = m.article_id JOIN story s ON s.id = m.story_id ";

    /** Stories with at least {@code minArticles}, most recently active first. */
    public List<Story> list(int minArticles, int limit, boolean followedOnly) {
        return db.read(c -> {
            List<Story> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SUMMARY + (followedOnly ? "WHERE s.followed = 1 " : "")
                    + "GROUP BY m.story_id HAVING count(*) >= ? ORDER BY max(a.sort_time) DESC, m.story_id DESC LIMIT ?")) {
                ps.setInt(1, minArticles);
                ps.setInt(2, limit <= 0 ? Integer.MAX_VALUE : limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(story(rs));
                }
            }
            if (followedOnly) out.addAll(followedWithoutArticles(c, out));
            return out;
        });
    }

    public Optional<Story> get(long storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SUMMARY + "WHERE m.story_id = ? GROUP BY m.story_id")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return Optional.of(story(rs));
                }
            }
            List<Story> kept = followedWithoutArticles(c, List.of());
            return kept.stream().filter(s -> s.id() == storyId).findFirst();
        });
    }

    /** Followed stories whose articles are all gone: told from their skeleton. */
    private static List<Story> followedWithoutArticles(Connection c, List<Story> have) throws SQLException {
        Set<Long> seen = new HashSet<>();
        for (Story s : have) seen.add(s.id());
        List<Story> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.story_id, count(*), count(DISTINCT k.feed), min(k.published), "
                + "max(k.published), (SELECT k2.title FROM story_skeleton k2 WHERE k2.story_id = k.story_id ORDER BY k2.published LIMIT 1) "
                + "FROM story_skeleton k JOIN story s ON s.id = k.story_id WHERE s.followed = 1 "
                + "AND NOT EXISTS (SELECT 1 FROM story_member m WHERE m.story_id = k.story_id) GROUP BY k.story_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (seen.contains(rs.getLong(1))) continue;
                out.add(new Story(rs.getLong(1), rs.getString(6), rs.getInt(2), rs.getInt(3), Sql.instant(rs, 4),
                        Sql.instant(rs, 5), true, 0));
            }
        }
        return out;
    }

    /** When the story was last opened in the story view; null if never. */
    public Instant lookedAt(long storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT looked_at FROM story WHERE id = ?")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Sql.instant(rs, 1) : null;
                }
            }
        });
    }

    public void markLooked(long storyId, Instant when) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET looked_at = ? WHERE id = ?")) {
                Sql.setInstant(ps, 1, when);
                ps.setLong(2, storyId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A story's timeline: its stored articles, and for a followed story the outline of those deleted since. */
    public List<StoryEntry> timeline(long storyId) {
        return db.read(c -> {
            List<StoryEntry> out = new ArrayList<>();
            Set<Long> present = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.title, a.link, coalesce(f.title, f.url), a.sort_time, m.flagged, m.joined "
                    + "FROM story_member m JOIN article a ON a.id = m.article_id JOIN feed f ON f.id = a.feed_id "
                    + "WHERE m.story_id = ? ORDER BY a.sort_time, a.id")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getLong(1));
                        out.add(new StoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5)), rs.getBoolean(6), true, Instant.ofEpochMilli(rs.getLong(7))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, title, link, feed, published, joined FROM story_skeleton "
                    + "WHERE story_id = ? ORDER BY published")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (present.contains(rs.getLong(1))) continue;
                        out.add(new StoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Sql.instant(rs, 5), false, false, Instant.ofEpochMilli(rs.getLong(6))));
                    }
                }
            }
            out.sort((a, b) -> a.published() == null || b.published() == null ? 0 : a.published().compareTo(b.published()));
            return out;
        });
    }

    private static Story story(ResultSet rs) throws SQLException {
        return new Story(rs.getLong(1), rs.getString(8), rs.getInt(2), rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getBoolean(7), rs.getInt(6));
    }

    static byte[] pack(long[] ids) {
        if (ids == null || ids.length == 0) return null;
        ByteBuffer b = ByteBuffer.allocate(ids.length * 8);
        for (long id : ids) b.putLong(id);
        return b.array();
    }

    static long[] unpack(byte[] bytes) {
        if (bytes == null) return new long[0];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long[] out = new long[bytes.length / 8];
        for (int i = 0; i < out.length; i++) out[i] = b.getLong();
        return out;
    }
}
