package triage.kbcheck;

import triage.knowledge.KnowledgeBase;
import triage.knowledge.PatternDef;
import triage.knowledge.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds regexes that backtrack catastrophically: each pattern searches adversarial lines written from its
 * own keywords and examples and from runs of one character, at two lengths, under a watchdog that counts
 * the characters the engine reads. Any unanchored search costs up to the square of the line's length
 * (it starts again at every position), so a pattern fails when its work grows faster than that between
 * the two lengths, or runs past a budget well above it. Counting reads instead of timing makes the
 * verdict the same on an idle and on a busy machine. Also rejects the shape that costs most on every
 * line: a leading {@code .*} before an alternation.
 */
public final class BacktrackingCheck {

    /** Lengths of the two lines: long enough that growth shows, short enough that a quadratic search is cheap. */
    static final int SHORT = 200;
    static final int LONG = 800;
    /** Reads allowed per square character of the line: far above what any quadratic search needs. */
    static final long BUDGET_PER_SQUARE = 40;
    /** Growth from SHORT to LONG (x4 in length) beyond which work is worse than quadratic (x16). */
    static final double SUPER_QUADRATIC = 32;
    /** Reads per character of the short line up to which a search counts as linear. */
    static final long LINEAR = 20;
    private static final String RUNS = "a 0.:-=/\"_x";

    private BacktrackingCheck() {
    }

    public static List<Problem> check(KnowledgeBase kb) {
        // patterns are independent: both cores, in the knowledge base's order
        return kb.patterns().parallelStream().flatMap(p -> check(kb, p).stream()).toList();
    }

    private static List<Problem> check(KnowledgeBase kb, PatternDef p) {
        List<Problem> problems = new ArrayList<>();
        String where = "pattern for " + p.symptom();
        if (leadingDotStarBeforeAlternation(p.regex())) {
            problems.add(kb.origin(p).problem(where + ": regex starts with '.*' before an alternation, which"
                    + " rescans the line for every alternative; drop the '.*' (a match is searched anywhere already)"));
        }
        String trap = trap(Pattern.compile(p.regex()), p);
        if (trap != null) {
            problems.add(kb.origin(p).problem(where + ": regex backtracks catastrophically on a line of " + trap
                    + " (bound the repetitions, or make them possessive or atomic)"));
        }
        return problems;
    }

    /** What the first line that trips the regex is made of, and how; null when none does. */
    static String trap(Pattern regex, PatternDef p) {
        Map<String, String> longLines = adversarialLines(p, LONG);
        for (Map.Entry<String, String> shortLine : adversarialLines(p, SHORT).entrySet()) {
            String longLine = longLines.get(shortLine.getKey());
            long few = reads(regex, shortLine.getValue());
            if (few >= 0 && few <= LINEAR * SHORT) {
                continue; // linear here: whatever its growth, it stays small at this scale
            }
            long many = few < 0 ? -1 : reads(regex, longLine);
            if (few < 0 || many < 0) {
                return shortLine.getKey() + ": over " + BUDGET_PER_SQUARE + " x length^2 characters read";
            }
            if (many > 10L * LONG && many > SUPER_QUADRATIC * Math.max(few, 1)) {
                return shortLine.getKey() + ": " + few + " characters read at " + SHORT + " characters, " + many
                        + " at " + LONG + ", worse than quadratic";
            }
        }
        return null;
    }

    /** The lines to try, of about the given length, by what they are written from. */
    static Map<String, String> adversarialLines(PatternDef p, int length) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (char c : RUNS.toCharArray()) {
            lines.put(ExampleCheck.quote(String.valueOf(c)) + " repeated", String.valueOf(c).repeat(length));
        }
        List<String> seeds = new ArrayList<>(p.keywords());
        seeds.addAll(p.examples());
        for (String seed : seeds) {
            if (seed.isEmpty() || seed.length() * 4 > length) {
                continue;
            }
            String q = ExampleCheck.quote(seed);
            lines.put(q + " repeated", fill(seed + " ", length));
            lines.put(q + " then spaces", seed + " ".repeat(length - seed.length()));
            lines.put(q + " then letters", seed + "a".repeat(length - seed.length()));
            if (seed.length() > 1) {
                // the seed without its last character, over and over: a near-miss at every position
                lines.put(q + " cut short, repeated", fill(seed.substring(0, seed.length() - 1), length));
            }
        }
        return lines;
    }

    private static String fill(String unit, int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() + unit.length() <= length) {
            b.append(unit);
        }
        return b.toString();
    }

    /** Characters one search of the line reads, or -1 past the budget. */
    static long reads(Pattern regex, String line) {
        Watchdog w = new Watchdog(line, BUDGET_PER_SQUARE * line.length() * line.length());
        try {
            regex.matcher(w).find();
        } catch (Watchdog.Exhausted e) {
            return -1;
        } catch (StackOverflowError e) {
            return -1; // deep recursion on a long line is the same trap
        }
        return w.reads;
    }

    /** Whether the first consuming piece is {@code .*} (or {@code .+}) and the next one a choice. */
    static boolean leadingDotStarBeforeAlternation(String regex) {
        RegexTree.Alternation tree;
        try {
            tree = RegexTree.parse(regex);
        } catch (RuntimeException e) {
            return false;
        }
        for (RegexTree.Sequence alternative : tree.alternatives()) {
            List<RegexTree.Piece> consuming = alternative.pieces().stream()
                    .filter(p -> p.kind() != RegexTree.Kind.ZERO_WIDTH && p.kind() != RegexTree.Kind.LOOKAHEAD
                            && p.kind() != RegexTree.Kind.IGNORED)
                    .toList();
            if (consuming.size() >= 2 && consuming.get(0).kind() == RegexTree.Kind.ANY && consuming.get(0).repeats()
                    && consuming.get(1).kind() == RegexTree.Kind.GROUP
                    && consuming.get(1).group().alternatives().size() > 1) {
                return true;
            }
        }
        return false;
    }

    /** A line that counts the characters read from it and stops the search past a budget. */
    private static final class Watchdog implements CharSequence {
        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final long budget;
        long reads;

        Watchdog(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++reads > budget) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
