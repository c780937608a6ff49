package app.storyline.service;

import app.storyline.feed.FeedException;
import app.storyline.feed.FeedParser;
import app.storyline.feed.FetchOutcome;
import app.storyline.feed.HttpFetcher;
import app.storyline.index.SearchIndex;
import app.storyline.model.Feed;
import app.storyline.model.FetchState;
import app.storyline.model.ParsedFeed;
import app.storyline.store.ArticleStore;
import app.storyline.store.FeedStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refreshes feeds as a pipeline: virtual threads only wait on the network (the fetcher bounds
 * requests per host and overall); parsing runs on one platform thread per core; one writer thread
 * group-commits fetch outcomes and articles; an indexer thread applies the index queue meanwhile.
 * One feed's failure is recorded on that feed and never stops the others. When {@link #refresh}
 * returns, everything is committed and every stored article is searchable.
 */
public final class Refresher {
    public enum Status { NEW, UPDATED, UNCHANGED, ERROR, SKIPPED }

    /** The outcome for one feed. {@code error} is the readable reason for ERROR and SKIPPED. */
    public record FeedResult(long feedId, String url, Status status, int added, int updated, int httpStatus, String error) {}

    /** Called from fetch threads as each feed finishes. */
    public interface Progress {
        void feedDone(FeedResult result, int done, int total);
    }

    /** How one feed's work is done: where CPU work runs and how writes are committed. */
    private interface Pipeline {
        FeedResult onCpu(Callable<FeedResult> work);

        <T> T write(app.storyline.store.Database.Work<T> work);
    }

    private static final Duration INDEX_TICK = Duration.ofMillis(100);
    private static final Duration GONE_PAUSE = Duration.ofDays(30);

    private final Library library;

    Refresher(Library library) {
        this.library = library;
    }

    /** The wait after {@code failures} failures in a row: 15 minutes, doubling, at most a day. */
    static Duration backoff(int failures) {
        if (failures <= 0) return Duration.ZERO;
        long minutes = 15L << Math.min(failures - 1, 7); // 15 minutes .. 32 hours
        return Duration.ofMinutes(Math.min(minutes, 24 * 60));
    }

    /**
     * An automatic refresh (the window's timer): as {@link #refresh}, but a feed that failed is left alone
     * until its back-off has passed (15 minutes after one failure, doubling, at most a day), so a broken
     * server is not asked every few minutes for days. Those feeds come back SKIPPED with the reason.
     */
    public List<FeedResult> refreshDue(List<Feed> feeds, Progress progress, Instant now) {
        Map<Long, FetchState> states = library.feeds().fetchStates();
        List<Feed> due = new ArrayList<>();
        List<FeedResult> waiting = new ArrayList<>();
        for (Feed f : feeds) {
            FetchState s = states.getOrDefault(f.id(), FetchState.empty(f.id()));
            Instant next = s.lastAttempt() == null ? null : s.lastAttempt().plus(backoff(s.failures()));
            if (s.failures() > 0 && next != null && now.isBefore(next)) {
                waiting.add(new FeedResult(f.id(), f.url(), Status.SKIPPED, 0, 0, s.httpStatus(),
                        "backing off after " + s.failures() + (s.failures() == 1 ? " failure" : " failures") + " (" + s.lastError()
                                + "): next automatic try at " + next));
            } else {
                due.add(f);
            }
        }
        List<FeedResult> out = new ArrayList<>(refresh(due, progress));
        out.addAll(waiting);
        return out;
    }

