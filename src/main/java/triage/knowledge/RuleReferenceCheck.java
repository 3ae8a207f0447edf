package triage.knowledge;

import triage.knowledge.rules.RuleModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that the rules speak the knowledge base's vocabulary, over the one rule model (Drools' own
 * DRL parser): every symptom id a rule matches on and every cause id a rule concludes exists, and a
 * symptom's value is compared only after {@code hasValue()}. Problems name file and line.
 */
public final class RuleReferenceCheck {

    /** A constraint comparing value or maxValue. */
    private static final Pattern VALUE_COMPARISON = Pattern.compile("\\b(?:value|maxValue)\\s*(?:\\(\\s*\\))?\\s*(?:>=|<=|==|!=|>|<)");

    private RuleReferenceCheck() {
    }

    public static List<Problem> check(Map<String, String> drlByPath, KnowledgeBase kb) {
        return check(RuleModel.parse(drlByPath), kb);
    }

    public static List<Problem> check(RuleModel model, KnowledgeBase kb) {
        List<Problem> problems = new ArrayList<>(model.problems());
        for (RuleModel.RuleDef r : model.rules()) {
            for (RuleModel.Condition c : r.conditions()) {
                if (c.kind() == RuleModel.Kind.SYMPTOM || c.kind() == RuleModel.Kind.ANSWER) {
                    for (String id : c.ids()) {
                        if (!kb.symptoms().containsKey(id)) {
                            problems.add(new Problem(r.file(), c.line(), "rule refers to unknown symptom " + id));
                        }
                    }
                }
                if (c.kind() == RuleModel.Kind.SYMPTOM && c.constraints().stream().anyMatch(e -> VALUE_COMPARISON.matcher(e).find())
                        && c.constraints().stream().noneMatch(e -> e.contains("hasValue()"))) {
                    // a symptom without a value holds NaN, which the classic and executable engines compare differently
                    problems.add(new Problem(r.file(), c.line(), "compare a symptom's value only after hasValue() (a missing value is NaN)"));
                }
            }
            for (RuleModel.Conclusion c : r.conclusions()) {
                if (!kb.causes().containsKey(c.cause())) {
                    problems.add(new Problem(r.file(), c.line(), "rule concludes unknown cause " + c.cause()));
                }
            }
        }
        return problems;
    }
}
