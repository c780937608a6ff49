package app.storyline.feed;

import org.jsoup.nodes.Entities;

/**
 * Makes decoded feed text safe and well-formed enough for a strict XML parser, in one pass:
 * <ol>
 *   <li>the DOCTYPE, with any internal subset, is removed, so no entity is ever declared and none
 *       can be expanded or fetched (billion laughs, XXE and external DTDs are neutralised, not parsed);</li>
 *   <li>HTML named entities ({@code &rsquo;}, {@code &nbsp;}) become numeric references;</li>
 *   <li>an ampersand that starts no valid reference, or names an unknown entity, is escaped;</li>
 *   <li>characters XML forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) are dropped, and numeric
 *       references to them are replaced; references to C1 controls are read as Windows-1252, as browsers do.</li>
 * </ol>
 * Comments, CDATA sections and processing instructions are copied untouched.
 */
final class XmlRepair {
    private static final String CP1252_C1 =
            "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD"
            + "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178";

    private XmlRepair() {}

    static String repair(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int start = 0;
        // Leading BOM, whitespace and junk before the first '<' make strict parsers fail.
        while (start < xml.length() && xml.charAt(start) != '<') start++;
        boolean sawRoot = false;
        int i = start;
        int n = xml.length();
        while (i < n) {
            char c = xml.charAt(i);
            if (c == '<') {
                if (xml.startsWith("<!--", i)) {
                    i = copyUntil(xml, i, "-->", out);
                } else if (xml.startsWith("<![CDATA[", i)) {
                    i = copyUntil(xml, i, "]]>", out);
                } else if (xml.startsWith("<?", i)) {
                    i = copyUntil(xml, i, "?>", out);
                } else if (!sawRoot && regionMatchesIgnoreCase(xml, i, "<!DOCTYPE")) {
                    i = skipDoctype(xml, i);
                } else {
                    if (i + 1 < n && Character.isLetter(xml.charAt(i + 1))) sawRoot = true;
                    out.append(c);
                    i++;
                }
            } else if (c == '&') {
                i = appendReference(xml, i, out);
            } else if (isXmlChar(c)) {
                // Copy the run of ordinary characters in one go: most of a feed is plain text.
                int end = i + 1;
                while (end < n) {
                    char d = xml.charAt(end);
                    if (d == '<' || d == '&' || !isXmlChar(d)) break;
                    end++;
                }
                out.append(xml, i, end);
                i = end;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(xml.charAt(i + 1))) {
                out.append(c).append(xml.charAt(i + 1));
                i += 2;
            } else {
                i++; // forbidden control character or lone surrogate
            }
        }
        return out.toString();
    }

    private static boolean isXmlChar(char c) {
        if (c >= 0x20 && c < 0xD800) return true;
        if (c == '\t' || c == '\n' || c == '\r') return true;
        return c >= 0xE000 && c <= 0xFFFD;
    }

    private static boolean regionMatchesIgnoreCase(String s, int at, String what) {
        return s.regionMatches(true, at, what, 0, what.length());
    }

    private static int copyUntil(String xml, int from, String end, StringBuilder out) {
        int stop = xml.indexOf(end, from);
        int to = stop < 0 ? xml.length() : stop + end.length();
        for (int k = from; k < to; k++) {
            char c = xml.charAt(k);
            if (isXmlChar(c) || Character.isSurrogate(c)) out.append(c);
        }
        return to;
    }

    /** Returns the index just after the DOCTYPE declaration, internal subset included. */
    private static int skipDoctype(String xml, int from) {
        int n = xml.length();
        int i = from + "<!DOCTYPE".length();
        char quote = 0;
        boolean inSubset = false;
        while (i < n) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (inSubset && xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                inSubset = true;
            } else if (c == ']') {
                inSubset = false;
            } else if (c == '>' && !inSubset) {
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static int appendReference(String xml, int amp, StringBuilder out) {
        int n = xml.length();
        int semi = -1;
        for (int k = amp + 1; k < n && k - amp <= 40; k++) {
            char c = xml.charAt(k);
            if (c == ';') {
                semi = k;
                break;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#' || c == '_' || c == '-' || c == '.' || c == ':')) break;
        }
        if (semi < 0 || semi == amp + 1) {
            out.append("&amp;");
            return amp + 1;
        }
        String name = xml.substring(amp + 1, semi);
        if (name.charAt(0) == '#') {
            int cp = parseCharRef(name);
            if (cp < 0) {
                out.append("&amp;");
                return amp + 1;
            }
            if (cp >= 0x80 && cp <= 0x9F) cp = CP1252_C1.charAt(cp - 0x80);
            if (!isXmlCodePoint(cp)) cp = 0xFFFD;
            out.append("&#").append(cp).append(';');
            return semi + 1;
        }
        switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> {
                out.append('&').append(name).append(';');
                return semi + 1;
            }
            default -> { }
        }
        if (name.equals("lang") || name.equals("rang")) {
            // Feeds use HTML 4's entity names, and HTML 4 maps these two to U+2329/U+232A; HTML5 moved them.
            out.append(name.equals("lang") ? "&#9001;" : "&#9002;");
            return semi + 1;
        }
        if (Entities.isNamedEntity(name)) {
            String value = Entities.getByName(name);
            value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
            return semi + 1;
        }
        out.append("&amp;");
        return amp + 1;
    }

    private static int parseCharRef(String name) {
        try {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            String digits = name.substring(hex ? 2 : 1);
            if (digits.isEmpty() || digits.length() > 8) return -1;
            int cp = Integer.parseInt(digits, hex ? 16 : 10);
            return cp <= Character.MAX_CODE_POINT ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isXmlCodePoint(int cp) {
        if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
        if (cp >= 0x20 && cp <= 0xD7FF) return true;
        if (cp >= 0xE000 && cp <= 0xFFFD) return true;
        return cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
