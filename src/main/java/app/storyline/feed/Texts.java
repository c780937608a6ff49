package app.storyline.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jsoup.Jsoup;

/** Small, hostile-input-safe helpers for strings that come out of feeds. */
public final class Texts {
    private Texts() {}

    /** Trims, and turns blank into null. */
    static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** A title or name as plain text: markup removed, entities decoded, whitespace collapsed. */
    public static String plain(String s) {
        s = clean(s);
        if (s == null) return null;
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) return clean(Jsoup.parse(s).text());
        return collapse(s);
    }

    private static String collapse(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c != '\n' && c != '\r' && c != '\t' && !(c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ');
        }
        return plain ? s : s.replaceAll("\\s+", " ");
    }

    /**
     * Resolves {@code href} against {@code base}; returns null for anything that is not an http(s)
     * URL afterwards, so that no {@code javascript:} or {@code file:} link reaches the reader.
     */
    public static String httpUrl(String href, String base) {
        href = clean(href);
        if (href == null) return null;
        try {
            URI uri = new URI(href.replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null) {
                URI b = new URI(base.replace(" ", "%20"));
                if (b.isAbsolute()) uri = b.resolve(uri);
            }
            String scheme = uri.getScheme();
            if (scheme == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            return uri.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
