package app.storyline.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Storyline keeps its data: $STORYLINE_HOME, else the per-user data folder of the OS. */
final class Paths {
    private Paths() {}

    /** Rebuildable files (native libraries, caches): never the user's data. */
    static Path cacheDir() {
        var env = System.getenv();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home", ".");
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local == null || local.isBlank() ? Path.of(home, "AppData", "Local", "Storyline", "cache") : Path.of(local, "Storyline", "cache");
        }
        if (os.startsWith("mac")) return Path.of(home, "Library", "Caches", "Storyline");
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "storyline");
        return Path.of(home, ".cache", "storyline");
    }

    static Path defaultDataDir() {
        return defaultDataDir(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path defaultDataDir(Map<String, String> env, String osName, String home) {
        String explicit = env.get("STORYLINE_HOME");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            if (local == null || local.isBlank()) local = env.get("APPDATA");
            return local == null || local.isBlank() ? Path.of(home, "AppData", "Local", "Storyline") : Path.of(local, "Storyline");
        }
        if (os.startsWith("mac")) return Path.of(home, "Library", "Application Support", "Storyline");
        String xdg = env.get("XDG_DATA_HOME");
        // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "storyline");
        return Path.of(home, ".local", "share", "storyline");
    }
}
