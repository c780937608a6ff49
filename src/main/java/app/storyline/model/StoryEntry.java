package app.storyline.model;

import java.time.Instant;

/**
 * One article in a story's timeline; {@code articleId} may no longer exist for a followed story's skeleton.
 * {@code joined} is when it joined the story (new since the story was last looked at when later than that).
 */
public record StoryEntry(long articleId, String title, String link, String feed, Instant published, boolean flagged,
                         boolean stored, Instant joined) {}
