package app.storyline.index;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Plain text from feed HTML, for indexing and snippets: tags removed (a space where a block or line
 * break was), script, style and comments dropped with their content, entities decoded, whitespace
 * collapsed. One pass over the characters: it is on the ingest path of every article, where Lucene's
 * HTMLStripCharFilter cost six times as much (see README, Decisions).
 */
public final class HtmlText {
    private static final Set<String> DROP_CONTENT = Set.of("script", "style", "noscript", "template", "iframe", "object", "svg", "math");
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em",
            "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
            "u", "var", "wbr");

    private HtmlText() {}

    public static String plain(String html) {
        if (html == null || html.isEmpty()) return "";
        int n = html.length();
        StringBuilder out = new StringBuilder(n);
        boolean space = false;
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = skipMarkup(html, i);
                if (end > i) {
                    if (!isInlineTag(html, i)) space = out.length() > 0;
                    i = end;
                    continue;
                }
            }
            if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i + 1 && semi - i <= 33) {
                    String decoded = entity(html.substring(i + 1, semi));
                    if (decoded != null) {
                        for (int k = 0; k < decoded.length(); k++) space = append(out, decoded.charAt(k), space);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            space = append(out, c, space);
            i++;
        }
        return out.toString();
    }

    /** Appends a character, collapsing whitespace; returns whether a space is pending. */
    private static boolean append(StringBuilder out, char c, boolean space) {
        if (Character.isWhitespace(c) || c == '\u00A0') return out.length() > 0;
        if (space) out.append(' ');
        out.append(c);
        return false;
    }

    /** The index after the markup starting at {@code lt}, or {@code lt} when '<' starts no markup (e.g. "a < b"). */
    private static int skipMarkup(String s, int lt) {
        int n = s.length();
        if (s.startsWith("<!--", lt)) {
            int e = s.indexOf("-->", lt + 4);
            return e < 0 ? n : e + 3;
        }
        if (lt + 1 >= n) return lt;
        char next = s.charAt(lt + 1);
        if (!(Character.isLetter(next) || next == '/' || next == '!' || next == '?')) return lt;
        int close = tagEnd(s, lt);
        String name = tagName(s, lt);
        if (next != '/' && DROP_CONTENT.contains(name)) {
            int e = indexOfIgnoreCase(s, "</" + name, close);
            if (e < 0) return n;
            return tagEnd(s, e);
        }
        return close;
    }

    /** The index after the '>' closing the tag at {@code lt}, skipping quoted attribute values. */
    private static int tagEnd(String s, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return s.length();
    }

    private static String tagName(String s, int lt) {
        int i = lt + 1;
        if (i < s.length() && s.charAt(i) == '/') i++;
        int start = i;
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) i++;
        return s.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static boolean isInlineTag(String s, int lt) {
        return INLINE.contains(tagName(s, lt));
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = from; i <= s.length() - what.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) return i;
        }
        return -1;
    }

    private static String entity(String name) {
        if (name.charAt(0) == '#') {
            try {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
    }
}
