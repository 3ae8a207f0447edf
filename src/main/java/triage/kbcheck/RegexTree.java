package triage.kbcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a Java regular expression as far as the checks need it: alternatives, sequences,
 * literal characters, groups and how often each piece must occur. Everything else (classes, {@code .},
 * back references) is an opaque piece that matches something unknown.
 */
final class RegexTree {

    /** One or more alternatives. */
    record Alternation(List<Sequence> alternatives) {
    }

    /** Pieces one after another, and the text they were written as. */
    record Sequence(List<Piece> pieces, String text) {
    }

    enum Kind {
        /** one literal character */
        LITERAL,
        /** a character class, {@code .}, an escape like {@code \d}: some character */
        OPAQUE,
        /** an anchor or a word boundary: consumes nothing */
        ZERO_WIDTH,
        /** a group whose content is part of the match */
        GROUP,
        /** a small character class, as a group of one-character alternatives */
        CLASS,
        /** a positive lookahead: its content is in the line, but not consumed */
        LOOKAHEAD,
        /** a negative lookaround or lookbehind: says nothing the line must contain */
        IGNORED
    }

    /**
     * @param literal the character, for a LITERAL
     * @param group   the content, for groups and lookarounds
     * @param min     the fewest times it must occur
     * @param repeats whether it may occur more than once
     */
    record Piece(Kind kind, char literal, Alternation group, int min, boolean repeats) {
        boolean required() {
            return min >= 1;
        }
    }

    private final String regex;
    private int pos;

    private RegexTree(String regex) {
        this.regex = regex;
    }

    /** Parses an expression that compiles; throws IllegalArgumentException on a construct it does not know. */
    static Alternation parse(String regex) {
        RegexTree t = new RegexTree(regex);
        Alternation a = t.alternation();
        if (t.pos < regex.length()) {
            throw new IllegalArgumentException("unbalanced ) at " + t.pos);
        }
        return a;
    }

    private Alternation alternation() {
        List<Sequence> alternatives = new ArrayList<>();
        int start = pos;
        List<Piece> pieces = new ArrayList<>();
        while (pos < regex.length() && regex.charAt(pos) != ')') {
            if (regex.charAt(pos) == '|') {
                alternatives.add(new Sequence(pieces, regex.substring(start, pos)));
                pos++;
                start = pos;
                pieces = new ArrayList<>();
                continue;
            }
            Piece p = atom();
            if (p != null) {
                pieces.add(quantified(p));
            }
        }
        alternatives.add(new Sequence(pieces, regex.substring(start, pos)));
        return new Alternation(alternatives);
    }

    private Piece atom() {
        char c = regex.charAt(pos++);
        return switch (c) {
            case '^', '$' -> piece(Kind.ZERO_WIDTH);
            case '.' -> piece(Kind.OPAQUE);
            case '[' -> characterClass();
            case '(' -> group();
            case '\\' -> escape();
            default -> new Piece(Kind.LITERAL, c, null, 1, false);
        };
    }

    private static Piece piece(Kind kind) {
        return new Piece(kind, '\0', null, 1, false);
    }

    private Piece group() {
        Kind kind = Kind.GROUP;
        if (regex.startsWith("?", pos)) {
            pos++;
            if (regex.startsWith("=", pos)) {
                pos++;
                kind = Kind.LOOKAHEAD;
            } else if (regex.startsWith("!", pos)) {
                pos++;
                kind = Kind.IGNORED;
            } else if (regex.startsWith("<=", pos) || regex.startsWith("<!", pos)) {
                pos += 2;
                kind = Kind.IGNORED;
            } else if (regex.startsWith("<", pos)) {
                pos = regex.indexOf('>', pos) + 1;
            } else {
                while (regex.charAt(pos) != ':' && regex.charAt(pos) != ')' && regex.charAt(pos) != '>') {
                    pos++;
                }
                if (regex.charAt(pos++) == ')') {
                    return null; // inline flags such as (?i)
                }
            }
        }
        Alternation inner = alternation();
        if (pos >= regex.length()) {
            throw new IllegalArgumentException("unclosed group");
        }
        pos++;
        return new Piece(kind, '\0', inner, 1, false);
    }

