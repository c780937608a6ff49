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
}
