package app.storyline.model;

import java.time.Instant;

/**
 * What the last fetches of a feed left behind: validators for conditional GET, the hash of the last
 * body, and the outcome. {@code httpStatus} is 0 when no response arrived.
 */
public record FetchState(
        long feedId,
        String etag,
        String lastModified,
        String bodyHash,
        Instant lastAttempt,
        Instant lastSuccess,
        int httpStatus,
        String lastError,
        Instant nextFetchAfter,
        int failures) {

    public static FetchState empty(long feedId) {
        return new FetchState(feedId, null, null, null, null, null, 0, null, null, 0);
    }
}
