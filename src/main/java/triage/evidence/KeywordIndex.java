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
 *
 * <p>A keyword may carry a condition the line must also meet for the keyword to count (see
 * {@link LineCondition}): the other parts of a compound keyword ({@code latency_us && order}: all of them
 * occur in the line), or a pattern's threshold read at a token its regex puts right before the value
 * ({@link ValueGate}). The condition is checked only where the keyword occurs.
 */
final class KeywordIndex {

    private static final int ALPHABET = 128;
    /** What separates the parts of a compound keyword, as written in the knowledge base. */
    static final String AND = " && ";

    /** A keyword of a pattern and what the line must also meet for it to count (null: nothing). */
    record Entry(String keyword, LineCondition condition) {
    }

    private record Conditional(int pattern, LineCondition condition) {
    }

    /** delta[state * ALPHABET + c]: the next state. */
    private final int[] delta;
    /** The patterns whose keyword ends at each state (including through failure links), unconditionally. */
    private final int[][] output;
    /** The patterns whose keyword ends at each state, on a condition. */
    private final Conditional[][] conditional;
    /** Whether some keyword ends unconditionally at each state. */
    private final boolean[] accepting;
    /** Whether some keyword ends on a condition at each state. */
    private final boolean[] onCondition;

    /** @param keywordsByPattern for each pattern index, its keywords (compound ones split on {@link #AND}) */
    KeywordIndex(List<List<String>> keywordsByPattern) {
        this(keywordsByPattern.stream().map(ks -> ks.stream().map(k -> new Entry(k, null)).toList()).toList(), true);
    }

    /** @param entriesByPattern for each pattern index, its keywords, each with the condition on it */
    KeywordIndex(List<List<Entry>> entriesByPattern, boolean withConditions) {
        List<int[]> goTo = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        List<Conditional[]> cond = new ArrayList<>();
        goTo.add(newRow());
        out.add(new int[0]);
        cond.add(new Conditional[0]);
        for (int p = 0; p < entriesByPattern.size(); p++) {
            for (Entry e : entriesByPattern.get(p)) {
                String[] parts = e.keyword().toLowerCase(Locale.ROOT).split(AND, -1);
                String k = parts[0];
                if (k.isEmpty() || !k.chars().allMatch(c -> c < ALPHABET)) {
                    continue; // a non-ASCII keyword could never be reached; kb authors use ASCII
                }
                LineCondition c = LineCondition.allOf(LineCondition.contains(Arrays.copyOfRange(parts, 1, parts.length)),
                        e.condition());
                int s = 0;
                for (int i = 0; i < k.length(); i++) {
                    int ch = k.charAt(i);
                    if (goTo.get(s)[ch] < 0) {
                        goTo.get(s)[ch] = goTo.size();
                        goTo.add(newRow());
                        out.add(new int[0]);
                        cond.add(new Conditional[0]);
                    }
                    s = goTo.get(s)[ch];
                }
                if (c == null) {
                    out.set(s, append(out.get(s), p));
                } else {
                    cond.set(s, append(cond.get(s), new Conditional(p, c)));
                }
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
            Conditional[] mine = cond.get(r);
            for (Conditional x : cond.get(fail[r])) {
                mine = append(mine, x);
            }
            cond.set(r, mine);
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
        conditional = cond.toArray(new Conditional[0][]);
        accepting = new boolean[states];
        onCondition = new boolean[states];
        for (int s = 0; s < states; s++) {
            accepting[s] = output[s].length > 0;
            onCondition[s] = conditional[s].length > 0;
        }
    }

    /**
     * Whether some keyword occurs in the bytes {@code [from, to)} of ASCII text (and meets its condition):
     * the same answer as a non-empty {@link #match}, without making a String of them or lower-casing them.
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
            if (onCondition[s]) {
                for (Conditional x : conditional[s]) {
                    if (x.condition().holds(text, from, to)) {
                        return true;
                    }
                }
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

    /** Sets, in {@code hits}, the index of every pattern one of whose keywords occurs in the text (and meets its condition). */
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
            if (onCondition[s]) {
                for (Conditional x : conditional[s]) {
                    if (!hits.get(x.pattern()) && x.condition().holds(text)) {
                        hits.set(x.pattern());
                    }
                }
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

    private static Conditional[] append(Conditional[] a, Conditional v) {
        for (Conditional x : a) {
            if (x.equals(v)) {
                return a;
            }
        }
        Conditional[] b = Arrays.copyOf(a, a.length + 1);
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
