package app.storyline.model;

/** A feed with its folder path, article counts and fetch outcome, as `feeds` lists it. */
public record FeedSummary(Feed feed, String folder, int articles, int unread, FetchState fetch) {}
