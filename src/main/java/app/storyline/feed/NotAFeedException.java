package app.storyline.feed;

/** The document is a web page, not a feed; discovery may find the feed it links to. */
public final class NotAFeedException extends FeedException {
    public NotAFeedException(String message) {
        super(message);
    }
}
