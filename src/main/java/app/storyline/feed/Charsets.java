package app.storyline.feed;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

/** Charset names as feeds declare them, including the Microsoft and Mac aliases Java does not know. */
final class Charsets {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ms-ansi", "windows-1252"), Map.entry("ms-arab", "windows-1256"), Map.entry("ms-cyrl", "windows-1251"),
            Map.entry("ms-ee", "windows-1250"), Map.entry("ms-greek", "windows-1253"), Map.entry("ms-hebr", "windows-1255"),
            Map.entry("ms-turk", "windows-1254"), Map.entry("winbaltrim", "windows-1257"), Map.entry("mac", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"), Map.entry("csmacintosh", "x-MacRoman"), Map.entry("maclatin2", "x-MacCentralEurope"),
            Map.entry("mac-cyrillic", "x-MacCyrillic"), Map.entry("maccyrillic", "x-MacCyrillic"), Map.entry("cp_is", "IBM861"),
            Map.entry("csibm855", "IBM855"), Map.entry("cspc775baltic", "IBM775"), Map.entry("utf8", "UTF-8"));

    private Charsets() {}

    /** The charset for a declared name, or null when neither Java nor our aliases know it. */
    static Charset lookup(String declared) {
        if (declared == null || declared.isBlank() || declared.length() > 40) return null;
        String n = declared.strip().toLowerCase(Locale.ROOT);
        n = ALIASES.getOrDefault(n, n);
        for (String candidate : new String[] {n, n.replace('_', '-')}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalArgumentException unknownOrIllegal) {
                // try the next spelling
            }
        }
        return null;
    }
}
