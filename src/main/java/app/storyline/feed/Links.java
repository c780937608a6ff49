package app.storyline.feed;

import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Strips tracking parameters from article links before they are stored: campaign tags (utm_*) and the
 * click ids of the large ad networks and mailers. They say nothing about the article and tell its
 * publisher who clicked from where.
 */
public final class Links {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
            "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid", "mkt_tok", "oly_enc_id", "oly_anon_id", "vero_id", "wt_mc", "ref_src");

    private Links() {}

    public static String clean(String url) {
        if (url == null) return null;
        int q = url.indexOf('?');
        if (q < 0) return url;
        int hash = url.indexOf('#', q);
        String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&")) {
            if (param.isEmpty()) continue;
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) continue;
            kept.add(param);
        }
        if (kept.size() == query.split("&", -1).length) return url; // nothing removed: the link as written
        return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + (hash < 0 ? "" : url.substring(hash));
    }

    static ParsedFeed clean(ParsedFeed f) {
        List<ParsedItem> items = new ArrayList<>(f.items().size());
        for (ParsedItem it : f.items()) {
            String link = clean(it.link());
            items.add(link == it.link() ? it : new ParsedItem(it.guid(), link, it.title(), it.author(), it.summary(), it.content(),
                    it.published(), it.updated(), it.categories(), it.enclosures()));
        }
        return new ParsedFeed(f.format(), f.title(), f.link(), f.description(), f.language(), items);
    }
}
