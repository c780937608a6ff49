package app.storyline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of the command line in process: its exit code and what it wrote. */
record CliRun(int code, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code args}; {@code defaultData} stands in for the per-user data folder. */
    static CliRun of(Path defaultData, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), () -> defaultData);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The output as JSON Lines; a line that is not JSON fails the test. */
    List<JsonNode> lines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (l.isBlank()) continue;
            try {
                nodes.add(JSON.readTree(l));
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }
        return nodes;
    }
}
