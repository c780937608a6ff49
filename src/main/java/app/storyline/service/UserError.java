package app.storyline.service;

/** Something the user asked for cannot be done as asked (bad argument, unknown article...): exit code 1. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
