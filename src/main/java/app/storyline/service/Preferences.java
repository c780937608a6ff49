package app.storyline.service;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The person's settings, read from and written to the settings table. Values out of range or unreadable
 * fall back to the default rather than stopping the app.
 *
 * @param refreshMinutes automatic refresh interval; 0 turns it off
 * @param retentionDays  articles older than this are deleted after a refresh (starred ones and those of
 *                       followed stories are kept); 0 keeps everything
 * @param textSize       the reader's text size in points
 */
public record Preferences(int refreshMinutes, int retentionDays, Theme theme, int textSize, boolean markReadOnScroll) {
    public enum Theme { SYSTEM, LIGHT, DARK }

    public static Preferences defaults() {
        return new Preferences(30, 0, Theme.SYSTEM, 15, false);
    }

    public static Preferences from(Map<String, String> s) {
        Preferences d = defaults();
        return new Preferences(
                number(s.get("refresh.minutes"), 0, 24 * 60, d.refreshMinutes()),
                number(s.get("retention.days"), 0, 36500, d.retentionDays()),
                theme(s.get("theme"), d.theme()),
                number(s.get("text.size"), 10, 32, d.textSize()),
                "true".equals(s.getOrDefault("read.on-scroll", String.valueOf(d.markReadOnScroll()))));
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put("refresh.minutes", String.valueOf(refreshMinutes));
        m.put("retention.days", String.valueOf(retentionDays));
        m.put("theme", theme.name().toLowerCase(Locale.ROOT));
        m.put("text.size", String.valueOf(textSize));
        m.put("read.on-scroll", String.valueOf(markReadOnScroll));
        return m;
    }

    private static int number(String v, int min, int max, int fallback) {
        try {
            int n = Integer.parseInt(v == null ? "" : v.strip());
            return n < min || n > max ? fallback : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Theme theme(String v, Theme fallback) {
        for (Theme t : Theme.values()) if (t.name().equalsIgnoreCase(v == null ? "" : v.strip())) return t;
        return fallback;
    }
}
