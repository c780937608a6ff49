package app.storyline.model;

import java.time.Instant;

/**
 * One line of the article list: what a row shows, without the article's body. {@code excerpt} is the
 * start of the article's summary or content, still HTML. {@code storyId} is -1 when the article is in no
 * story yet; {@code storySources} counts the distinct feeds of a story with more than one, else 0.
 */
public record ArticleRow(long id, long feedId, String source, String title, String excerpt, Instant when,
                         boolean read, boolean starred, long storyId, int storySources) {
    public ArticleRow withRead(boolean r) {
        return new ArticleRow(id, feedId, source, title, excerpt, when, r, starred, storyId, storySources);
    }

    public ArticleRow withStorySources(int n) {
        return new ArticleRow(id, feedId, source, title, excerpt, when, read, starred, storyId, n);
    }

    public ArticleRow withStarred(boolean s) {
        return new ArticleRow(id, feedId, source, title, excerpt, when, read, s, storyId, storySources);
    }
}
