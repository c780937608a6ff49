package app.storyline.model;

import java.time.Instant;

/** A subscription. {@code folderId} is null for feeds at the top level. */
public record Feed(
        long id,
        String url,
        String title,
        String siteUrl,
        String language,
        Long folderId,
        Instant added) {

    /** The title to show: the feed's own, else its URL. */
    public String displayTitle() {
        return title == null || title.isBlank() ? url : title;
    }
}
