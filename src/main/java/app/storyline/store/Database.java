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
 * The SQLite file, owned here: one connection that writes and one that only reads. Writes are serial
 * (one lock, one transaction each, committed or rolled back whole); reads run beside them on the
 * reading connection, which in WAL mode sees the last committed state and never blocks the writer
 * (the indexer reads back thousands of articles while a refresh writes). A read made by the thread
 * that is inside a write uses the writing connection, so it sees its own uncommitted changes.
 * Migrations in {@code db/migration-NNN.sql} are applied on open.
 */
public final class Database implements AutoCloseable {
    /** Work with the connection; may throw SQLException, which is wrapped. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;
    /**
     * Read-only connections, lent out one per read. Several, because WAL lets readers run side by side:
     * the related engine reading every article for seconds must not hold up the window opening one.
     */
    private static final int READERS = 3;
    private final java.util.concurrent.BlockingQueue<Connection> readers = new java.util.concurrent.ArrayBlockingQueue<>(READERS);
    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;
    private volatile boolean closed;
    private boolean broken; // guarded by lock

    private Database(Path file, Connection connection, java.util.List<Connection> readers) {
        this.file = file;
        this.connection = connection;
        this.readers.addAll(readers);
    }

    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                // Articles are kilobyte rows: 16 KB pages and a larger WAL between checkpoints store them
                // a third faster than the defaults (measured: see README). page_size only applies to a new file.
                s.execute("PRAGMA page_size = 16384");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA wal_autocheckpoint = 4000");
                s.execute("PRAGMA journal_size_limit = 67108864");
                // NORMAL in WAL mode: a crash may lose the last commits but never corrupts the file.
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA cache_size = -65536");
                s.execute("PRAGMA temp_store = MEMORY");
            }
            try {
                migrate(c);
            } catch (SQLException | IOException | RuntimeException e) {
                c.close();
                throw e;
            }
            java.util.List<Connection> rs = new java.util.ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection r = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                try (Statement s = r.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 10000");
                    s.execute("PRAGMA query_only = 1");
                    s.execute("PRAGMA foreign_keys = ON");
                    s.execute("PRAGMA cache_size = -16384");
                }
                rs.add(r);
            }
            return new Database(file, c, rs);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public <T> T read(Work<T> work) {
        if (lock.isHeldByCurrentThread()) {
            try {
                return work.run(connection); // inside a write: see its own changes
            } catch (SQLException e) {
                throw new StoreException("database read failed", e);
            }
        }
        Connection reader;
        try {
            // A read after close fails rather than waiting for a connection that never comes back.
            while ((reader = readers.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
                if (closed) throw new StoreException("the database is closed", new SQLException("closed: " + file));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to read the database", new SQLException(e));
        }
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new StoreException("database read failed", e);
        } finally {
            readers.add(reader);
        }
    }

    /** Runs {@code work} in one transaction (BEGIN IMMEDIATE ... COMMIT); nested calls join the outer one. */
    public <T> T write(Work<T> work) {
        lock.lock();
        try {
            if (broken) throw new SQLException("an earlier write could not be rolled back; restart Storyline (the file itself is safe)");
            if (!connection.getAutoCommit()) return work.run(connection); // already inside a transaction
            connection.setAutoCommit(false);
            Exception failure = null;
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                failure = e;
                try {
                    connection.rollback();
                } catch (SQLException notRolledBack) {
                    e.addSuppressed(notRolledBack);
                    // SQLite rolls a transaction back by itself on some errors (a full disk): nothing left to undo.
                    // Any other failure leaves a transaction we cannot end safely: no more writes on it.
                    String why = String.valueOf(notRolledBack.getMessage());
                    if (!why.contains("no transaction is active")) broken = true;
                }
                throw e;
            } finally {
                // Always back to autocommit: a connection left inside a half-failed transaction would commit
                // that transaction's leftovers with the next write. (The driver commits when switching: after
                // SQLite's own rollback that finds no transaction, which is no news.)
                try {
                    if (!broken) connection.setAutoCommit(true);
                } catch (SQLException e) {
                    if (failure == null) throw e;
                    failure.addSuppressed(e);
                }
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

    private static void migrate(Connection connection) throws SQLException, IOException {
        int version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        int known = 0;
        while (Database.class.getResource(String.format("/db/migration-%03d.sql", known + 1)) != null) known++;
        if (version > known) {
            // A newer Storyline wrote this file: migrating down is impossible and writing could damage it.
            throw new SQLException("this data folder was written by a newer version of Storyline (database schema " + version
                    + "; this version knows schema " + known + "). Nothing was changed: open it with that newer version.");
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
        java.util.List<Connection> taken = new java.util.ArrayList<>();
        try {
            if (closed) return;
            closed = true;
            // every reader back first: a read still running finishes before its connection closes
            while (taken.size() < READERS) taken.add(readers.take());
            for (Connection r : taken) r.close();
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA optimize");
            } catch (SQLException ignored) {
                // optimisation is optional; closing is not
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while closing the database", new SQLException(e));
        } finally {
            lock.unlock();
        }
    }
}
