package app.storyline.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Dates as feeds write them: RFC 3339, RFC 822/1123 and their common broken variants. */
public final class Dates {
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][XXX][X]", Locale.ENGLISH));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss]", Locale.ENGLISH));

    private Dates() {}

    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0),
            Map.entry("EST", -5 * 60), Map.entry("EDT", -4 * 60), Map.entry("CST", -6 * 60), Map.entry("CDT", -5 * 60),
            Map.entry("MST", -7 * 60), Map.entry("MDT", -6 * 60), Map.entry("PST", -8 * 60), Map.entry("PDT", -7 * 60));
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** The instant, or null when the text is no date we recognise. Dates without a zone are UTC. */
    public static Instant parse(String text) {
        text = Texts.clean(text);
        if (text == null || text.length() > 64) return null;
        // Fast paths for the two shapes nearly every feed uses; the formatter loop below throws and
        // catches an exception per failed format, which costs more than the rest of an item's parsing.
        Instant fast = Character.isDigit(text.charAt(0)) ? iso(text) : rfc822(text);
        if (fast != null) return fast;
        String t = text.replaceAll("\\s+", " ");
        for (DateTimeFormatter f : ZONED) {
            try {
                return ZonedDateTime.parse(t, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException ignored) {
            // not RFC 3339 with a space
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** RFC 3339 / ISO 8601 with a 'T', with or without an offset (none means UTC). */
    private static Instant iso(String t) {
        int tee = t.indexOf('T');
        if (tee != 10 || t.length() < 16) return null;
        boolean offset = t.endsWith("Z") || t.endsWith("z") || t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0;
        try {
            if (offset) return OffsetDateTime.parse(t.toUpperCase(Locale.ROOT)).toInstant();
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "[Day,] d Mon yyyy HH:mm[:ss] zone" with yy years, zone names and numeric offsets tolerated. */
    private static Instant rfc822(String t) {
        String[] w = t.replace(',', ' ').trim().split("\\s+");
        int i = 0;
        if (w.length > 0 && !w[0].isEmpty() && Character.isLetter(w[0].charAt(0)) && w[0].length() >= 3
                && !MONTHS.contains(w[0].substring(0, 3).toLowerCase(Locale.ROOT))) i++; // weekday
        if (w.length - i < 4) return null;
        try {
            int day = Integer.parseInt(w[i]);
            int month = MONTHS.indexOf(w[i + 1].length() >= 3 ? w[i + 1].substring(0, 3).toLowerCase(Locale.ROOT) : "") + 1;
            int year = Integer.parseInt(w[i + 2]);
            if (month == 0) return null;
            if (year < 100) year += year < 50 ? 2000 : 1900;
            String[] hms = w[i + 3].split(":");
            if (hms.length < 2) return null;
            int h = Integer.parseInt(hms[0]);
            int m = Integer.parseInt(hms[1]);
            int sec = hms.length > 2 ? (int) Double.parseDouble(hms[2]) : 0;
            int offsetMinutes = w.length > i + 4 ? zone(w[i + 4]) : 0;
            if (offsetMinutes == Integer.MIN_VALUE) return null;
            return LocalDateTime.of(year, month, day, h, m, sec).toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int zone(String z) {
        Integer named = ZONES.get(z.toUpperCase(Locale.ROOT));
        if (named != null) return named;
        if ((z.startsWith("+") || z.startsWith("-")) && (z.length() == 5 || z.length() == 6)) {
            String digits = z.substring(1).replace(":", "");
            int v = Integer.parseInt(digits);
            int minutes = v / 100 * 60 + v % 100;
            return z.startsWith("-") ? -minutes : minutes;
        }
        return Integer.MIN_VALUE;
    }
}
