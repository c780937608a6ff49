package app.storyline.service;

import app.storyline.feed.HttpFetcher;
import app.storyline.index.SearchIndex;
import app.storyline.store.ArticleRows;
import app.storyline.store.ArticleStore;
import app.storyline.store.SavedSearchStore;
import app.storyline.store.SettingStore;
import app.storyline.store.Database;
import app.storyline.store.FeedStore;
import app.storyline.store.FolderStore;
import app.storyline.store.StoryStore;
import app.storyline.related.RelatedEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One data folder opened: the database, the stores over it, and (opened on first use, because most
 * commands never search) the search index and the HTTP client. Only one process at a time may open a
 * data folder; a second gets a clear error instead of fighting over the index lock.
 */
public final class Library implements AutoCloseable {
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Database db;
    private final FeedStore feeds;
    private final ArticleStore articles;
    private final FolderStore folders;
    private SearchIndex index;
    private RelatedEngine related;
    private final StoryStore stories;
    private final ArticleRows rows;
    private final SettingStore settings;
    private final SavedSearchStore savedSearches;
    private HttpFetcher fetcher;
    private final HttpFetcher.Limits limits;

    private Library(Path dir, FileChannel lockChannel, FileLock lock, Database db, HttpFetcher.Limits limits) {
        this.dir = dir;
        this.limits = limits;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.db = db;
        this.feeds = new FeedStore(db);
        this.articles = new ArticleStore(db);
        this.folders = new FolderStore(db);
        this.stories = new StoryStore(db);
        this.rows = new ArticleRows(db);
        this.settings = new SettingStore(db);
        this.savedSearches = new SavedSearchStore(db);
    }

    public static Library open(Path dir) {
        return open(dir, HttpFetcher.Limits.defaults());
    }

    /** Opens with other fetch limits (timeouts, sizes, concurrency), e.g. from settings. */
    public static Library open(Path dir, HttpFetcher.Limits limits) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve("storyline.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new UserError("the data folder " + dir + " is in use by another Storyline process");
            }
            return new Library(dir, channel, lock, Database.open(dir.resolve("storyline.db")), limits);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the data folder " + dir, e);
        } catch (RuntimeException e) {
            if (!(e instanceof UserError)) closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // reporting the original failure matters more
        }
    }

    public Path dir() {
        return dir;
    }

    public Database db() {
        return db;
    }

    public FeedStore feeds() {
        return feeds;
    }

    public ArticleStore articles() {
        return articles;
    }

    public FolderStore folders() {
        return folders;
    }

    public ArticleRows rows() {
        return rows;
    }

    public SettingStore settings() {
        return settings;
    }

    public SavedSearchStore savedSearches() {
        return savedSearches;
    }

    /**
     * The related-articles engine over every stored article, with every article in a story (those
     * stored since the last time are grouped now, which a first import of many articles makes slow).
     * Built once per process; {@code progress} hears how many articles were grouped.
     */
    public synchronized RelatedEngine related(java.util.function.IntConsumer progress) {
        if (related == null) related = RelatedEngine.load(articles, stories);
        else related.update(articles);
        related.catchUp(db, progress);
        return related;
    }

    public StoryStore stories() {
        return stories;
    }

    public synchronized SearchIndex index() {
        if (index == null) index = SearchIndex.open(dir.resolve("index"), db);
        return index;
    }

    public synchronized HttpFetcher fetcher() {
        if (fetcher == null) fetcher = new HttpFetcher(limits, Version.userAgent());
        return fetcher;
    }

    public Refresher refresher() {
        return new Refresher(this);
    }

    public Subscriptions subscriptions() {
        return new Subscriptions(this);
    }

    @Override
    public synchronized void close() {
        try {
            if (index != null) index.close();
        } finally {
            try {
                db.close();
            } finally {
                try {
                    lock.release();
                    lockChannel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
