package app.storyline.feed;

/** A feed could not be fetched or parsed; the message is written for the user. */
public class FeedException extends RuntimeException {
    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
