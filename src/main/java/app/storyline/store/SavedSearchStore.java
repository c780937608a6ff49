package app.storyline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Searches a person saved, with how far their results have been seen. */
public final class SavedSearchStore {
    /** {@code seenThrough}: the newest arrival among results already seen; later arrivals are new. */
    public record SavedSearch(long id, String name, String query, Instant seenThrough) {}

    private final Database db;

    public SavedSearchStore(Database db) {
        this.db = db;
    }

    public List<SavedSearch> all() {
        return db.read(c -> {
            List<SavedSearch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, query, seen_through FROM saved_search ORDER BY name COLLATE NOCASE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new SavedSearch(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
            }
            return out;
        });
    }

    /** Saves {@code query} under {@code name}; saving the same query again renames it. */
    public void save(String name, String query, Instant seenThrough) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO saved_search(name, query, seen_through) VALUES (?, ?, ?) "
                    + "ON CONFLICT(query) DO UPDATE SET name = excluded.name")) {
                ps.setString(1, name);
                ps.setString(2, query);
                ps.setLong(3, seenThrough.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void seen(long id, Instant through) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE saved_search SET seen_through = max(seen_through, ?) WHERE id = ?")) {
                ps.setLong(1, through.toEpochMilli());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void delete(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_search WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
