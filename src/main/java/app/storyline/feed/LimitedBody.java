package app.storyline.feed;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body, and gives up (cancelling the download) once it passes {@code max} bytes. */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long max) {
            super("the response is larger than " + (max >> 20) + " MB");
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final long max;
    private Flow.Subscription subscription;

    private final long declared;

    LimitedBody(long max, long declared) {
        this.max = max;
        this.declared = declared;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long max) {
        return info -> {
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            return new LimitedBody(max, declared);
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > max) {
            // Refuse before downloading anything: the server told us the size.
            s.cancel();
            result.completeExceptionally(new TooLargeException(max));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            if (bytes.size() + (long) b.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(max));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
