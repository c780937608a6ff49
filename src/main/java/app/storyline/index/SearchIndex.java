package app.storyline.index;

import app.storyline.model.Article;
import app.storyline.store.ArticleStore;
import app.storyline.store.Database;
import app.storyline.store.IndexQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index of articles, derived from the database and never the other way round. On open it
 * checks that the index belongs to this database and this schema and is readable; if not, it is
 * rebuilt from the database. {@link #drain} applies the database's index queue idempotently.
 * Plain blocking code: callers choose the thread. Not for concurrent drains (callers serialise them).
 */
public final class SearchIndex implements AutoCloseable {
    /** Bump when fields or analysis change: an index of another version is rebuilt on open. */
    static final String SCHEMA = "2";
    private static final int BATCH = 2000;


    private final Path dir;
    private final Database db;
    private final ArticleStore articles;
    private final IndexQueue queue;
    private final Analyzer analyzer;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private boolean rebuiltOnOpen;
    private boolean committedOnce;
    private long lastApplied;
    private long lastCommitted;

    private SearchIndex(Path dir, Database db) {
        this.dir = dir;
        this.db = db;
        this.articles = new ArticleStore(db);
        this.queue = new IndexQueue(db);
        this.analyzer = newAnalyzer();
    }

    static Analyzer newAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        perField.put(Fields.UID, keyword);
        perField.put(Fields.FEED_ID, keyword);
        perField.put(Fields.LANG, keyword);
        return new PerFieldAnalyzerWrapper(new TextAnalyzer(), perField);
    }

    /** Held so the setting is not garbage-collected with the logger. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    /** Opens (or creates, or rebuilds) the index in {@code dir} and applies any queued changes. */
    public static SearchIndex open(Path dir, Database db) {
        // Lucene logs a hint about the incubating Vector API on every start: not the user's business.
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        SearchIndex index = new SearchIndex(dir, db);
        try {
            index.openChecked();
            index.drain();
            return index;
        } catch (IOException e) {
            index.closeQuietly();
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    private void openChecked() throws IOException {
        Files.createDirectories(dir);
        directory = FSDirectory.open(dir);
        String why = whyRebuild();
        if (why != null) {
            directory.close();
            wipe();
            directory = FSDirectory.open(dir);
        }
        try {
            writer = new IndexWriter(directory, config());
        } catch (LockObtainFailedException e) {
            throw new IOException("the index is in use by another Storyline process", e);
        }
        searchers = new SearcherManager(writer, null);
        if (why != null) {
            rebuiltOnOpen = true;
            queue.enqueueAll();
        } else if (queue.size() == 0 && writer.getDocStats().numDocs != articles.count()) {
            // Same database, yet out of step (e.g. an index restored from a backup): start again.
            rebuildInPlace();
        }
    }

    /** Null when the index on disk is usable; otherwise the reason it must be rebuilt. */
    private String whyRebuild() {
        try {
            if (!DirectoryReader.indexExists(directory)) return "no index";
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!SCHEMA.equals(data.get("schema"))) return "schema changed";
            if (!db.identity().equals(data.get("db"))) return "index of another database";
            try (DirectoryReader r = DirectoryReader.open(directory)) {
                r.numDocs();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private void wipe() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
        }
    }

    private IndexWriterConfig config() {
        IndexWriterConfig c = new IndexWriterConfig(analyzer);
        c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        // Fewer, larger flushed segments and no compound files: less copying and merging while a big
        // refresh indexes (compound files only save file handles, which a desktop index has plenty of).
        c.setRAMBufferSizeMB(128);
        c.setUseCompoundFile(false);
        var merges = new org.apache.lucene.index.TieredMergePolicy();
        merges.setNoCFSRatio(0.0);
        c.setMergePolicy(merges);
        c.setCommitOnClose(false);
        return c;
    }

    /** Whether opening found no usable index and rebuilt it from the database. */
    public boolean rebuiltOnOpen() {
        return rebuiltOnOpen;
    }

    /** Drops every document and indexes every stored article again (`storyline reindex`). */
    public int rebuild() {
        try {
            rebuildInPlace();
            return drain();
        } catch (IOException e) {
            throw new UncheckedIOException("rebuilding the index failed", e);
        }
    }

    private void rebuildInPlace() throws IOException {
        writer.deleteAll();
        queue.enqueueAll();
    }

    /**
     * Applies every queued change and commits. Safe to repeat: a crash between the commit and the
     * queue cleanup only re-applies the same updates. Returns how many queue entries were applied.
     */
    public synchronized int drain() {
        int applied = applyQueued();
        commitApplied();
        return applied;
    }

    /**
     * Applies queued changes to the writer without committing, so a refresh can index while it still
     * fetches; {@link #commitApplied} makes them durable and searchable.
     */
    public synchronized int applyQueued() {
        try {
            int applied = 0;
            while (true) {
                List<IndexQueue.Entry> batch = queue.peek(lastApplied, BATCH);
                if (batch.isEmpty()) return applied;
                apply(batch);
                applied += batch.size();
                lastApplied = batch.get(batch.size() - 1).seq();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("updating the search index failed", e);
        }
    }

    /** Commits what {@link #applyQueued} applied, then forgets those queue entries. */
    public synchronized void commitApplied() {
        try {
            if (lastApplied > lastCommitted || rebuiltOnOpen && !committedOnce || !hasCommit()) {
                commit();
                committedOnce = true;
                if (lastApplied > lastCommitted) queue.removeThrough(lastApplied);
                lastCommitted = lastApplied;
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("committing the search index failed", e);
        }
    }

    private boolean hasCommit() throws IOException {
        return DirectoryReader.indexExists(directory);
    }

    private void apply(List<IndexQueue.Entry> batch) throws IOException {
        // Per article: gone from the database -> delete; any full reindex -> reindex; else state only.
        Map<Long, Integer> ops = new LinkedHashMap<>();
        for (IndexQueue.Entry e : batch) ops.merge(e.articleId(), e.op(), (a, b) -> a == IndexQueue.REINDEX || b == IndexQueue.REINDEX ? IndexQueue.REINDEX : b);
        Map<Long, Article> found = new HashMap<>();
        for (Article a : articles.byIds(new ArrayList<>(ops.keySet()))) found.put(a.id(), a);
        // Analysis dominates indexing and IndexWriter takes documents from many threads: use every core.
        List<Map.Entry<Long, Integer>> work = new ArrayList<>(ops.entrySet());
        try {
            (work.size() >= 64 ? work.parallelStream() : work.stream()).forEach(e -> {
                try {
                    applyOne(e.getKey(), e.getValue(), found.get(e.getKey()));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void applyOne(long id, int op, Article a) throws IOException {
        Term uid = new Term(Fields.UID, Long.toString(id));
        if (a == null || op == IndexQueue.DELETE) {
            writer.deleteDocuments(uid);
        } else if (op == IndexQueue.REINDEX) {
            writer.updateDocument(uid, document(a));
        } else {
            writer.updateDocValues(uid, new NumericDocValuesField(Fields.READ, a.read() ? 1 : 0),
                    new NumericDocValuesField(Fields.STARRED, a.starred() ? 1 : 0));
        }
    }

    static Document document(Article a) {
        Document d = new Document();
        d.add(new StringField(Fields.UID, Long.toString(a.id()), Field.Store.NO));
        d.add(new NumericDocValuesField(Fields.ID, a.id()));
        // Nothing textual is stored: the database has the text, and storing it here too halved the
        // indexing rate (stored-field compression and merges). Snippets are made from the database.
        if (a.title() != null) d.add(new TextField(Fields.TITLE, a.title(), Field.Store.NO));
        String text = HtmlText.plain(a.body());
        if (!text.isEmpty()) d.add(new TextField(Fields.TEXT, text, Field.Store.NO));
        if (a.author() != null) d.add(new TextField(Fields.AUTHOR, a.author(), Field.Store.NO));
        if (a.feedTitle() != null) d.add(new TextField(Fields.FEED, a.feedTitle(), Field.Store.NO));
        d.add(new StringField(Fields.FEED_ID, Long.toString(a.feedId()), Field.Store.NO));
        for (String tag : a.categories()) d.add(new TextField(Fields.TAG, tag, Field.Store.NO));
        long when = a.when().toEpochMilli();
        d.add(new LongPoint(Fields.DATE, when));
        d.add(new NumericDocValuesField(Fields.DATE, when));
        d.add(new NumericDocValuesField(Fields.READ, a.read() ? 1 : 0));
        d.add(new NumericDocValuesField(Fields.STARRED, a.starred() ? 1 : 0));
        if (a.language() != null) d.add(new StringField(Fields.LANG, a.language(), Field.Store.NO));
        return d;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of("schema", SCHEMA, "db", db.identity()).entrySet());
        writer.commit();
    }

    public int documentCount() {
        return writer.getDocStats().numDocs;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** A searcher over the latest drained state; give it back with {@link #release}. */
    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Database database() {
        return db;
    }

    ArticleStore articles() {
        return articles;
    }

    /** The article id of a document of {@code searcher}, from doc values (nothing is stored). */
    public static long articleId(IndexSearcher searcher, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        var ids = leaf.reader().getNumericDocValues(Fields.ID);
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) throw new IllegalStateException("document without id: " + doc);
        return ids.longValue();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // already failing; the first error is the one to report
        }
    }

    @Override
    public void close() {
        try {
            if (searchers != null) searchers.close();
            if (writer != null) writer.close(); // uncommitted work is in the queue still
            if (directory != null) directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the search index failed", e);
        }
    }
}
