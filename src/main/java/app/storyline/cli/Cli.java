package app.storyline.cli;

import app.storyline.index.QuerySyntaxException;
import app.storyline.service.Library;
import app.storyline.service.UserError;
import app.storyline.service.Version;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

/**
 * The command line over the same services as the GUI. Global options (--data, --json, --help,
 * --version) are accepted before or after the command name. Exit codes: 0 success (also when some
 * feeds failed: each failure is reported), 1 user error, 2 internal error.
 */
public final class Cli {
    static final List<Command> COMMANDS = List.of(
            new FeedCommands.Subscribe(), new FeedCommands.Import(), new FeedCommands.Export(), new FeedCommands.Feeds(),
            new FeedCommands.Refresh(), new FeedCommands.Parse(), new ArticleCommands.Articles(), new ArticleCommands.SearchCmd(),
            new ArticleCommands.Show(), new ArticleCommands.Reindex(), new StoryCommands.RelatedCmd(), new StoryCommands.Stories(), new StoryCommands.StoryCmd(),
            new StoryCommands.Follow(true), new StoryCommands.Follow(false), new StoryCommands.Followed(),
            new RelatedCommands.Eval(), new SelftestCommand(), new BenchCommand());

    final PrintWriter out;
    final PrintWriter err;
    boolean json;
    private Path data;
    private final Supplier<Path> defaultData;

    private Cli(PrintWriter out, PrintWriter err, Supplier<Path> defaultData) {
        this.out = out;
        this.err = err;
        this.defaultData = defaultData;
    }

    /** Runs one command line and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<Path> defaultData) {
        Cli cli = new Cli(out, err, defaultData);
        try {
            return cli.dispatch(args);
        } catch (UserError | QuerySyntaxException e) {
            err.println("storyline: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("storyline: internal error: " + e);
            for (StackTraceElement s : e.getStackTrace()) {
                if (s.getClassName().startsWith("app.storyline")) {
                    err.println("    at " + s);
                    break;
                }
            }
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(String[] args) {
        Command command = null;
        boolean help = false;
        boolean version = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--data") || a.startsWith("--data=")) {
                String v = a.equals("--data") ? (i + 1 < args.length ? args[++i] : null) : a.substring(7);
                if (v == null || v.isBlank()) throw new UserError("--data needs a folder");
                try {
                    data = Path.of(v);
                } catch (InvalidPathException e) {
                    throw new UserError("--data: not a valid path: " + v);
                }
            } else if (a.equals("--help") || a.equals("-h")) {
                help = true;
            } else if (a.equals("--version") || a.equals("-V")) {
                version = true;
            } else if (command == null && !a.startsWith("-")) {
                command = find(a);
            } else {
                rest.add(a);
            }
        }
        if (version && command == null) {
            out.println("storyline " + Version.current());
            return 0;
        }
        if (command == null) {
            if (help) {
                printHelp();
                return 0;
            }
            if (rest.isEmpty()) throw new UserError("a command is needed; see 'storyline --help'");
            throw new UserError("unknown option " + rest.get(0) + "; see 'storyline --help'");
        }
        if (help) {
            command.printHelp(out);
            return 0;
        }
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(command.options(), rest.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UserError(e.getMessage() + "; see 'storyline " + command.name + " --help'");
        }
        return command.run(this, cl);
    }

    private static Command find(String name) {
        for (Command c : COMMANDS) if (c.name.equals(name)) return c;
        throw new UserError("unknown command '" + name + "'; see 'storyline --help'");
    }

    private void printHelp() {
        out.println("Usage: storyline [COMMAND] [OPTIONS]   (no command opens the window)");
        out.println("Storyline: an offline news reader with search, related articles and stories.");
        out.println();
        out.println("Commands:");
        for (Command c : COMMANDS) out.printf(Locale.ROOT, "  %-11s %s%n", c.name, c.summary);
        out.println();
        out.println("Global options: --data DIR, --json (before or after the command), --help, --version.");
        out.println("Exit codes: 0 success (failed feeds are reported), 1 user error, 2 internal error.");
    }

    Library open() {
        return Library.open(dataDir());
    }

    boolean hasExplicitData() {
        return data != null;
    }

    Path dataDir() {
        return data != null ? data : defaultData.get();
    }
}
