package app.storyline.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version, from the build. */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    public static String current() {
        return VERSION;
    }

    public static String userAgent() {
        return "Storyline/" + VERSION + " (desktop feed reader; +https://github.com/storyline-reader)";
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/storyline.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