    private Piece escape() {
        char c = regex.charAt(pos++);
        switch (c) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                return piece(Kind.ZERO_WIDTH);
            }
            case 'p', 'P' -> {
                if (regex.charAt(pos) == '{') {
                    pos = regex.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
                return piece(Kind.OPAQUE);
            }
            case 'k' -> {
                pos = regex.indexOf('>', pos) + 1;
                return piece(Kind.OPAQUE);
            }
            case 'x' -> {
                char ch = (char) Integer.parseInt(regex.substring(pos, pos + 2), 16);
                pos += 2;
                return new Piece(Kind.LITERAL, ch, null, 1, false);
            }
            case 'u' -> {
                char ch = (char) Integer.parseInt(regex.substring(pos, pos + 4), 16);
                pos += 4;
                return new Piece(Kind.LITERAL, ch, null, 1, false);
            }
            case 'Q' -> {
                int end = regex.indexOf("\\E", pos);
                String literal = end < 0 ? regex.substring(pos) : regex.substring(pos, end);
                pos = end < 0 ? regex.length() : end + 2;
                List<Piece> pieces = new ArrayList<>();
                for (char ch : literal.toCharArray()) {
                    pieces.add(new Piece(Kind.LITERAL, ch, null, 1, false));
                }
                return new Piece(Kind.GROUP, '\0', new Alternation(List.of(new Sequence(pieces, literal))), 1, false);
            }
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    return piece(Kind.OPAQUE); // \d \s \w \t \n \1 ...: a class, a control character, a back reference
                }
                return new Piece(Kind.LITERAL, c, null, 1, false);
            }
        }
    }

    /** A class of up to this many characters is read as a choice between them; a larger one as opaque. */
    private static final int SMALL_CLASS = 10;

    private Piece characterClass() {
        int start = pos;
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
        List<Character> members = members(regex.substring(start, pos - 1));
        if (members == null) {
            return piece(Kind.OPAQUE);
        }
        List<Sequence> choices = new ArrayList<>();
        for (char c : members) {
            choices.add(new Sequence(List.of(new Piece(Kind.LITERAL, c, null, 1, false)), String.valueOf(c)));
        }
        return new Piece(Kind.CLASS, '\0', new Alternation(choices), 1, false);
    }

    /** The characters of a small plain class such as {@code [sz]} or {@code [ _-]}; null for any other class. */
    private static List<Character> members(String body) {
        if (body.isEmpty() || body.startsWith("^") || body.contains("[") || body.contains("&&")) {
            return null;
        }
        List<Character> members = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                char next = body.charAt(++i);
                if (Character.isLetterOrDigit(next)) {
                    return null; // \d, \s, \t...
                }
                members.add(next);
            } else if (c == '-' && i > 0 && i + 1 < body.length()) {
                char from = body.charAt(i - 1);
                char to = body.charAt(++i);
                if (to == '\\' || to - from > SMALL_CLASS) {
                    return null;
                }
                for (char r = (char) (from + 1); r <= to; r++) {
                    members.add(r);
                }
            } else {
                members.add(c);
            }
            if (members.size() > SMALL_CLASS) {
                return null;
            }
        }
        return members;
    }

    private Piece quantified(Piece p) {
        if (pos >= regex.length()) {
            return p;
        }
        char c = regex.charAt(pos);
        int min;
        boolean repeats;
        if (c == '*' || c == '?') {
            min = 0;
            repeats = c == '*';
            pos++;
        } else if (c == '+') {
            min = 1;
            repeats = true;
            pos++;
        } else if (c == '{' && pos + 1 < regex.length() && Character.isDigit(regex.charAt(pos + 1))) {
            int end = regex.indexOf('}', pos);
            String body = regex.substring(pos + 1, end);
            int comma = body.indexOf(',');
            min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            repeats = comma >= 0 || min > 1;
            pos = end + 1;
        } else {
            return p;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++;
        }
        return new Piece(p.kind(), p.literal(), p.group(), min, repeats);
    }
}
