package triage.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tables command outputs print, by their header: {@code psql} (aligned, with its
 * {@code ---+---} rule, and expanded {@code -[ RECORD 1 ]-} records), {@code ps}/{@code ps aux}/
 * {@code ps -eo}, {@code top}, {@code df}, {@code ss -tan}, {@code docker stats} and {@code docker ps}.
 * Each row becomes {@code column: value} records, as JSON is flattened, so that patterns match a
 * column's value whatever the column order and whatever other columns are shown.
 *
 * <p>One instance per file: it follows the table the lines are in. Fed every raw line in order.
 */
final class Tables {

    /** The kinds of whitespace-separated tables, and the columns by which their header is known. */
    private enum Kind { PROCESSES, DISK, SOCKETS, ALIGNED_BY_POSITION }

    /** Column names of more than one word, joined before a header is split on whitespace. */
    private static final List<String> MULTI_WORD = List.of("Mounted on", "Local Address:Port", "Peer Address:Port",
            "CONTAINER ID", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O");
    private static final Set<String> PROCESS_COMMAND = Set.of("COMMAND", "CMD", "ARGS", "COMM");
    private static final Pattern PSQL_RULE = Pattern.compile("^-+(?:\\+-+)*$");
    private static final Pattern PSQL_RECORD = Pattern.compile("^-\\[ RECORD \\d+ \\]-*(?:\\+-*)?$");
    private static final Pattern PSQL_FOOTER = Pattern.compile("^\\(\\d+ rows?\\)$");
    /** Interpreters and launchers whose own name says nothing of what runs: the script or module does. */
    private static final Pattern INTERPRETER = Pattern.compile(
            "^(?:python[\\d.]*|pypy[\\d.]*|node|nodejs|java|ruby|perl|php|bash|sh|dash|zsh|uv|poetry|pipenv|gunicorn|uvicorn|celery|nohup|exec|env|sudo|setsid|taskset|nice|ionice|chrt|numactl)$");

    private String previous;
    private Kind kind;
    private List<String> columns;
    private int[] starts;
    private boolean psqlAligned;
    private boolean psqlExpanded;

    /**
     * Feeds the next raw line of the file.
     *
     * @return the {@code column: value} records the line shows as a table row; empty for a header,
     * a rule or a line outside any table
     */
    List<String> feed(String raw) {
        String line = raw.stripTrailing();
        String prev = previous;
        previous = line;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '(' && PSQL_FOOTER.matcher(trimmed).matches()) {
            end();
            return List.of();
        }
        if (trimmed.charAt(0) == '-') {
            if (PSQL_RECORD.matcher(trimmed).matches()) {
                end();
                psqlExpanded = true;
                return List.of();
            }
            // the rule under a psql header: dashes joined by '+', or dashes alone under a single column
            boolean rule = PSQL_RULE.matcher(trimmed).matches() && (trimmed.indexOf('+') > 0 || trimmed.length() >= 3);
            if (rule && prev != null && !prev.isBlank() && (prev.indexOf('|') > 0 || prev.strip().indexOf(' ') < 0)) {
                end();
                psqlAligned = true;
                columns = new ArrayList<>();
                for (String c : prev.split("\\|", -1)) {
                    columns.add(c.strip());
                }
                return List.of();
            }
        }
        if (psqlExpanded) {
            int bar = line.indexOf('|');
            if (bar <= 0) {
                end();
                return List.of();
            }
            return List.of(line.substring(0, bar).strip() + ": " + line.substring(bar + 1).strip());
        }
        if (psqlAligned) {
            String[] cells = line.split("\\|", columns.size());
            if (cells.length != columns.size()) {
                end();
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                out.add(columns.get(i) + ": " + cells[i].strip());
            }
            return out;
        }
        if (kind != null) {
            List<String> row = kind == Kind.ALIGNED_BY_POSITION ? byPosition(line) : byWhitespace(line);
            if (row == null) {
                end();
            } else {
                return row;
            }
        }
        header(line);
        return List.of();
    }

    /** Outside any table: the next line matters only if it is a header or a rule. */
    boolean idle() {
        return kind == null && !psqlAligned && !psqlExpanded;
    }

    /** A line passed over without being fed (see {@link LineSieve}): still the header a psql rule below it would take. */
    void passedOver(String raw) {
        previous = raw.stripTrailing();
    }

    /** Inside a psql table or record: a {@code |} separates columns, it is no compose prefix. */
    boolean inPsql() {
        return psqlAligned || psqlExpanded;
    }

