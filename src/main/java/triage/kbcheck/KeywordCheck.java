package triage.kbcheck;

import triage.evidence.PreFilter;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.PatternDef;
import triage.knowledge.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keywords that make the pre-filter filter: at least three characters, and none that passes more than a
 * small share of routine log lines (a built-in sample of normal operation from the five platforms) that its
 * pattern then does not recognise.
 */
public final class KeywordCheck {

    static final int MIN_LENGTH = 3;
    /** The share of routine lines above which a keyword lets too much through. */
    static final double MAX_SHARE = 0.02;
    static final String ROUTINE_LINES = "/triage/routine-lines.txt";
    /** The file name the routine lines are read as: a log no {@code files:} gate admits. */
    static final String ROUTINE_FILE = "routine.log";

    private KeywordCheck() {
    }

    public static List<Problem> check(KnowledgeBase kb) {
        return check(kb, routineLines());
    }

    static List<Problem> check(KnowledgeBase kb, List<String> routine) {
        List<String> lower = routine.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        List<Problem> problems = new ArrayList<>();
        for (PatternDef p : kb.patterns()) {
            // a routine line the pattern recognises (a reading of a field every routine line carries) is the
            // keyword doing its job; only the lines it lets through in vain count against it
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(p.regex());
            java.util.BitSet recognised = new java.util.BitSet(routine.size());
            for (int i = 0; i < routine.size(); i++) {
                recognised.set(i, regex.matcher(routine.get(i)).find());
            }
            for (String keyword : p.keywords()) {
                if (keyword.length() < MIN_LENGTH) {
                    problems.add(kb.origin(p).problem("pattern for " + p.symptom() + ": keyword " + ExampleCheck.quote(keyword)
                            + " is shorter than " + MIN_LENGTH + " characters; it lets nearly every line through"));
                    continue;
                }
                if (p.files() != null || p.jsonPath() != null) {
                    continue; // gate first: its keywords count only in the files (or JSON values) its gate admits
                }
                String k = keyword.toLowerCase(Locale.ROOT);
                int n = 0;
                for (int i = 0; i < lower.size(); i++) {
                    if (!recognised.get(i) && lower.get(i).contains(k)) {
                        n++;
                    }
                }
                if (n > MAX_SHARE * lower.size()) {
                    problems.add(kb.origin(p).problem(String.format(Locale.ROOT,
                            "pattern for %s: keyword %s occurs, without the pattern matching, in %d of %d routine log lines (%.1f%%, more than %.0f%%)",
                            p.symptom(), ExampleCheck.quote(keyword), n, lower.size(), 100.0 * n / lower.size(), 100 * MAX_SHARE)));
                }
            }
        }
        return problems;
    }

    /**
     * The share of lines the pre-filter lets through, read as a log file ({@value #ROUTINE_FILE}): measured by
     * the reader's own pre-filter ({@link PreFilter}), not by a copy of it.
     */
    public static double passingShare(KnowledgeBase kb, List<String> lines) {
        return new PreFilter(kb, ROUTINE_FILE).share(lines);
    }

    /** The built-in sample of routine lines. */
    public static List<String> routineLines() {
        try (InputStream in = KeywordCheck.class.getResourceAsStream(ROUTINE_LINES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROUTINE_LINES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
