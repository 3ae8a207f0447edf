package triage.evidence;

import triage.knowledge.PatternDef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value-aware pre-filter for a threshold pattern: the pattern yields a sighting only when its value is
 * at least {@code min}, and its regex puts the value right after a literal token (and separators such as
 * {@code :}, {@code =}, quotes or spaces), as in {@code p99_latency_us:\s*(?<value>\d+)}. A line where every
 * occurrence of the token is followed by a smaller number (or by none) cannot give a sighting, so the
 * pattern's keywords do not count in it: the number is read where the token occurs, without the regex.
 *
 * <p>Derived from the regex, and only where that is sound: a single {@code value} group of digits
 * ({@code \d+}, optionally {@code (?:\.\d+)?}), no {@code unit} group, a {@code min} without a {@code max},
 * not an absence pattern. Reading the longest number after the token gives the largest value the regex
 * could capture there (backtracking only shortens it), so a number below {@code min} rules the place out.
 */
final class ValueGate implements LineCondition {

    /** Separators a regex may put between the token and the value, as they are written in it. */
    private static final String[] SEPARATORS = {"\\s*", "\\s+", "\\s?", "[:=]\\s*", "[:=]", "[=:]", "[:= ]*", "[=: ]*",
            "[:=]?", "[=:]?", "[\"]?", "[\"]", "\"?", "\"", ":?", "=?", ":", "=", " "};

    private final byte[][] tokens;
    private final boolean wordStart;
    private final double min;

    private ValueGate(List<String> tokens, boolean wordStart, double min) {
        this.tokens = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        this.wordStart = wordStart;
        this.min = min;
    }

    /** The gate of a pattern, or null when its regex does not allow one. */
    static ValueGate of(PatternDef p) {
        if (p.min() == null || p.max() != null || p.isAbsent()) {
            return null;
        }
        String r = p.regex();
        if (r.matches("(?s).*\\(\\?[a-zA-Z-]*x.*") || r.contains("(?<unit>") || r.contains("\\Q")) {
            return null; // comments mode, or a value converted by its unit
        }
        int v = r.indexOf("(?<value>");
        if (v < 0 || r.indexOf("(?<value>", v + 1) >= 0
                || !(r.startsWith("(?<value>\\d+)", v) || r.startsWith("(?<value>\\d+(?:\\.\\d+)?)", v))) {
            return null;
        }
        int end = v;
        boolean more = true;
        while (more) {
            more = false;
            for (String s : SEPARATORS) {
                if (end >= s.length() && r.startsWith(s, end - s.length()) && !escaped(r, end - s.length())) {
                    end -= s.length();
                    more = true;
                    break;
                }
            }
        }
        List<String> tokens = new ArrayList<>();
        int start;
        if (end > 0 && r.charAt(end - 1) == ')' && !escaped(r, end - 1)) {
            int open = r.lastIndexOf('(', end - 1);
            if (open < 0 || !r.startsWith("(?:", open)) {
                return null;
            }
            for (String alternative : r.substring(open + 3, end - 1).split("\\|", -1)) {
                if (alternative.length() < 3 || !alternative.matches("\\w[\\w ]*")) {
                    return null;
                }
                tokens.add(alternative);
            }
            start = open;
        } else {
            start = end;
            while (start > 0 && isWord(r.charAt(start - 1))) {
                start--;
            }
            if (start < end && escaped(r, start)) {
                if ("bBdDsSwWntrfaeAzZGhHvVR".indexOf(r.charAt(start)) < 0) {
                    return null; // \x41, \u25cf, \0...: an escape that takes the characters after it
                }
                start++; // the escape's letter is not a letter of the token
            }
            String token = r.substring(start, end);
            if (token.length() < 3) {
                return null;
            }
            tokens.add(token);
        }
        if (inClass(r, start)) {
            return null;
        }
        boolean wordStart = start >= 2 && r.startsWith("\\b", start - 2) && !escaped(r, start - 2);
        return new ValueGate(tokens, wordStart, p.min());
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether the character at i is escaped by an odd number of backslashes before it. */
    private static boolean escaped(String r, int i) {
        int n = 0;
        while (i - n - 1 >= 0 && r.charAt(i - n - 1) == '\\') {
            n++;
        }
        return n % 2 == 1;
    }

    /** Whether position i is inside a character class. */
    private static boolean inClass(String r, int i) {
        boolean in = false;
        for (int j = 0; j < i; j++) {
            char c = r.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                in = true;
            } else if (c == ']') {
                in = false;
            }
        }
        return in;
    }

    @Override
    public boolean holds(byte[] text, int from, int to) {
        for (byte[] t : tokens) {
            for (int i = LineCondition.indexOf(text, from, to, t); i >= 0; i = LineCondition.indexOf(text, i + 1, to, t)) {
                if (wordStart && i > from && text[i - 1] >= 0 && isWord((char) text[i - 1])) {
                    continue;
                }
                int j = i + t.length;
                while (j < to && isSeparator(text[j])) {
                    j++;
                }
                int digits = j;
                while (j < to && text[j] >= '0' && text[j] <= '9') {
                    j++;
                }
                if (j == digits) {
                    continue;
                }
                if (j + 1 < to && text[j] == '.' && text[j + 1] >= '0' && text[j + 1] <= '9') {
                    j++;
                    while (j < to && text[j] >= '0' && text[j] <= '9') {
                        j++;
                    }
                }
                if (Double.parseDouble(new String(text, digits, j - digits, StandardCharsets.US_ASCII)) >= min) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean holds(CharSequence text) {
        int to = text.length();
        for (byte[] t : tokens) {
            for (int i = LineCondition.indexOf(text, 0, t); i >= 0; i = LineCondition.indexOf(text, i + 1, t)) {
                if (wordStart && i > 0 && text.charAt(i - 1) < 128 && isWord(text.charAt(i - 1))) {
                    continue; // beyond ASCII, \b is not judged here: the place counts
                }
                int j = i + t.length;
                while (j < to && text.charAt(j) < 128 && isSeparator((byte) text.charAt(j))) {
                    j++;
                }
                int digits = j;
                while (j < to && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                if (j == digits) {
                    continue;
                }
                if (j + 1 < to && text.charAt(j) == '.' && text.charAt(j + 1) >= '0' && text.charAt(j + 1) <= '9') {
                    j++;
                    while (j < to && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                        j++;
                    }
                }
                if (Double.parseDouble(text.subSequence(digits, j).toString()) >= min) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Characters the separators match: what {@code \s} matches, {@code :}, {@code =}, a double quote. */
    private static boolean isSeparator(byte c) {
        return LineSieve.isRegexSpace(c) || c == ':' || c == '=' || c == '"';
    }

    @Override
    public String toString() {
        List<String> t = new ArrayList<>();
        for (byte[] b : tokens) {
            t.add(new String(b, StandardCharsets.US_ASCII));
        }
        return (wordStart ? "\\b" : "") + t + " >= " + min;
    }
}
