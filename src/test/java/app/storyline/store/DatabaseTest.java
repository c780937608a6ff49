package app.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir Path dir;

    @Test
    void migrationsRunOnceAndTheFileIsInWalModeWithForeignKeys() {
        Path file = dir.resolve("a/b/storyline.db");
        String identity;
        int version;
        try (Database db = Database.open(file)) {
            version = db.schemaVersion();
            assertTrue(version >= 1);
            identity = db.identity();
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("1", pragma(db, "foreign_keys"));
        }
        try (Database again = Database.open(file)) {
            assertEquals(version, again.schemaVersion());
            assertEquals(identity, again.identity(), "the identity is made once");
        }
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                return rs.getString(1);
            }
        });
    }

    @Test
    void databaseFromANewerVersionIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("storyline.db");
        try (Database db = Database.open(file)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 99");
                }
                return null;
            });
        }
        byte[] before = java.nio.file.Files.readAllBytes(file);
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("newer version of Storyline") && e.getMessage().contains("schema 99"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(file)), "the file is not changed");
    }
}
