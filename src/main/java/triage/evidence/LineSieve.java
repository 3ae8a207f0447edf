package triage.evidence;

/**
 * Tells, from a line's bytes alone, the lines of a text file nothing can come of: no pattern's keyword
 * occurs in them, and they cannot be a prompt, a table's header or rule, a Prometheus sample, a JSON
 * document or a compose prefix before one of those. Most lines of a routine log are such lines; the
 * reader passes over them without decoding them. Any doubt (a non-ASCII byte, a keyword in a pattern
 * another file's gate shuts out) sends a line to be read in full, so that what is found is exactly what
 * reading every line finds.
 */
final class LineSieve {

    enum Verdict {
        /** Only whitespace: the reader passes over it as it does over blank lines. */
        BLANK,
        /** Nothing can come of it; it is still the line a psql rule below would take for its header. */
        PASS_OVER,
        /** Nothing can come of it but its time, which starts the line (the derived evidence keeps each source's time order). */
        TIMED,
        /** To be read in full. */
        READ
    }

    /** Words by which {@link Tables} knows a table's header (case-sensitive there too). */
    private static final byte[][] HEADER_WORDS = {bytes("PID"), bytes("NAME"), bytes("CONTAINER"), bytes("Filesystem"),
            bytes("Recv-Q")};

    private final Recognizer recognizer;

    LineSieve(Recognizer recognizer) {
        this.recognizer = recognizer;
    }

    /** The verdict on the bytes {@code [from, to)} of a line outside any table, in any context. */
    Verdict judge(byte[] b, int from, int to) {
        return judge(b, from, to, true);
    }

    /**
     * The verdict on the bytes {@code [from, to)} of a line outside any table, read in a context where a
     * pattern gated on {@code files:} applies ({@code gatedAdmitted}) or none does (gate first: only the
     * ungated patterns' keywords then count, see {@link Recognizer#admitsGated}).
     */
    Verdict judge(byte[] b, int from, int to, boolean gatedAdmitted) {
        boolean blank = true;
        boolean upper = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < 0) {
                return Verdict.READ;
            }
            if (blank && !Character.isWhitespace(c)) {
                blank = false;
            }
            upper |= c >= 'C' && c <= 'R';
        }
        if (blank) {
            return Verdict.BLANK;
        }
        if (recognizer.mayMatch(b, from, to, gatedAdmitted) || upper && hasHeaderWord(b, from, to)) {
            return Verdict.READ;
        }
        int first = skipWhitespace(b, from, to);
        if (b[first] == '-') {
            return Verdict.READ; // a psql rule or expanded record
        }
        int content = afterComposePrefix(b, from, to);
        if (content < 0) {
            return Verdict.READ;
        }
        int start = skipWhitespace(b, content, to);
        if (start == to) {
            return Verdict.PASS_OVER; // a compose prefix with nothing after it
        }
        if (mayBeJson(b, start, to) || mayBePrompt(b, content, to) || mayBeSample(b, content, to)) {
            return Verdict.READ;
        }
        if (Timestamps.mayStartWithTime(b, content, to)) {
            return Verdict.TIMED;
        }
        return Verdict.PASS_OVER;
    }

    /** As {@code JsonLine.flatten} tells a JSON line: an object or an array, from its first to its last non-blank character. */
    private static boolean mayBeJson(byte[] b, int start, int to) {
        int last = to - 1;
        while (last > start && Character.isWhitespace(b[last])) {
            last--;
        }
        return b[start] == '{' && b[last] == '}' || b[start] == '[' && b[last] == ']';
    }

    private static boolean hasHeaderWord(byte[] b, int from, int to) {
        for (byte[] w : HEADER_WORDS) {
            outer:
            for (int i = from; i <= to - w.length; i++) {
                for (int j = 0; j < w.length; j++) {
                    if (b[i + j] != w[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Where the text after a compose prefix ({@code service-1  | text}) begins, as {@code TextReader}'s
     * regex finds it; {@code from} when there is none; -1 when unsure.
     */
    static int afterComposePrefix(byte[] b, int from, int to) {
        int i = composeNameEnd(b, from, to);
        if (i == from) {
            return from;
        }
        int spaces = i;
        while (i < to && isRegexSpace(b[i])) {
            i++;
        }
        if (i == spaces || i >= to || b[i] != '|') {
            return from;
        }
        i++;
        if (i < to && isRegexSpace(b[i])) {
            i++;
        }
        return i;
    }

    /** The end of the service name a compose prefix starts with ({@code [A-Za-z0-9][\w.-]*}), or {@code from} when none. */
    static int composeNameEnd(byte[] b, int from, int to) {
        int i = from;
        if (i >= to || !isAlnum(b[i])) {
            return from;
        }
        while (i < to && (isAlnum(b[i]) || b[i] == '_' || b[i] == '.' || b[i] == '-')) {
            i++;
        }
        return i;
    }

    /** As {@code TextReader.mayBePrompt}: a '$', '#' or '>' followed by a space, early in the line. */
    private static boolean mayBePrompt(byte[] b, int from, int to) {
        int limit = Math.min(to, from + 120);
        for (int i = from; i < limit - 1; i++) {
            byte c = b[i];
            if ((c == '$' || c == '#' || c == '>') && b[i + 1] == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * A superset of the Prometheus sample shape {@code TextReader} parses: a metric name, labels, then at
     * most two tokens (the value and a timestamp) before the end.
     */
    private static boolean mayBeSample(byte[] b, int from, int to) {
        byte first = b[from];
        byte last = b[to - 1];
        if (!(Character.isLetter(first) || first == '_' || first == ':')
                || !(last >= '0' && last <= '9' || last == 'N' || last == 'f')) {
            return false;
        }
        int i = from;
        while (i < to && (isAlnum(b[i]) || b[i] == '_' || b[i] == ':')) {
            i++;
        }
        if (i < to && b[i] == '{') {
            return true;
        }
        for (int token = 0; token < 2; token++) {
            int spaces = i;
            while (i < to && isRegexSpace(b[i])) {
                i++;
            }
            if (i == to) {
                return token > 0;
            }
            if (i == spaces) {
                return false;
            }
            while (i < to && !isRegexSpace(b[i])) {
                i++;
            }
        }
        while (i < to && isRegexSpace(b[i])) {
            i++;
        }
        return i == to;
    }

    private static int skipWhitespace(byte[] b, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isAlnum(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** What {@code \s} matches in the reader's regexes (no Unicode classes). */
    static boolean isRegexSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
