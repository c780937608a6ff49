package app.storyline.cli;

import app.storyline.model.Article;
import app.storyline.model.Enclosure;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/** JSON and JSON Lines output with Jackson's streaming generator (no object mapping, cheap to start). */
final class Json implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator g;
    private final Writer out;

    Json(Writer out) {
        this.out = out;
        try {
            g = FACTORY.createGenerator(out);
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonGenerator g() {
        return g;
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One top-level value (a line in JSON Lines). */
    void line(Body body) {
        try {
            body.write(g);
            g.flush();
            out.write('\n'); // JSON Lines: every value ends its line, whichever generator wrote it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article keys every command shares. */
    static void articleFields(JsonGenerator g, Article a, boolean full) throws IOException {
        g.writeNumberField("id", a.id());
        g.writeStringField("guid", a.guid());
        g.writeStringField("link", a.link());
        g.writeStringField("title", a.title());
        g.writeStringField("feed", a.feedTitle());
        g.writeNumberField("feedId", a.feedId());
        g.writeStringField("published", iso(a.published()));
        g.writeStringField("arrived", iso(a.arrived()));
        g.writeStringField("author", a.author());
        g.writeBooleanField("read", a.read());
        g.writeBooleanField("starred", a.starred());
        g.writeBooleanField("updated", a.updated());
        g.writeArrayFieldStart("categories");
        for (String c : a.categories()) g.writeString(c);
        g.writeEndArray();
        if (full) {
            g.writeStringField("language", a.language());
            g.writeStringField("summary", a.summary());
            g.writeStringField("content", a.content());
            enclosures(g, a.enclosures());
        }
    }

    static void enclosures(JsonGenerator g, java.util.List<Enclosure> enclosures) throws IOException {
        g.writeArrayFieldStart("enclosures");
        for (Enclosure e : enclosures) {
            g.writeStartObject();
            g.writeStringField("url", e.url());
            g.writeStringField("type", e.type());
            g.writeNumberField("length", e.length());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    @Override
    public void close() {
        try {
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
