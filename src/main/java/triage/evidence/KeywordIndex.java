package triage.evidence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Finds, in one pass over a line, which of many keywords it contains, and so which recognition
 * patterns are worth running on it: an Aho-Corasick automaton compiled to a transition table over
 * lower-cased ASCII (other characters reset the match). This keeps the cost of a line nearly
 * independent of how many patterns the knowledge base has.
 */
final class KeywordIndex {

    private static final int ALPHABET = 128;

    /** delta[state * ALPHABET + c]: the next state. */
    private final int[] delta;
    /** The patterns whose keyword ends at each state (including through failure links). */
    private final int[][] output;
    /** Whether some keyword ends at each state. */
    private final boolean[] accepting;

    /** @param keywordsByPattern for each pattern index, its keywords */
    KeywordIndex(List<List<String>> keywordsByPattern) {
        List<int[]> goTo = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        goTo.add(newRow());
        out.add(new int[0]);
        for (int p = 0; p < keywordsByPattern.size(); p++) {
            for (String raw : keywordsByPattern.get(p)) {
                String k = raw.toLowerCase(Locale.ROOT);
                if (k.isEmpty() || !k.chars().allMatch(c -> c < ALPHABET)) {
                    continue; // a non-ASCII keyword could never be reached; kb authors use ASCII
                }
                int s = 0;
                for (int i = 0; i < k.length(); i++) {
                    int c = k.charAt(i);
                    if (goTo.get(s)[c] < 0) {
                        goTo.get(s)[c] = goTo.size();
                        goTo.add(newRow());
                        out.add(new int[0]);
                    }
                    s = goTo.get(s)[c];
                }
                out.set(s, append(out.get(s), p));
            }
        }
        int states = goTo.size();
        int[] fail = new int[states];
        delta = new int[states * ALPHABET];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int s = goTo.get(0)[c];
            delta[c] = Math.max(s, 0);
            if (s > 0) {
                fail[s] = 0;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int r = queue.poll();
            out.set(r, merge(out.get(r), out.get(fail[r])));
            for (int c = 0; c < ALPHABET; c++) {
                int s = goTo.get(r)[c];
                if (s >= 0) {
                    fail[s] = delta[fail[r] * ALPHABET + c];
                    delta[r * ALPHABET + c] = s;
                    queue.add(s);
                } else {
                    delta[r * ALPHABET + c] = delta[fail[r] * ALPHABET + c];
                }
            }
        }
        output = out.toArray(new int[0][]);
        accepting = new boolean[states];
        for (int s = 0; s < states; s++) {
            accepting[s] = output[s].length > 0;
        }
    }

    /**
     * Whether some keyword occurs in the bytes {@code [from, to)} of ASCII text: the same answer as a
     * non-empty {@link #match}, without making a String of them or lower-casing them.
     */
    boolean occursIn(byte[] text, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            int c = text[i];
            if (c < 0) {
                s = 0; // not ASCII: as match() does with characters beyond it
                continue;
            }
            s = delta[(s << 7) + LOWER[c]];
            if (accepting[s]) {
                return true;
            }
        }
        return false;
    }

    private static final int[] LOWER = new int[ALPHABET];

    static {
        for (int c = 0; c < ALPHABET; c++) {
            LOWER[c] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
    }

    /** Sets, in {@code hits}, the index of every pattern one of whose keywords occurs in the text. */
    void match(CharSequence text, BitSet hits) {
        int s = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (c >= ALPHABET) {
                s = 0;
                continue;
            }
            s = delta[s * ALPHABET + c];
            int[] found = output[s];
            for (int p : found) {
                hits.set(p);
            }
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] append(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return a;
            }
        }
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static int[] merge(int[] a, int[] b) {
        int[] r = a;
        for (int v : b) {
            r = append(r, v);
        }
        return r;
    }
}
