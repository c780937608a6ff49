package app.storyline.model;

import java.util.List;

/** One subscription as OPML carries it: its folder path (outermost first, empty at the top level). */
public record OpmlFeed(String url, String title, String siteUrl, List<String> folders) {
    public OpmlFeed {
        folders = folders == null ? List.of() : List.copyOf(folders);
    }
}
