package triage.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a line must also meet for a keyword found in it to count (see {@link KeywordIndex}). Checked only
 * where a keyword occurs, on the whole line: as ASCII bytes (the sieve) or as text (recognition), with the
 * same answer for the same ASCII line.
 */
interface LineCondition {

    boolean holds(byte[] text, int from, int to);

    boolean holds(CharSequence text);

    /** Every one of the (lower-case ASCII) parts occurs in the line, ignoring case; null for no parts. */
    static LineCondition contains(String... parts) {
        if (parts.length == 0) {
            return null;
        }
        byte[][] needles = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            needles[i] = parts[i].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        }
        return new LineCondition() {
            @Override
            public boolean holds(byte[] text, int from, int to) {
                for (byte[] n : needles) {
                    if (indexOf(text, from, to, n) < 0) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public boolean holds(CharSequence text) {
                for (byte[] n : needles) {
                    if (indexOf(text, n) < 0) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    /** Both conditions (either may be null: nothing to meet). */
    static LineCondition allOf(LineCondition a, LineCondition b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new LineCondition() {
            @Override
            public boolean holds(byte[] text, int from, int to) {
                return a.holds(text, from, to) && b.holds(text, from, to);
            }

            @Override
            public boolean holds(CharSequence text) {
                return a.holds(text) && b.holds(text);
            }
        };
    }

    /** Where the lower-case ASCII needle occurs, ignoring case, in {@code [from, to)}, searching from {@code from}; -1 when nowhere. */
    static int indexOf(byte[] text, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                int c = text[i + j];
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (c != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The same over text (characters beyond ASCII never match an ASCII needle). */
    static int indexOf(CharSequence text, byte[] needle) {
        return indexOf(text, 0, needle);
    }

    static int indexOf(CharSequence text, int from, byte[] needle) {
        outer:
        for (int i = from; i <= text.length() - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                int c = text.charAt(i + j);
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (c != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
