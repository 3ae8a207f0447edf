package triage.kbcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Writes a short string a regular expression may match: the first alternative of every choice, the
 * fewest repetitions of every quantifier (one for {@code +}), a representative character for every
 * class; lookarounds and anchors produce nothing. Used to name a file a {@code files:} gate admits.
 * It is a guess: callers check the result against the expression and have a fallback.
 */
final class RegexSample {

    private final String regex;
    /** Whether a word boundary writes a space (joining two words) or nothing. */
    private final boolean boundaryAsSpace;
    private int pos;

    private RegexSample(String regex, boolean boundaryAsSpace) {
        this.regex = regex;
        this.boundaryAsSpace = boundaryAsSpace;
    }

    /** Candidate strings: one for the whole expression, then one per top-level alternative. */
    static List<String> candidates(String regex) {
        List<String> out = new ArrayList<>();
        for (boolean boundaryAsSpace : new boolean[] {false, true}) {
            try {
                out.add(new RegexSample(regex, boundaryAsSpace).alternation(true).get(0));
                out.addAll(new RegexSample(regex, boundaryAsSpace).alternation(false));
            } catch (RuntimeException e) {
                // a construct this writer does not know: no guess
            }
        }
        return out;
    }

    /**
     * Parses alternatives up to the closing parenthesis or the end; with {@code firstOnly} the sample
     * of the first one, otherwise the sample of each.
     */
    private List<String> alternation(boolean firstOnly) {
        List<String> samples = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == ')') {
                break;
            }
            if (c == '|') {
                pos++;
                samples.add(current.toString());
                current = new StringBuilder();
                continue;
            }
            String atom = atom();
            int times = quantifier();
            current.append(atom.repeat(times));
        }
        samples.add(current.toString());
        return firstOnly ? List.of(samples.get(0)) : samples;
    }

    private String atom() {
        char c = regex.charAt(pos++);
        switch (c) {
            case '^', '$' -> {
                return "";
            }
            case '.' -> {
                return "x";
            }
            case '\\' -> {
                return escape();
            }
            case '[' -> {
                return characterClass();
            }
            case '(' -> {
                return group();
            }
            default -> {
                return String.valueOf(c);
            }
        }
    }

    private String group() {
        boolean produces = true;
        if (regex.startsWith("?", pos)) {
            pos++;
            if (regex.startsWith("=", pos) || regex.startsWith("!", pos)) {
                pos++;
                produces = false;
            } else if (regex.startsWith("<=", pos) || regex.startsWith("<!", pos)) {
                pos += 2;
                produces = false;
            } else if (regex.startsWith("<", pos)) {
                pos = regex.indexOf('>', pos) + 1;
            } else {
                // (?:  (?>  (?i)  (?i:  (?-i)
                while (pos < regex.length() && regex.charAt(pos) != ':' && regex.charAt(pos) != ')'
                        && regex.charAt(pos) != '>') {
                    pos++;
                }
                if (regex.charAt(pos) == ')') {
                    pos++;
                    return ""; // inline flags
                }
                pos++;
            }
        }
        String inner = alternation(true).get(0);
        expect(')');
        return produces ? inner : "";
    }

    private String escape() {
        char c = regex.charAt(pos++);
        return switch (c) {
            case 's' -> " ";
            case 'S', 'D', 'W' -> c == 'W' ? " " : "x";
            case 'w' -> "a";
            case 'd' -> "0";
            case 'b' -> boundaryAsSpace ? " " : "";
            case 'B', 'A', 'z', 'Z', 'G' -> "";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'p', 'P' -> {
                if (regex.charAt(pos) == '{') {
                    pos = regex.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
                yield "a";
            }
            case 'Q' -> {
                int end = regex.indexOf("\\E", pos);
                String literal = end < 0 ? regex.substring(pos) : regex.substring(pos, end);
                pos = end < 0 ? regex.length() : end + 2;
                yield literal;
            }
            case 'x' -> {
                String hex = regex.substring(pos, pos + 2);
                pos += 2;
                yield String.valueOf((char) Integer.parseInt(hex, 16));
            }
            case 'u' -> {
                String hex = regex.substring(pos, pos + 4);
                pos += 4;
                yield String.valueOf((char) Integer.parseInt(hex, 16));
            }
            default -> {
                if (Character.isDigit(c)) {
                    throw new IllegalArgumentException("back reference");
                }
                yield String.valueOf(c);
            }
        };
    }

    /** The first printable character the class admits, tried against the class itself. */
    private String characterClass() {
        int start = pos - 1;
        int depth = 1;
        if (regex.startsWith("^", pos)) {
            pos++;
        }
        if (regex.startsWith("]", pos)) {
            pos++;
        }
        while (depth > 0) {
            char c = regex.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
        Pattern cls;
        try {
            cls = Pattern.compile(regex.substring(start, pos));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        String preferred = "ax0 _-./:";
        for (char ch : preferred.toCharArray()) {
            if (cls.matcher(String.valueOf(ch)).matches()) {
                return String.valueOf(ch);
            }
        }
        for (char ch = ' '; ch < 127; ch++) {
            if (cls.matcher(String.valueOf(ch)).matches()) {
                return String.valueOf(ch);
            }
        }
        throw new IllegalArgumentException("no printable character in " + cls);
    }

    /** How many times to repeat the atom just read: the least the quantifier allows. */
    private int quantifier() {
        if (pos >= regex.length()) {
            return 1;
        }
        char c = regex.charAt(pos);
        int times;
        if (c == '*' || c == '?') {
            pos++;
            times = 0;
        } else if (c == '+') {
            pos++;
            times = 1;
        } else if (c == '{' && pos + 1 < regex.length() && Character.isDigit(regex.charAt(pos + 1))) {
            int end = regex.indexOf('}', pos);
            String body = regex.substring(pos + 1, end);
            int comma = body.indexOf(',');
            times = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            pos = end + 1;
        } else {
            return 1;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive
        }
        return times;
    }

    private void expect(char c) {
        if (pos >= regex.length() || regex.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos);
        }
        pos++;
    }
}