    /** A prompt or another command's output begins: whatever table was open is closed. */
    void end() {
        kind = null;
        columns = null;
        starts = null;
        psqlAligned = false;
        psqlExpanded = false;
    }

    private void header(String line) {
        if (line.length() > 400 || !(line.contains("PID") || line.contains("Filesystem") || line.contains("Recv-Q")
                || line.contains("NAME") || line.contains("CONTAINER"))) {
            return; // most lines of a log: no header, and this is on every line's path
        }
        String joined = line.strip();
        for (String m : MULTI_WORD) {
            if (joined.contains(m)) {
                // a whole column name only: "CPU %" is not the end of "%CPU %MEM"
                joined = joined.replaceAll("(?<=^|\\s)" + Pattern.quote(m) + "(?=\\s|$)", m.replace(' ', '\u00a0'));
            }
        }
        List<String> names = new ArrayList<>();
        for (String t : joined.split("\\s+")) {
            names.add(t.replace('\u00a0', ' '));
        }
        Set<String> upper = new java.util.HashSet<>();
        names.forEach(n -> upper.add(n.toUpperCase(Locale.ROOT)));
        Kind k = null;
        if (upper.contains("PID") && upper.stream().anyMatch(PROCESS_COMMAND::contains)) {
            k = Kind.PROCESSES;
        } else if (upper.contains("FILESYSTEM") && (upper.contains("USE%") || upper.contains("IUSE%") || upper.contains("CAPACITY"))) {
            k = Kind.DISK;
        } else if (upper.contains("RECV-Q") && upper.contains("SEND-Q")) {
            k = Kind.SOCKETS;
        } else if ((upper.contains("CONTAINER ID") || upper.contains("NAME")) && (upper.contains("CPU %") || upper.contains("STATUS") && (upper.contains("IMAGE") || upper.contains("SERVICE")))) {
            k = Kind.ALIGNED_BY_POSITION;
        }
        if (k == null || names.size() < 3) {
            return;
        }
        kind = k;
        columns = names;
        if (k == Kind.ALIGNED_BY_POSITION) {
            starts = new int[names.size()];
            int from = 0;
            for (int i = 0; i < names.size(); i++) {
                starts[i] = line.indexOf(names.get(i), from);
                from = starts[i] + names.get(i).length();
            }
        }
    }

    /** Whitespace-separated cells; the last column (a command, a process, a mount point) takes the rest. */
    private List<String> byWhitespace(String line) {
        String[] cells = line.strip().split("\\s+", columns.size());
        if (cells.length < columns.size() - (kind == Kind.SOCKETS ? 1 : 0)) {
            return null; // ss prints no Process cell for sockets it cannot attribute
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            out.add(columns.get(i) + ": " + cells[i]);
            if (kind == Kind.PROCESSES && PROCESS_COMMAND.contains(columns.get(i).toUpperCase(Locale.ROOT))) {
                out.add("program: " + program(cells[i]));
            }
        }
        return out;
    }

    /** Cells under their header, for left-aligned tables whose values hold spaces (docker stats). */
    private List<String> byPosition(String line) {
        if (starts.length > 1 && line.length() <= starts[1]) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int from = Math.min(starts[i], line.length());
            int to = i + 1 < starts.length ? Math.min(starts[i + 1], line.length()) : line.length();
            out.add(columns.get(i) + ": " + line.substring(from, Math.max(from, to)).strip());
        }
        return out;
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\S+");

    /**
     * What a command line runs: the script, module or jar an interpreter was given, else the
     * executable; by base name ({@code python3 -u /opt/x/job.py --flag} runs {@code job.py}).
     */
    static String program(String command) {
        Matcher m = ARGUMENT.matcher(command);
        String executable = null;
        boolean moduleNext = false;
        while (m.find()) {
            String arg = m.group();
            String base = arg.substring(arg.lastIndexOf('/') + 1);
            if (moduleNext) {
                return base;
            }
            if (executable == null) {
                executable = base;
                if (!INTERPRETER.matcher(base).matches()) {
                    return base;
                }
                continue;
            }
            if (arg.equals("-m") || arg.equals("-jar")) {
                moduleNext = true;
            } else if (arg.startsWith("-") || arg.contains("=") && !arg.contains("/")) {
                continue; // an option of the interpreter (or env's NAME=value)
            } else if (INTERPRETER.matcher(base).matches()) {
                continue; // sudo python3 ..., env python3 ..., nohup uv run ...
            } else if (!base.equals("run")) {
                return base;
            }
        }
        return executable == null ? "" : executable;
    }
}
