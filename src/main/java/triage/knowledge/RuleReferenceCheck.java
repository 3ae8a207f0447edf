package triage.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the rules speak the knowledge base's vocabulary: every symptom id a rule matches on
 * and every cause id a rule concludes exists. Works on the DRL text, with file and line.
 */
public final class RuleReferenceCheck {

    private static final Pattern SYMPTOM_REF = Pattern.compile(
            "\\b(?:Symptom|Answer)\\s*\\(\\s*(?:id|symptom)\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern SYMPTOM_IN = Pattern.compile(
            "\\b(?:Symptom|Answer)\\s*\\(\\s*(?:id|symptom)\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern CAUSE_REF = Pattern.compile("\\b(?:Support|Against)\\.of\\(\\s*\"([^\"]+)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    /** A Symptom pattern on one line that compares its value or maxValue. */
    private static final Pattern VALUE_COMPARISON = Pattern.compile(
            "\\bSymptom\\s*\\(([^\\n]*\\b(?:value|maxValue)\\s*(?:>=|<=|==|!=|>|<)[^\\n]*)\\)");

    private RuleReferenceCheck() {
    }

    public static List<Problem> check(Map<String, String> drlByPath, KnowledgeBase kb) {
        List<Problem> problems = new ArrayList<>();
        drlByPath.forEach((path, text) -> {
            Matcher m = SYMPTOM_REF.matcher(text);
            while (m.find()) {
                if (!kb.symptoms().containsKey(m.group(1))) {
                    problems.add(new Problem(path, lineOf(text, m.start(1)), "rule refers to unknown symptom " + m.group(1)));
                }
            }
            m = SYMPTOM_IN.matcher(text);
            while (m.find()) {
                Matcher q = QUOTED.matcher(m.group(1));
                while (q.find()) {
                    if (!kb.symptoms().containsKey(q.group(1))) {
                        problems.add(new Problem(path, lineOf(text, m.start(1)), "rule refers to unknown symptom " + q.group(1)));
                    }
                }
            }
            m = VALUE_COMPARISON.matcher(text);
            while (m.find()) {
                if (!m.group(1).contains("hasValue()")) {
                    // a symptom without a value holds NaN, which the classic and executable engines compare differently
                    problems.add(new Problem(path, lineOf(text, m.start(1)),
                            "compare a symptom's value only after hasValue() (a missing value is NaN)"));
                }
            }
            m = CAUSE_REF.matcher(text);
            while (m.find()) {
                if (!kb.causes().containsKey(m.group(1))) {
                    problems.add(new Problem(path, lineOf(text, m.start(1)), "rule concludes unknown cause " + m.group(1)));
                }
            }
        });
        return problems;
    }

    /** The causes each DRL file concludes, for coverage. */
    public static Map<String, List<String>> causesByFile(Map<String, String> drlByPath) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        drlByPath.forEach((path, text) -> {
            Matcher m = CAUSE_REF.matcher(text);
            List<String> ids = new ArrayList<>();
            while (m.find()) {
                ids.add(m.group(1));
            }
            out.put(path, ids);
        });
        return out;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
