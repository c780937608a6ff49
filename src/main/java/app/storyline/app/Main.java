package app.storyline.app;

import app.storyline.cli.Cli;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry point. With no command it opens the window; with a command it runs the CLI and never touches
 * JavaFX (the GUI classes are only loaded on the GUI path).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        NativeLibraries.useCachedSqlite(Paths.cacheDir());
        Path guiData = guiDataDir(args);
        if (guiData != null) {
            Gui.launch(guiData);
            return;
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = Cli.run(args, out, err, Paths::defaultDataDir);
        out.flush();
        System.exit(code);
    }

    /** The data folder for the GUI when the arguments hold no command (nothing, or only --data DIR). */
    static Path guiDataDir(String[] args) {
        if (args.length == 0) return Paths.defaultDataDir();
        if (args.length == 2 && args[0].equals("--data")) return Path.of(args[1]);
        if (args.length == 1 && args[0].startsWith("--data=")) return Path.of(args[0].substring("--data=".length()));
        return null;
    }
}
