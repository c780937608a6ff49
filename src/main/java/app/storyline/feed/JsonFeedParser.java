package app.storyline.feed;

import app.storyline.model.Enclosure;
import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
final class JsonFeedParser {
    // Bounded nesting and string sizes: a hostile document cannot exhaust the stack or memory.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(10_000_000).build())
            .build());

    private JsonFeedParser() {}

    static ParsedFeed parse(byte[] body, String baseUrl) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FeedException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FeedException("could not read JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new FeedException("not a JSON Feed: the document is not an object");
        String version = text(root, "version");
        if (version == null || !version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedException("not a JSON Feed: no jsonfeed.org version");
        }
        String format = "json_" + version.substring("https://jsonfeed.org/version/".length());
        String link = Texts.httpUrl(text(root, "home_page_url"), baseUrl);
        String base = baseUrl != null ? baseUrl : Texts.httpUrl(text(root, "feed_url"), null);
        List<ParsedItem> items = new ArrayList<>();
        JsonNode array = root.path("items");
        if (array.isArray()) {
            for (JsonNode it : array) if (it.isObject() && !it.isEmpty()) items.add(item(it, base, root));
        }
        return new ParsedFeed(format, Texts.plain(text(root, "title")), link,
                Texts.clean(text(root, "description")), Texts.clean(text(root, "language")), items);
    }

    private static ParsedItem item(JsonNode it, String base, JsonNode feed) {
        String content = text(it, "content_html");
        if (content == null) {
            String plain = text(it, "content_text");
            if (plain != null) content = org.jsoup.nodes.Entities.escape(plain).replace("\n", "<br>");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode t : it.path("tags")) {
            String s = Texts.plain(t.isTextual() ? t.asText() : null);
            if (s != null) tags.add(s);
        }
        List<Enclosure> attachments = new ArrayList<>();
        for (JsonNode a : it.path("attachments")) {
            String url = Texts.httpUrl(text(a, "url"), base);
            if (url != null) {
                long size = a.path("size_in_bytes").canConvertToLong() ? a.path("size_in_bytes").asLong() : -1;
                attachments.add(new Enclosure(url, Texts.clean(text(a, "mime_type")), size > 0 ? size : -1));
            }
        }
        Instant published = Dates.parse(text(it, "date_published"));
        Instant updated = Dates.parse(text(it, "date_modified"));
        JsonNode id = it.get("id");
        String guid = id == null || id.isNull() || id.isContainerNode() ? null : Texts.clean(id.asText());
        return new ParsedItem(guid,
                Texts.httpUrl(text(it, "url"), base),
                Texts.plain(text(it, "title")),
                author(it, feed),
                Texts.clean(text(it, "summary")),
                Texts.clean(content),
                published != null ? published : updated,
                updated,
                List.copyOf(tags),
                attachments);
    }

    private static String author(JsonNode it, JsonNode feed) {
        for (JsonNode node : List.of(it, feed)) {
            for (JsonNode a : node.path("authors")) {
                String name = Texts.plain(text(a, "name"));
                if (name != null) return name;
            }
            String name = Texts.plain(text(node.path("author"), "name"));
            if (name != null) return name;
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
