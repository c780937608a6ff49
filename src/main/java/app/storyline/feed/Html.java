package app.storyline.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Feed HTML made safe to display, with jsoup's allowlist cleaner: no scripts, styles sheets, frames,
 * forms, event handlers or non-http(s) links; relative links resolved against the article's URL; inline
 * styles kept only for presentational properties with plain values (no url(), no expressions, no
 * page-sized lengths). Stored articles keep the feed's HTML as it came; this runs when it is shown.
 */
public final class Html {
    private static final String[] ELEMENTS = {
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote",
        "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "dir", "div", "dl",
        "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
        "img", "ins", "kbd", "li", "map", "mark", "menu", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby",
        "s", "samp", "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "tr", "track", "tt", "u", "ul", "var", "video", "wbr"};
    private static final String[] ATTRIBUTES = {
        "abbr", "align", "alt", "axis", "bgcolor", "border", "cellpadding", "cellspacing", "char", "charoff", "clear",
        "color", "cols", "colspan", "compact", "controls", "coords", "datetime", "dir", "face", "headers", "height",
        "hidden", "hreflang", "hspace", "kind", "label", "lang", "loop", "muted", "noshade", "nowrap", "poster", "preload",
        "rel", "rev", "rows", "rowspan", "rules", "scope", "shape", "size", "span", "srclang", "start", "style", "summary",
        "title", "type", "valign", "value", "vspace", "width"};
    private static final Set<String> CSS_PROPERTIES = Set.of(
            "background-color", "border", "border-bottom", "border-bottom-color", "border-collapse", "border-color",
            "border-left", "border-left-color", "border-right", "border-right-color", "border-spacing", "border-style",
            "border-top", "border-top-color", "border-width", "clear", "color", "direction", "display", "float", "font",
            "font-family", "font-size", "font-style", "font-variant", "font-weight", "height", "letter-spacing",
            "line-height", "list-style-type", "margin", "margin-bottom", "margin-left", "margin-right", "margin-top",
            "overflow", "padding", "padding-bottom", "padding-left", "padding-right", "padding-top", "text-align",
            "text-decoration", "text-indent", "text-transform", "unicode-bidi", "vertical-align", "white-space", "width",
            "word-spacing");
    /** One word of a value: a colour, a length of at most four digits, a keyword or a quoted family name. */
    private static final Pattern SAFE_CSS_WORD = Pattern.compile(
            "(?i)#[0-9a-f]{3,8}|rgba?\\([\\d.%\\s,]+\\)|-?\\d{1,4}(?:\\.\\d+)?(?:px|pt|em|ex|rem|%|cm|mm|in|pc)?|-?\\.\\d+(?:px|pt|em|ex|rem|%)?"
            + "|[a-z][a-z-]*|\"[\\w\\s-]+\"|'[\\w\\s-]+'");
    private static final Pattern CSS_WORDS = Pattern.compile("rgba?\\([^)]*\\)|\"[^\"]*\"|'[^']*'|[^\\s,]+");

    private static final Safelist SAFELIST = safelist();
    /**
     * A self-closed element whose content HTML reads as raw text (`<iframe src=x/>`): written in XHTML
     * style by feeds, it would swallow the rest of the article as its "content". Closed explicitly first.
     */
    private static final Pattern BR_PAIR = Pattern.compile("(?i)(<br\\b[^<>]*>)\\s*</br\\s*>");
    private static final Pattern SELF_CLOSED_RAW = Pattern.compile(
            "(?i)<(iframe|script|style|noscript|noembed|noframes|textarea|title|xmp|template)(\\s[^<>]*?)?/>");

    private Html() {}

    private static Safelist safelist() {
        Safelist s = new Safelist().addTags(ELEMENTS).addAttributes(":all", ATTRIBUTES)
                .addAttributes("a", "href").addAttributes("img", "src", "srcset", "usemap", "ismap")
                .addAttributes("area", "href").addAttributes("audio", "src").addAttributes("video", "src")
                .addAttributes("source", "src", "srcset", "media").addAttributes("track", "src")
                .addAttributes("blockquote", "cite").addAttributes("q", "cite").addAttributes("del", "cite")
                .addAttributes("ins", "cite").addAttributes("ol", "reversed");
        for (String[] urlAttr : new String[][] {{"a", "href"}, {"area", "href"}, {"img", "src"}, {"audio", "src"},
                {"video", "src"}, {"video", "poster"}, {"source", "src"}, {"track", "src"}, {"blockquote", "cite"},
                {"q", "cite"}, {"del", "cite"}, {"ins", "cite"}}) {
            s.addProtocols(urlAttr[0], urlAttr[1], "http", "https");
        }
        s.addProtocols("a", "href", "mailto");
        return s;
    }

    /** Safe HTML for display; {@code baseUrl} (may be null) resolves relative links. */
    public static String sanitize(String html, String baseUrl) {
        if (html == null || html.isEmpty()) return "";
        String base = baseUrl == null ? "" : baseUrl;
        String prepared = SELF_CLOSED_RAW.matcher(html).replaceAll("<$1$2></$1>");
        // XHTML's <br></br> is one line break; an HTML parser reads the end tag as a second one.
        prepared = BR_PAIR.matcher(prepared).replaceAll("$1");
        Document dirty = Jsoup.parseBodyFragment(prepared, base);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        // Tracking pixels: a 1x1 (or 0-sized) image is never content, only a report that the article was read.
        for (Element img : clean.select("img")) {
            if (tiny(img.attr("width")) && tiny(img.attr("height"))) img.remove();
        }
        for (Element e : clean.select("[style]")) {
            String style = safeStyle(e.attr("style"));
            if (style.isEmpty()) e.removeAttr("style");
            else e.attr("style", style);
        }
        return clean.body().html();
    }

    private static boolean tiny(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT).replace("px", "");
        return s.equals("0") || s.equals("1");
    }

    private static boolean safeValue(String value) {
        var words = CSS_WORDS.matcher(value);
        int count = 0;
        while (words.find()) {
            if (!SAFE_CSS_WORD.matcher(words.group()).matches()) return false;
            count++;
        }
        return count > 0 && value.replaceAll("rgba?\\([^)]*\\)|\"[^\"]*\"|'[^']*'|[^\\s,]+|[\\s,]", "").isEmpty();
    }

    static String safeStyle(String style) {
        List<String> kept = new ArrayList<>();
        for (String decl : style.split(";")) {
            int colon = decl.indexOf(':');
            if (colon < 0) continue;
            String prop = decl.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = decl.substring(colon + 1).strip();
            if (value.isEmpty() || !CSS_PROPERTIES.contains(prop)) continue;
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.contains("url(") || lower.contains("expression") || lower.contains("\\") || lower.contains("/*")) continue;
            if (safeValue(value)) kept.add(prop + ": " + value + ";");
        }
        return String.join(" ", kept);
    }
}
