package app.storyline.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection to the SQLite file. Every use goes through {@link #read} or {@link #write}, which
 * take the same lock: database work is serial, like one queue, and a write is one transaction that
 * commits or rolls back whole. Migrations in {@code db/migration-NNN.sql} are applied on open.
 */
public final class Database implements AutoCloseable {
    /** Work with the connection; may throw SQLException, which is wrapped. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                // NORMAL in WAL mode: a crash may lose the last commits but never corrupts the file.
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA cache_size = -65536");
                s.execute("PRAGMA temp_store = MEMORY");
            }
            Database db = new Database(file, c);
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the database " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database read failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction (BEGIN IMMEDIATE ... COMMIT); nested calls join the outer one. */
    public <T> T write(Work<T> work) {
        lock.lock();
        try {
            if (!connection.getAutoCommit()) return work.run(connection); // already inside a transaction
            connection.setAutoCommit(false);
            boolean ok = false;
            try {
                T result = work.run(connection);
                connection.commit();
                ok = true;
                return result;
            } finally {
                if (!ok) connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** A random id made when the database was created: an index built from another database is not ours. */
    public String identity() {
        return read(c -> {
            try (var ps = c.prepareStatement("SELECT value FROM meta WHERE key = 'db_id'"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private void migrate() throws SQLException, IOException {
        int version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        for (int next = version + 1; ; next++) {
            String name = String.format("/db/migration-%03d.sql", next);
            String sql;
            try (InputStream in = Database.class.getResourceAsStream(name)) {
                if (in == null) break;
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.executeUpdate(sql);
                if (next == 1) {
                    try (var ps = connection.prepareStatement("INSERT INTO meta(key, value) VALUES ('db_id', ?)")) {
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.executeUpdate();
                    }
                }
                s.executeUpdate("PRAGMA user_version = " + next);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + next + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The schema version this file is at. */
    public int schemaVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.getInt(1);
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA optimize");
            } catch (SQLException ignored) {
                // optimisation is optional; closing is not
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database failed", e);
        } finally {
            lock.unlock();
        }
    }
}
