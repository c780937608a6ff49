package app.storyline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test files from src/test/resources, and the shared corpora when present. */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ../shared/corpora, or null when this checkout has none (tests then skip). */
    public static Path corpora() {
        String p = System.getProperty("storyline.corpora", "../shared/corpora");
        Path dir = Path.of(p);
        return Files.isDirectory(dir) ? dir : null;
    }
}