    /**
     * Refreshes the given feeds now. A feed whose server asked to wait (429/503 Retry-After) is SKIPPED
     * until then; other back-off is for automatic refreshes, not for one the user asks for.
     */
    public List<FeedResult> refresh(List<Feed> feeds, Progress progress) {
        // Opening the index (a cold start reads its files and loads Lucene) overlaps the first fetches:
        // storing needs only the database; the indexer waits for the index.
        CompletableFuture<SearchIndex> opening = CompletableFuture.supplyAsync(library::index, Thread::startVirtualThread);
        Map<Long, FetchState> states = library.feeds().fetchStates();
        HttpFetcher fetcher = library.fetcher();
        AtomicInteger done = new AtomicInteger();
        // Stopped by a latch, never by interrupting: an interrupt inside Lucene's file I/O closes the
        // channel under the IndexWriter and kills it.
        CountDownLatch fetched = new CountDownLatch(1);
        Thread indexer = Thread.ofPlatform().name("indexer").daemon().start(() -> indexWhileFetching(opening, fetched));
        List<FeedResult> results = new ArrayList<>(feeds.size());
        try (BatchWriter writer = new BatchWriter(library.db());
             // CPU work on virtual threads would hold their few carriers (and SQLite's native calls pin
             // them), keeping finished downloads from handing back their host permits.
             ExecutorService cpu = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                     Thread.ofPlatform().name("refresh-cpu-", 0).daemon().factory());
             ExecutorService net = Executors.newVirtualThreadPerTaskExecutor()) {
            Pipeline pipeline = new Pipeline() {
                @Override
                public FeedResult onCpu(Callable<FeedResult> work) {
                    return waitFor(cpu.submit(work));
                }

                @Override
                public <T> T write(app.storyline.store.Database.Work<T> work) {
                    return writer.write(work);
                }
            };
            List<Future<FeedResult>> futures = new ArrayList<>(feeds.size());
            for (Feed f : feeds) {
                FetchState before = states.getOrDefault(f.id(), FetchState.empty(f.id()));
                futures.add(net.submit(() -> {
                    FeedResult r = refreshOne(f, before, fetcher, pipeline);
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
            fetched.countDown();
            try {
                indexer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SearchIndex index = opening.join();
        index.applyQueued();
        index.commitApplied();
        return results;
    }

    private static FeedResult waitFor(Future<FeedResult> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("refresh interrupted", e);
        }
    }

    private static void indexWhileFetching(CompletableFuture<SearchIndex> opening, CountDownLatch fetched) {
        SearchIndex index;
        try {
            index = opening.get();
            while (!fetched.await(INDEX_TICK.toMillis(), TimeUnit.MILLISECONDS)) index.applyQueued();
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            // the final drain on the calling thread applies what is left and reports a failure
        }
    }

    private FeedResult refreshOne(Feed feed, FetchState before, HttpFetcher fetcher, Pipeline pipeline) {
        Instant now = Instant.now();
        if (SampleLibrary.isSample(feed.url())) return new FeedResult(feed.id(), feed.url(), Status.UNCHANGED, 0, 0, 0, null);
        if (before.nextFetchAfter() != null && now.isBefore(before.nextFetchAfter())) {
            return new FeedResult(feed.id(), feed.url(), Status.SKIPPED, 0, 0, before.httpStatus(), before.httpStatus() == 410
                    ? "gone (HTTP 410): not fetched until " + before.nextFetchAfter() : "the server asked us to wait until " + before.nextFetchAfter());
        }
        try {
            FetchOutcome outcome = fetcher.fetch(feed.url(), before.etag(), before.lastModified());
            String url = feed.url();
            String moved = outcome.movedTo();
            if (moved != null && !moved.equals(url) && pipeline.write(c -> FeedStore.moveUrl(c, feed.id(), moved))) url = moved;
            String finalUrl = url;
            return switch (outcome) {
                case FetchOutcome.NotModified nm -> {
                    FetchState s = succeeded(before, now, 304, nm.etag() != null ? nm.etag() : before.etag(),
                            nm.lastModified() != null ? nm.lastModified() : before.lastModified(), before.bodyHash());
                    pipeline.write(c -> save(c, s));
                    yield new FeedResult(feed.id(), finalUrl, Status.UNCHANGED, 0, 0, 304, null);
                }
                case FetchOutcome.Failed f -> {
                    FetchState state = failed(before, now, f.status(), f.reason(), f.retryAfter());
                    pipeline.write(c -> save(c, state));
                    yield new FeedResult(feed.id(), finalUrl, Status.ERROR, 0, 0, f.status(), state.lastError());
                }
                case FetchOutcome.Fetched f -> pipeline.onCpu(() -> ingest(feed.id(), finalUrl, f, before, now, pipeline));
            };
        } catch (RuntimeException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            String reason = message.contains("SQLITE_FULL") || message.contains("No space left")
                    ? "the disk is full: nothing of this feed was stored (free some space, then refresh again)"
                    : message.contains("SQLITE_READONLY") || message.contains("readonly database")
                    ? "the data folder is read-only: nothing of this feed was stored"
                    : "internal error: " + message;
            try {
                pipeline.write(c -> save(c, failed(before, now, 0, reason, null)));
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            return new FeedResult(feed.id(), feed.url(), Status.ERROR, 0, 0, 0, reason);
        }
    }

    private static Void save(Connection c, FetchState s) throws SQLException {
        FeedStore.saveFetchState(c, s);
        return null;
    }

    /** A fetch of one feed outside a refresh (subscribing): work inline, one transaction per write. */
    FeedResult ingest(long feedId, String url, FetchOutcome.Fetched f, FetchState before, Instant now) {
        return ingest(feedId, url, f, before, now, new Pipeline() {
            @Override
            public FeedResult onCpu(Callable<FeedResult> work) {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public <T> T write(app.storyline.store.Database.Work<T> work) {
                return library.db().write(work);
            }
        });
    }

    /** Parses a fetched body (unless it is byte-for-byte the last one) and stores it with the fetch state. */
    private static FeedResult ingest(long feedId, String url, FetchOutcome.Fetched f, FetchState before, Instant now, Pipeline pipeline) {
        String hash = sha256(f.body());
        if (hash.equals(before.bodyHash())) {
            pipeline.write(c -> save(c, succeeded(before, now, f.status(), f.etag(), f.lastModified(), hash)));
            return new FeedResult(feedId, url, Status.UNCHANGED, 0, 0, f.status(), null);
        }
        ParsedFeed parsed;
        try {
            parsed = FeedParser.parse(f.body(), f.contentType(), f.url());
        } catch (FeedException e) {
            String why = e instanceof app.storyline.feed.NotAFeedException ? notAFeed(f) : e.getMessage();
            // Keep the old validators: the next fetch must bring the body again, not a 304.
            pipeline.write(c -> save(c, failed(before, now, f.status(), why, null)));
            return new FeedResult(feedId, url, Status.ERROR, 0, 0, f.status(), why);
        }
        ArticleStore.SaveResult saved = pipeline.write(c -> {
            FeedStore.saveMeta(c, feedId, parsed.title(), parsed.link(), parsed.language());
            ArticleStore.SaveResult r = ArticleStore.save(c, feedId, parsed.items(), now);
            FeedStore.saveFetchState(c, succeeded(before, now, f.status(), f.etag(), f.lastModified(), hash));
            return r;
        });
        Status status = !saved.added().isEmpty() ? Status.NEW : !saved.updated().isEmpty() ? Status.UPDATED : Status.UNCHANGED;
        return new FeedResult(feedId, url, status, saved.added().size(), saved.updated().size(), f.status(), null);
    }

    /** A web page where the feed was: say so, and name the feeds it links to, so the person can move to one. */
    private static String notAFeed(FetchOutcome.Fetched f) {
        List<app.storyline.feed.Discovery.Candidate> found = app.storyline.feed.Discovery.find(f.body(), f.contentType(), f.url());
        if (found.isEmpty()) return "this address now serves a web page, not a feed, and the page links to no feed";
        return "this address now serves a web page, not a feed; the page links to " + (found.size() == 1 ? "a feed: " : found.size() + " feeds, first: ")
                + found.get(0).url() + " (subscribe to it instead)";
    }

    private static FetchState succeeded(FetchState b, Instant now, int status, String etag, String lastModified, String hash) {
        return new FetchState(b.feedId(), etag, lastModified, hash, now, now, status, null, null, 0);
    }

    private static FetchState failed(FetchState b, Instant now, int status, String reason, Instant retryAfter) {
        if (status == 410) {
            // Gone: the publisher removed the feed on purpose. Asking again every refresh is rude and useless;
            // a month later it is tried once more, in case the address came back.
            retryAfter = now.plus(GONE_PAUSE);
            reason = "the server says this feed is gone for good (HTTP 410): Storyline stopped fetching it until "
                    + retryAfter.toString().substring(0, 10) + "; unsubscribe, or subscribe to its new address";
        }
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
