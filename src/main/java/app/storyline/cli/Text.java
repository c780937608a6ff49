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

    /** "9 minutes ago", "3 hours ago", "2 days ago", or the date for older things. */
    static String ago(java.time.Instant t, java.time.Instant now) {
        if (t == null) return "undated";
        long s = java.time.Duration.between(t, now).getSeconds();
        if (s < 0) return "just now";
        if (s < 60) return s + " seconds ago";
        if (s < 3600) return plural(s / 60, "minute") + " ago";
        if (s < 86400) return plural(s / 3600, "hour") + " ago";
        if (s < 14 * 86400) return plural(s / 86400, "day") + " ago";
        return java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(t.atZone(java.time.ZoneId.systemDefault()));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
