package app.storyline.cli;

import app.storyline.service.UserError;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** One CLI command: its name, usage, options, and what it does. */
abstract class Command {
    final String name;
    final String params;
    final String summary;

    Command(String name, String params, String summary) {
        this.name = name;
        this.params = params;
        this.summary = summary;
    }

    /** The command's own options (global ones are handled by {@link Cli}). */
    Options options() {
        return new Options();
    }

    /** Lines printed under the usage in --help. */
    List<String> details() {
        return List.of();
    }

    abstract int run(Cli cli, CommandLine cl);

    static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).build();
    }

    static Option valued(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).build();
    }

    /** An option's integer value, at least {@code min}, or {@code dflt} when absent. */
    static Integer intOption(CommandLine cl, String name, Integer dflt, int min) {
        String v = cl.getOptionValue(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min) throw new UserError("--" + name + " must be at least " + min);
            return n;
        } catch (NumberFormatException e) {
            throw new UserError("--" + name + " needs a number, not '" + v + "'");
        }
    }

    static Long longOption(CommandLine cl, String name) {
        String v = cl.getOptionValue(name);
        if (v == null) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UserError("--" + name + " needs a number, not '" + v + "'");
        }
    }

    /** Exactly {@code n} positional arguments, or at least one when {@code n} is -1. */
    static List<String> args(CommandLine cl, int n, String what) {
        List<String> a = cl.getArgList();
        if (n == -1 && a.isEmpty()) throw new UserError("missing " + what);
        if (n >= 0 && a.size() < n) throw new UserError("missing " + what);
        if (n >= 0 && a.size() > n) throw new UserError("unexpected argument: " + a.get(n));
        return a;
    }

    void printHelp(PrintWriter out) {
        out.println("Usage: storyline " + name + (params.isEmpty() ? "" : " " + params) + " [--data DIR] [--json]");
        out.println(summary);
        for (String d : details()) out.println(d);
        out.println();
        out.println("Options:");
        for (Option o : options().getOptions()) {
            String left = "--" + o.getLongOpt() + (o.hasArg() ? " " + o.getArgName() : "");
            out.printf(Locale.ROOT, "  %-24s %s%n", left, o.getDescription());
        }
        out.printf(Locale.ROOT, "  %-24s %s%n", "--data DIR", "Data folder (default: $STORYLINE_HOME, else the per-user data folder).");
        out.printf(Locale.ROOT, "  %-24s %s%n", "--json", "Machine-readable output.");
        out.printf(Locale.ROOT, "  %-24s %s%n", "-h, --help", "Show this help.");
    }
}
