package app.storyline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The persisted list of articles whose index entry is out of date (written with every article change). */
public final class IndexQueue {
    public static final int REINDEX = 1;
    public static final int DELETE = 2;
    public static final int STATE = 3;

    /** One queued change; {@code seq} orders them. */
    public record Entry(long seq, long articleId, int op) {}

    private final Database db;

    public IndexQueue(Database db) {
        this.db = db;
    }

    /** Up to {@code max} entries after {@code afterSeq}, oldest first. */
    public List<Entry> peek(long afterSeq, int max) {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, article_id, op FROM index_queue WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    /** Forgets the entries up to {@code seq}, once the index has committed them. */
    public void removeThrough(long seq) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM index_queue WHERE seq <= ?")) {
                ps.setLong(1, seq);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public int size() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM index_queue"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Queues every stored article, for a rebuild of the index from the database. */
    public void enqueueAll() {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM index_queue")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO index_queue(article_id, op) SELECT id, 1 FROM article ORDER BY id")) {
                ps.executeUpdate();
            }
            return null;
        });
    }
}
