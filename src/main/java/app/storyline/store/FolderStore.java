package app.storyline.store;

import app.storyline.model.Folder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folders, nested by parent id. */
public final class FolderStore {
    private final Database db;

    public FolderStore(Database db) {
        this.db = db;
    }

    /** The folder at {@code path} (outermost first), created as needed; null for the empty path. */
    public Long ensurePath(List<String> path) {
        if (path.isEmpty()) return null;
        return db.write(c -> {
            Long parent = null;
            for (String name : path) parent = ensure(c, name, parent);
            return parent;
        });
    }

    private static long ensure(Connection c, String name, Long parent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM folder WHERE name = ? AND ifnull(parent_id, 0) = ifnull(?, 0)")) {
            ps.setString(1, name);
            Sql.setLong(ps, 2, parent);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO folder(name, parent_id) VALUES (?, ?)")) {
            ps.setString(1, name);
            Sql.setLong(ps, 2, parent);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public List<Folder> all() {
        return db.read(c -> {
            List<Folder> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, parent_id FROM folder ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Folder(rs.getLong("id"), rs.getString("name"), Sql.nullableLong(rs, "parent_id")));
            }
            return out;
        });
    }

    /** Folder id to its path, outermost first. */
    public Map<Long, List<String>> paths() {
        Map<Long, Folder> byId = new HashMap<>();
        for (Folder f : all()) byId.put(f.id(), f);
        Map<Long, List<String>> out = new HashMap<>();
        for (Folder f : byId.values()) {
            List<String> path = new ArrayList<>();
            Folder cur = f;
            for (int guard = 0; cur != null && guard < 64; guard++) {
                path.add(0, cur.name());
                cur = cur.parentId() == null ? null : byId.get(cur.parentId());
            }
            out.put(f.id(), path);
        }
        return out;
    }

    /** Renames a folder; false when its parent already has a folder of that name. */
    public boolean rename(long id, String name) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE OR IGNORE folder SET name = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Moves a folder under another (null: the top level); false when that would make a cycle or a name clash. */
    public boolean move(long id, Long parent) {
        Map<Long, Folder> byId = new HashMap<>();
        for (Folder f : all()) byId.put(f.id(), f);
        for (Long p = parent; p != null; p = byId.containsKey(p) ? byId.get(p).parentId() : null) {
            if (p == id) return false;
        }
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE OR IGNORE folder SET parent_id = ? WHERE id = ?")) {
                Sql.setLong(ps, 1, parent);
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes a folder and its subfolders. Their feeds are not unsubscribed: they move to the deleted
     * folder's parent, so deleting a folder never loses articles.
     */
    public void delete(long id) {
        db.write(c -> {
            Long parent = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM folder WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    parent = Sql.nullableLong(rs, "parent_id");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT f.id FROM folder f "
                    + "JOIN tree t ON f.parent_id = t.id) UPDATE feed SET folder_id = ? WHERE folder_id IN (SELECT id FROM tree)")) {
                ps.setLong(1, id);
                Sql.setLong(ps, 2, parent);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM folder WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
