package app.storyline.feed;

import java.time.Instant;

/**
 * What one conditional GET of a feed came to. {@code movedTo} is set when a permanent redirect
 * (301/308) was followed: the subscription should be updated to that URL.
 */
public sealed interface FetchOutcome {
    String movedTo();

    record Fetched(String url, String movedTo, int status, byte[] body, String contentType,
                   String etag, String lastModified) implements FetchOutcome {}

    record NotModified(String movedTo, String etag, String lastModified) implements FetchOutcome {}

    /** {@code status} is 0 when no HTTP response arrived; {@code retryAfter} is when the server allows the next try. */
    record Failed(String movedTo, int status, String reason, Instant retryAfter) implements FetchOutcome {}
}
