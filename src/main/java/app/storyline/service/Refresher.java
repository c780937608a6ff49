package app.storyline.service;

import app.storyline.feed.FeedException;
import app.storyline.feed.FeedParser;
import app.storyline.feed.FetchOutcome;
import app.storyline.index.SearchIndex;
import app.storyline.model.Feed;
import app.storyline.model.FetchState;
import app.storyline.model.ParsedFeed;
import app.storyline.store.ArticleStore;
import app.storyline.store.FeedStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches feeds concurrently (the fetcher bounds requests per host and overall), parses changed bodies,
 * stores each feed's articles and fetch outcome in one transaction, and indexes while it fetches.
 * One feed's failure is recorded on that feed and never stops the others. When {@link #refresh}
 * returns, every stored article is searchable.
 */
public final class Refresher {
    public enum Status { NEW, UPDATED, UNCHANGED, ERROR, SKIPPED }

    /** The outcome for one feed. {@code error} is the readable reason for ERROR and SKIPPED. */
    public record FeedResult(long feedId, String url, Status status, int added, int updated, int httpStatus, String error) {}

    /** Called from fetch threads as each feed finishes. */
    public interface Progress {
        void feedDone(FeedResult result, int done, int total);
    }

    private static final Duration INDEX_TICK = Duration.ofMillis(100);

    private final Library library;

    Refresher(Library library) {
        this.library = library;
    }

    /**
     * Refreshes the given feeds now. A feed whose server asked to wait (429/503 Retry-After) is SKIPPED
     * until then; other back-off is for automatic refreshes, not for one the user asks for.
     */
    public List<FeedResult> refresh(List<Feed> feeds, Progress progress) {
        SearchIndex index = library.index();
        library.fetcher(); // create the client before the threads race to
        AtomicInteger done = new AtomicInteger();
        Thread indexer = Thread.ofPlatform().name("indexer").daemon().start(() -> indexWhileFetching(index));
        List<FeedResult> results = new ArrayList<>(feeds.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FeedResult>> futures = new ArrayList<>(feeds.size());
            for (Feed f : feeds) {
                futures.add(pool.submit(() -> {
                    FeedResult r = refreshOne(f);
                    if (progress != null) progress.feedDone(r, done.incrementAndGet(), feeds.size());
                    return r;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Feed f = feeds.get(i);
                    results.add(new FeedResult(f.id(), f.url(), Status.ERROR, 0, 0, 0, "internal error: " + e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("refresh interrupted", e);
        } finally {
            indexer.interrupt();
            try {
                indexer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        index.applyQueued();
        index.commitApplied();
        return results;
    }

    private static void indexWhileFetching(SearchIndex index) {
        while (!Thread.currentThread().isInterrupted()) {
            index.applyQueued();
            try {
                Thread.sleep(INDEX_TICK);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    FeedResult refreshOne(Feed feed) {
        FeedStore feeds = library.feeds();
        FetchState before = feeds.fetchState(feed.id());
        Instant now = Instant.now();
        if (before.nextFetchAfter() != null && now.isBefore(before.nextFetchAfter())) {
            return new FeedResult(feed.id(), feed.url(), Status.SKIPPED, 0, 0, before.httpStatus(),
                    "the server asked us to wait until " + before.nextFetchAfter());
        }
        try {
            FetchOutcome outcome = library.fetcher().fetch(feed.url(), before.etag(), before.lastModified());
            String url = feed.url();
            if (outcome.movedTo() != null && !outcome.movedTo().equals(feed.url()) && feeds.moveUrl(feed.id(), outcome.movedTo())) {
                url = outcome.movedTo();
            }
            return switch (outcome) {
                case FetchOutcome.NotModified nm -> {
                    feeds.saveFetchState(succeeded(before, now, 304,
                            nm.etag() != null ? nm.etag() : before.etag(),
                            nm.lastModified() != null ? nm.lastModified() : before.lastModified(), before.bodyHash()));
                    yield new FeedResult(feed.id(), url, Status.UNCHANGED, 0, 0, 304, null);
                }
                case FetchOutcome.Failed f -> {
                    feeds.saveFetchState(failed(before, now, f.status(), f.reason(), f.retryAfter()));
                    yield new FeedResult(feed.id(), url, Status.ERROR, 0, 0, f.status(), f.reason());
                }
                case FetchOutcome.Fetched f -> ingest(feed.id(), url, f, before, now);
            };
        } catch (RuntimeException e) {
            String reason = "internal error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            try {
                feeds.saveFetchState(failed(before, now, 0, reason, null));
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            return new FeedResult(feed.id(), feed.url(), Status.ERROR, 0, 0, 0, reason);
        }
    }

    /** Parses a fetched body (unless it is byte-for-byte the last one) and stores it with the fetch state. */
    FeedResult ingest(long feedId, String url, FetchOutcome.Fetched f, FetchState before, Instant now) {
        String hash = sha256(f.body());
        if (hash.equals(before.bodyHash())) {
            library.feeds().saveFetchState(succeeded(before, now, f.status(), f.etag(), f.lastModified(), hash));
            return new FeedResult(feedId, url, Status.UNCHANGED, 0, 0, f.status(), null);
        }
        ParsedFeed parsed;
        try {
            parsed = FeedParser.parse(f.body(), f.contentType(), f.url());
        } catch (FeedException e) {
            // Keep the old validators: the next fetch must bring the body again, not a 304.
            library.feeds().saveFetchState(failed(before, now, f.status(), e.getMessage(), null));
            return new FeedResult(feedId, url, Status.ERROR, 0, 0, f.status(), e.getMessage());
        }
        ArticleStore.SaveResult saved = library.db().write(c -> {
            FeedStore.saveMeta(c, feedId, parsed.title(), parsed.link(), parsed.language());
            ArticleStore.SaveResult r = ArticleStore.save(c, feedId, parsed.items(), now);
            FeedStore.saveFetchState(c, succeeded(before, now, f.status(), f.etag(), f.lastModified(), hash));
            return r;
        });
        Status status = !saved.added().isEmpty() ? Status.NEW : !saved.updated().isEmpty() ? Status.UPDATED : Status.UNCHANGED;
        return new FeedResult(feedId, url, status, saved.added().size(), saved.updated().size(), f.status(), null);
    }

    private static FetchState succeeded(FetchState b, Instant now, int status, String etag, String lastModified, String hash) {
        return new FetchState(b.feedId(), etag, lastModified, hash, now, now, status, null, null, 0);
    }

    private static FetchState failed(FetchState b, Instant now, int status, String reason, Instant retryAfter) {
        return new FetchState(b.feedId(), b.etag(), b.lastModified(), b.bodyHash(), now, b.lastSuccess(), status, reason,
                retryAfter, b.failures() + 1);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts over a refresh's results. */
    public record Totals(int feeds, int withNew, int updated, int unchanged, int failed, int skipped,
                         int newArticles, int updatedArticles) {
        public static Totals of(List<FeedResult> results) {
            int[] byStatus = new int[Status.values().length];
            int added = 0;
            int updated = 0;
            for (FeedResult r : results) {
                byStatus[r.status().ordinal()]++;
                added += r.added();
                updated += r.updated();
            }
            return new Totals(results.size(), byStatus[Status.NEW.ordinal()], byStatus[Status.UPDATED.ordinal()],
                    byStatus[Status.UNCHANGED.ordinal()], byStatus[Status.ERROR.ordinal()], byStatus[Status.SKIPPED.ordinal()],
                    added, updated);
        }
    }
}
