package app.storyline.service;

import app.storyline.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for a refresh: one thread takes every write waiting and runs them in one transaction.
 * Two hundred feeds answering within a few milliseconds cost a handful of commits instead of two
 * hundred, and no fetching thread ever sits in SQLite. If a batch fails, its writes are retried one by
 * one, so one feed's bad write cannot undo another's.
 */
final class BatchWriter implements AutoCloseable {
    private record Job(Database.Work<?> work, CompletableFuture<Object> done) {}

    private static final Job STOP = new Job(c -> null, new CompletableFuture<>());
    private static final int MAX_BATCH = 256;

    private final Database db;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    BatchWriter(Database db) {
        this.db = db;
        this.thread = Thread.ofPlatform().name("batch-writer").daemon().start(this::loop);
    }

    /** Runs {@code work} in the next batch and waits until it is committed; rethrows its failure. */
    @SuppressWarnings("unchecked")
    <T> T write(Database.Work<T> work) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        queue.add(new Job(work, done));
        try {
            return (T) done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private void loop() {
        while (true) {
            List<Job> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) commit(batch);
            if (stop) return;
        }
    }

    private void commit(List<Job> batch) {
        try {
            List<Object> results = db.write(c -> {
                List<Object> out = new ArrayList<>(batch.size());
                for (Job j : batch) out.add(j.work().run(c));
                return out;
            });
            for (int i = 0; i < batch.size(); i++) batch.get(i).done().complete(results.get(i));
        } catch (RuntimeException batchFailed) {
            for (Job j : batch) {
                try {
                    j.done().complete(db.write(j.work()));
                } catch (RuntimeException e) {
                    j.done().completeExceptionally(e);
                }
            }
        }
    }

    /** Commits what is queued, then stops the thread. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
