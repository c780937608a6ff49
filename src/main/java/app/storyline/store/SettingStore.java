package app.storyline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/** Text settings by key: the window's preferences and state. Unknown keys are kept, never interpreted here. */
public final class SettingStore {
    private final Database db;

    public SettingStore(Database db) {
        this.db = db;
    }

    public Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM setting"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /** Writes every entry in one transaction; a null value removes the key. */
    public void putAll(Map<String, String> values) {
        db.write(c -> {
            try (PreparedStatement put = c.prepareStatement("INSERT INTO setting(key, value) VALUES (?, ?) "
                    + "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
                 PreparedStatement del = c.prepareStatement("DELETE FROM setting WHERE key = ?")) {
                for (var e : values.entrySet()) {
                    if (e.getValue() == null) {
                        del.setString(1, e.getKey());
                        del.executeUpdate();
                    } else {
                        put.setString(1, e.getKey());
                        put.setString(2, e.getValue());
                        put.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
