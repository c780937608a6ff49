package app.storyline.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * sqlite-jdbc copies its native library out of the jar into a new temporary file on every start
 * (a tenth of a second). We copy it once into the cache folder, named by its checksum, and point the
 * driver at that copy. The driver's own classes are not touched here (their start-up checks cost
 * another 50 ms); for a platform we do not recognise the driver simply loads the library its own way.
 */
final class NativeLibraries {
    private NativeLibraries() {}

    static void useCachedSqlite(Path cacheDir) {
        if (System.getProperty("org.sqlite.lib.path") != null) return;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        String folder = os.startsWith("linux") ? "Linux" : os.startsWith("mac") ? "Mac" : os.startsWith("windows") ? "Windows" : null;
        if (arch == null || folder == null || os.startsWith("linux") && Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))) return;
        String name = folder.equals("Windows") ? "sqlitejdbc.dll" : folder.equals("Mac") ? "libsqlitejdbc.dylib" : "libsqlitejdbc.so";
        URL url = NativeLibraries.class.getResource("/org/sqlite/native/" + folder + "/" + arch + "/" + name);
        if (url == null) return;
        try {
            URLConnection connection = url.openConnection();
            String version = connection instanceof JarURLConnection jar ? Long.toHexString(jar.getJarEntry().getCrc()) : "dev";
            Path dir = cacheDir.resolve("native").resolve("sqlite-" + version);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, name, ".part");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // The driver still works without the cache: it extracts the library itself.
        }
    }
}
