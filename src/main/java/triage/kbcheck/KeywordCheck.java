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
    /** What separates the parts of a compound keyword ({@code latency_us && order}: all of them must occur). */
    static final String AND = " && ";
    /** The share of routine lines above which a keyword lets too much through. */
    static final double MAX_SHARE = 0.02;
    static final String ROUTINE_LINES = "/triage/routine-lines.txt";
    /**
     * A seeded slice of the routine log generated from the healthy corpus of the five platforms (every 30th
     * line of one bundle of each; the tests' {@code RoutineLog.sample}, which checks it is current).
     */
    static final String ROUTINE_LINES_GENERATED = "/triage/routine-lines-generated.txt";
    /** The file name the routine lines are read as: a log no {@code files:} gate admits. */
    static final String ROUTINE_FILE = "routine.log";

    private KeywordCheck() {
    }

    public static List<Problem> check(KnowledgeBase kb) {
        return check(kb, routineLines());
    }

    static List<Problem> check(KnowledgeBase kb, List<String> routine) {
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
                if (java.util.Arrays.stream(keyword.split(AND, -1)).anyMatch(part -> part.length() < MIN_LENGTH)) {
                    problems.add(kb.origin(p).problem("pattern for " + p.symptom() + ": keyword " + ExampleCheck.quote(keyword)
                            + (keyword.contains(AND) ? " has a part" : " is") + " shorter than " + MIN_LENGTH
                            + " characters; it lets nearly every line through"));
                    continue;
                }
                if (p.files() != null || p.jsonPath() != null) {
                    continue; // gate first: its keywords count only in the files (or JSON values) its gate admits
                }
                // as the pre-filter judges the keyword: every part of a compound one, and the pattern's value gate
                java.util.function.Predicate<String> passes = PreFilter.keywordPasses(p, keyword);
                int n = 0;
                for (int i = 0; i < routine.size(); i++) {
                    if (!recognised.get(i) && passes.test(routine.get(i))) {
                        n++;
                    }
                }
                if (n > MAX_SHARE * routine.size()) {
                    problems.add(kb.origin(p).problem(String.format(Locale.ROOT,
                            "pattern for %s: keyword %s occurs, without the pattern matching, in %d of %d routine log lines (%.1f%%, more than %.0f%%)",
                            p.symptom(), ExampleCheck.quote(keyword), n, routine.size(), 100.0 * n / routine.size(), 100 * MAX_SHARE)));
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

    /** The built-in sample of routine lines kb check uses: hand-picked ones. */
    public static List<String> routineLines() {
        return resourceLines(ROUTINE_LINES);
    }

    /**
     * The built-in sample with the generated slice of the five platforms' routine logs after it: what kb check
     * is meant to use once no keyword passes more than its share of it (see docs/performance.md for the
     * patterns whose keywords still do).
     */
    public static List<String> routineLinesWithGenerated() {
        List<String> lines = new ArrayList<>(resourceLines(ROUTINE_LINES));
        lines.addAll(resourceLines(ROUTINE_LINES_GENERATED));
        return List.copyOf(lines);
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = KeywordCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
