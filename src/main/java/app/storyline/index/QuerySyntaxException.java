package app.storyline.index;

/** The user's query cannot be read; the message says where and why, without a stack trace. */
public final class QuerySyntaxException extends RuntimeException {
    public QuerySyntaxException(String message) {
        super(message);
    }
}
