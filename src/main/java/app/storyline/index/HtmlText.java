package app.storyline.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;

/** Plain text from feed HTML for indexing and snippets: tags, scripts and styles removed, entities decoded. */
public final class HtmlText {
    private HtmlText() {}

    public static String plain(String html) {
        if (html == null || html.isEmpty()) return "";
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return collapse(html);
        StringBuilder sb = new StringBuilder(html.length());
        try (HTMLStripCharFilter f = new HTMLStripCharFilter(new StringReader(html))) {
            char[] buf = new char[4096];
            for (int n; (n = f.read(buf)) > 0; ) sb.append(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return collapse(sb);
    }

    private static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
