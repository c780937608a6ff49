package app.storyline.ui;

import app.storyline.feed.Html;
import app.storyline.model.Article;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The page the reader shows: the article's HTML sanitised (feed.Html's safelist: no script, no event
 * handlers, only http(s) and mailto links, no tracking pixels), remote media removed unless the person
 * allowed images for this feed, and a Content-Security-Policy that forbids everything else
 * the page could load. The WebView also runs with JavaScript off.
 */
final class ReaderHtml {
    private ReaderHtml() {}

    static String page(Article a, boolean showImages, boolean dark, int textSize, ZoneId zone) {
        Document body = Jsoup.parseBodyFragment(Html.sanitize(a.body(), a.link()));
        int blocked = 0;
        if (!showImages) {
            for (Element media : body.select("img, picture, video, audio, source, track")) {
                blocked++;
                String alt = media.attr("alt").strip();
                if (media.tagName().equals("img") && !alt.isEmpty()) media.replaceWith(new Element("span").addClass("blocked").text("[" + alt + "]"));
                else media.remove();
            }
        }
        String csp = "default-src 'none'; style-src 'unsafe-inline'; img-src " + (showImages ? "https: http: data:" : "data:")
                + "; media-src " + (showImages ? "https: http:" : "'none'");
        String fg = dark ? "#e6e6e6" : "#1f2328";
        String bg = dark ? "#1c1f24" : "#ffffff";
        String muted = dark ? "#9aa4ae" : "#5b6570";
        String link = dark ? "#7ab7ff" : "#0b5cad";
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(csp).append("\">")
                .append("<style>body{font-family:'Georgia','DejaVu Serif',serif;font-size:").append(textSize).append("pt;line-height:1.55;")
                .append("color:").append(fg).append(";background:").append(bg).append(";margin:0;padding:18px 28px 40px 28px;max-width:46em}")
                .append("h1{font-family:'DejaVu Sans','Segoe UI',sans-serif;font-size:1.55em;line-height:1.25;margin:0 0 .35em 0}")
                .append(".meta{font-family:'DejaVu Sans','Segoe UI',sans-serif;font-size:.78em;color:").append(muted).append(";margin-bottom:1.2em}")
                .append("a{color:").append(link).append("}img{max-width:100%;height:auto}")
                .append(".blocked{color:").append(muted).append(";font-style:italic}")
                .append("blockquote{border-left:3px solid ").append(muted).append(";margin-left:0;padding-left:1em;color:").append(muted).append("}")
                .append("pre{white-space:pre-wrap}</style></head><body>");
        h.append("<h1>").append(escape(a.title() == null || a.title().isBlank() ? "(untitled)" : a.title())).append("</h1>");
        h.append("<div class=\"meta\">").append(escape(a.feedTitle() == null ? "" : a.feedTitle()));
        if (a.author() != null && !a.author().isBlank()) h.append(" · ").append(escape(a.author()));
        h.append(" · ").append(escape(Format.full(a.when(), zone)));
        if (a.link() != null && (a.link().startsWith("https://") || a.link().startsWith("http://"))) {
            h.append(" · <a href=\"").append(escape(a.link())).append("\">Open original</a>");
        }
        if (blocked > 0) h.append(" · ").append(blocked).append(blocked == 1 ? " image not loaded" : " images not loaded");
        h.append("</div>");
        h.append(body.body().html());
        h.append("</body></html>");
        return h.toString();
    }

    private static String escape(String s) {
        return Entities.escape(s);
    }
}
