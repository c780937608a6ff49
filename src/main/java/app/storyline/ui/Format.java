package app.storyline.ui;

import app.storyline.index.HtmlText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and snippets read in the window. */
final class Format {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private Format() {}

    /** "just now", "9 minutes ago", "3 hours ago", "yesterday", "4 days ago", "12 Nov", "12 Nov 2024". */
    static String ago(Instant when, Instant now, ZoneId zone) {
        if (when == null) return "";
        Duration d = Duration.between(when, now);
        if (d.isNegative()) d = Duration.ZERO; // a feed's clock ahead of ours
        long minutes = d.toMinutes();
        if (minutes < 1) return "just now";
        if (minutes < 60) return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
        LocalDate day = when.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        long hours = d.toHours();
        if (day.equals(today)) return hours == 1 ? "1 hour ago" : hours + " hours ago";
        if (day.equals(today.minusDays(1))) return "yesterday";
        long days = java.time.temporal.ChronoUnit.DAYS.between(day, today);
        if (days < 7) return days + " days ago";
        return (day.getYear() == today.getYear() ? DAY : DAY_YEAR).format(day);
    }

    static String full(Instant when, ZoneId zone) {
        return when == null ? "" : FULL.format(when.atZone(zone));
    }

    /** Plain text from the start of an HTML fragment (index.HtmlText's stripper), cut at a word near {@code max}. */
    static String plain(String html, int max) {
        String text = HtmlText.plain(html);
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).strip() + "\u2026";
    }
}
