package triage.kbcheck;

import triage.evidence.EvidenceLine;
import triage.evidence.Observation;
import triage.evidence.Recognizer;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Origin;
import triage.knowledge.PatternDef;
import triage.knowledge.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs every pattern's {@code examples:} and {@code counter_examples:} through the recognizer the reader
 * uses (keyword pre-filter, {@code files:} gate, regex, captures, min/max), one pattern at a time, in a
 * context its gate admits. An example is a line as the recognizer sees it: a log or output line, or a
 * flattened JSON field {@code path.key: value}.
 */
public final class ExampleCheck {

    /** At least this many examples per pattern, in different wordings or layouts. */
    static final int MIN_EXAMPLES = 2;
    /** The context examples of an ungated pattern are read in. */
    private static final String PLAIN_FILE = "app.log";

    /** What the check found, and how much it checked. */
    public record Result(List<Problem> problems, int patterns, int examples, int counterExamples) {
    }

    private ExampleCheck() {
    }

    public static Result check(KnowledgeBase kb) {
        List<Problem> problems = new ArrayList<>();
        int examples = 0;
        int counterExamples = 0;
        for (PatternDef p : kb.patterns()) {
            Origin origin = kb.origin(p);
            String what = "pattern for " + p.symptom();
            if (p.examples().size() < MIN_EXAMPLES) {
                problems.add(origin.problem(what + " has " + p.examples().size() + " example(s); needs at least "
                        + MIN_EXAMPLES + " real lines in different wordings or layouts"));
            }
            if (p.counterExamples().isEmpty()) {
                problems.add(origin.problem(what + " has no counter-example (a routine or healthy line it must not match)"));
            }
            examples += p.examples().size();
            counterExamples += p.counterExamples().size();
            if (p.examples().isEmpty() && p.counterExamples().isEmpty()) {
                continue;
            }
            String context = context(p, origin, problems);
            if (context == null) {
                continue;
            }
            Recognizer alone = new Recognizer(new KnowledgeBase(kb.root(), Map.of(), Map.of(), List.of(p), List.of(),
                    List.of(), Map.of(), List.of()));
            for (String example : p.examples()) {
                if (!recognised(alone, p, example, origin, context)) {
                    problems.add(origin.problem(what + ": example " + quote(example) + " is not recognised: "
                            + whyNot(p, example)));
                }
            }
            for (String counter : p.counterExamples()) {
                if (recognised(alone, p, counter, origin, context)) {
                    problems.add(origin.problem(what + ": counter-example " + quote(counter) + " is recognised as "
                            + p.symptom()));
                }
            }
        }
        return new Result(problems, kb.patterns().size(), examples, counterExamples);
    }

    /**
     * The file name (or {@code file $ command}) to read the examples in: {@code example_file:} when given,
     * else one written from the {@code files:} gate; null, with a problem, when there is none the gate admits.
     */
    static String context(PatternDef p, Origin origin, List<Problem> problems) {
        if (p.files() == null) {
            return p.exampleFile() != null ? p.exampleFile() : PLAIN_FILE;
        }
        Pattern gate = Pattern.compile(p.files(), Pattern.CASE_INSENSITIVE);
        if (p.exampleFile() != null) {
            if (gate.matcher(p.exampleFile()).find()) {
                return p.exampleFile();
            }
            problems.add(origin.problem("pattern for " + p.symptom() + ": example_file " + quote(p.exampleFile())
                    + " is not admitted by its files: gate " + quote(p.files())));
            return null;
        }
        for (String candidate : RegexSample.candidates(p.files())) {
            if (gate.matcher(candidate).find()) {
                return candidate;
            }
        }
        problems.add(origin.problem("pattern for " + p.symptom() + ": no file name its files: gate " + quote(p.files())
                + " admits could be derived; give example_file: (a file name, or 'file $ command' for a transcript)"));
        return null;
    }

    private static boolean recognised(Recognizer recognizer, PatternDef p, String text, Origin origin, String context) {
        List<Observation> found = new ArrayList<>();
        recognizer.recognise(new EvidenceLine(origin.file(), origin.line(), text, 0, context), found);
        return found.stream().anyMatch(o -> o.symptom().equals(p.symptom()));
    }

    /** Which step of the recognizer turned the example away, for the author. */
    private static String whyNot(PatternDef p, String example) {
        String lower = example.toLowerCase(Locale.ROOT);
        if (!p.keywords().isEmpty() && p.keywords().stream().noneMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)))) {
            return "none of its keywords " + p.keywords() + " occurs in it";
        }
        if (!Pattern.compile(p.regex()).matcher(example).find()) {
            return "its regex does not match it";
        }
        return "its value is not within " + (p.min() == null ? "" : "min " + p.min() + " ")
                + (p.max() == null ? "" : "max " + p.max());
    }

    static String quote(String text) {
        String oneLine = text.replace("\n", "\\n");
        return "'" + (oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine) + "'";
    }
}
