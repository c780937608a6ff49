package app.storyline.cli;

import app.storyline.index.QuerySyntaxException;
import app.storyline.service.Library;
import app.storyline.service.UserError;
import app.storyline.service.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line over the same services as the GUI. Exit codes: 0 success (also when some feeds
 * failed: each failure is reported), 1 user error, 2 internal error.
 */
@Command(name = "storyline", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        description = "Storyline: an offline news reader with search, related articles and stories.",
        subcommands = {
            FeedCommands.Subscribe.class, FeedCommands.Import.class, FeedCommands.Export.class,
            FeedCommands.Feeds.class, FeedCommands.Refresh.class, FeedCommands.Parse.class,
            ArticleCommands.Articles.class, ArticleCommands.SearchCmd.class, ArticleCommands.Show.class,
            ArticleCommands.Reindex.class,
            CommandLine.HelpCommand.class
        })
public final class Cli implements Runnable {
    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder (default: $STORYLINE_HOME, else the per-user data folder).")
    Path data;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable output.")
    boolean json;

    final PrintWriter out;
    final PrintWriter err;
    private final Supplier<Path> defaultData;

    Cli(PrintWriter out, PrintWriter err, Supplier<Path> defaultData) {
        this.out = out;
        this.err = err;
        this.defaultData = defaultData;
    }

    /** Runs one command line and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<Path> defaultData) {
        Cli cli = new Cli(out, err, defaultData);
        CommandLine cmd = new CommandLine(cli);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, a) -> {
            err.println("storyline: " + e.getMessage());
            err.println("Try 'storyline " + (e.getCommandLine() == cmd ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return 1;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof UserError || e instanceof QuerySyntaxException) {
                err.println("storyline: " + e.getMessage());
                return 1;
            }
            err.println("storyline: internal error: " + e);
            for (StackTraceElement s : e.getStackTrace()) {
                if (s.getClassName().startsWith("app.storyline")) {
                    err.println("    at " + s);
                    break;
                }
            }
            return 2;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed; see --help");
    }

    Library open() {
        return Library.open(dataDir());
    }

    Path dataDir() {
        if (data != null) return data;
        return defaultData.get();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"storyline " + Version.current()};
        }
    }
}
