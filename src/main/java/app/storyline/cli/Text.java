package app.storyline.cli;

/** Plain-text layout helpers for terminal output. */
final class Text {
    private Text() {}

    /** Cut to {@code width} characters with an ellipsis, so columns stay aligned. */
    static String fit(String s, int width) {
        if (s == null) return "";
        s = s.replaceAll("\\s+", " ");
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }
}
