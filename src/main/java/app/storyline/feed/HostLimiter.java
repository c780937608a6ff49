package app.storyline.feed;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most {@code perHost} requests at a time to one host and {@code total} overall. The host permit is
 * taken first, so a request waiting for a busy host never holds one of the scarce overall permits.
 */
final class HostLimiter {
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Semaphore total;
    private final int perHost;

    HostLimiter(int perHost, int total) {
        this.perHost = perHost;
        this.total = new Semaphore(total, true);
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    Permit acquire(String host) throws InterruptedException {
        Semaphore h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Semaphore(perHost, true));
        h.acquire();
        try {
            total.acquire();
        } catch (InterruptedException e) {
            h.release();
            throw e;
        }
        return () -> {
            total.release();
            h.release();
        };
    }
}
