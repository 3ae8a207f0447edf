package triage.knowledge.rules;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags rules that join two {@code Symptom} patterns without relating them: with no binding of one
 * used in the other, every pair matches, so a rule over 5,000 per-symbol symptoms of one id and 50 of
 * another fires 250,000 times for one conclusion. Relate the patterns (by subject, say) or test the
 * second with {@code exists}, which matches once however many facts it finds. A join related only by
 * {@code !=} (three services with three different subjects) is as bad: every pair but one matches, so it
 * is flagged too; counting distinct values with an accumulate is linear.
 *
 * <p>Symptoms are folded by id and subject, so a symptom only the knowledge base can give a subject
 * (a {@code (?<subject>...)} capture, a metric's or an alert's {@code subject:} label) can be many
 * facts; a join where either side is at most one fact is linear and is not flagged. Given no
 * knowledge of subjects ({@link #check(Map)}), every unrelated join is flagged.
 */
public final class UnrelatedJoinCheck {

    private static final Pattern FIELD_BINDING = Pattern.compile("(\\$\\w+)\\s*:(?!=)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    private static final Pattern CONNECTIVE = Pattern.compile("&&|\\|\\|");

    private UnrelatedJoinCheck() {
    }

    /** Every unrelated join of two Symptom patterns, whatever their ids. */
    public static List<Problem> check(Map<String, String> drlByPath) {
        return check(drlByPath, id -> true);
    }

    /** The unrelated joins whose both sides accept a symptom that can come with a subject in this knowledge base. */
    public static List<Problem> check(Map<String, String> drlByPath, KnowledgeBase kb) {
        return check(drlByPath, symptomsWithSubject(kb)::contains);
    }

    /** The symptom ids the knowledge base can recognise with a subject: the ones that can be many facts. */
    public static Set<String> symptomsWithSubject(KnowledgeBase kb) {
        Set<String> withSubject = new HashSet<>();
        kb.patterns().stream().filter(p -> p.regex() != null && p.regex().contains("(?<subject>"))
                .forEach(p -> withSubject.add(p.symptom()));
        kb.metrics().stream().filter(m -> m.subject() != null && !m.subject().isBlank())
                .forEach(m -> withSubject.add(m.symptom()));
        kb.alerts().stream().filter(a -> a.subject() != null && !a.subject().isBlank())
                .forEach(a -> withSubject.addAll(a.symptoms()));
        return withSubject;
    }

    /** One problem per unrelated pattern, at the rule's line; DRL the parser rejects is left to the compiler. */
    private static List<Problem> check(Map<String, String> drlByPath, Predicate<String> manyFacts) {
        List<Problem> problems = new ArrayList<>();
        drlByPath.forEach((path, text) -> {
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException e) {
                return;
            }
            if (pkg == null || parser.hasErrors()) {
                return;
            }
            for (RuleDescr rule : pkg.getRules()) {
                check(path, rule, manyFacts, problems);
            }
        });
        return problems;
    }

    private static void check(String path, RuleDescr rule, Predicate<String> manyFacts, List<Problem> problems) {
        Set<String> bound = new HashSet<>();
        String first = null;
        boolean firstMany = false;
        for (BaseDescr d : rule.getLhs().getDescrs()) {
            if (!(d instanceof PatternDescr p) || p.getSource() != null || !isSymptom(p)) {
                continue; // not, exists, accumulate and other fact types do not multiply Symptom matches
            }
            List<String> constraints = constraints(p);
            String label = p.getIdentifier() != null ? p.getIdentifier() : "Symptom(" + String.join(", ", constraints) + ")";
            Set<String> ids = ids(constraints);
            boolean many = ids.isEmpty() || ids.stream().anyMatch(manyFacts);
            if (first == null) {
                first = label;
                firstMany = many;
            } else if (many && firstMany && constraints.stream().noneMatch(c -> relates(c, bound))) {
                boolean onlyUnequal = constraints.stream().anyMatch(c -> usesAny(c, bound));
                problems.add(new Problem(path, rule.getLine(), onlyUnequal
                        ? "rule \"" + rule.getName() + "\" relates " + label + " to " + first + " only by `!=`, so"
                        + " nearly every pair of them matches: test the second with `exists Symptom(...)`, or count"
                        + " distinct values (`Set( size >= n ) from accumulate( Symptom(..., $s : subject), collectSet( $s ) )`)"
                        : "rule \"" + rule.getName() + "\" joins " + label
                        + " with " + first + " without relating them, so every pair of them matches: relate them"
                        + " (a shared binding such as the subject) or write the second as `exists Symptom(...)`"));
            }
            if (p.getIdentifier() != null) {
                bound.add(p.getIdentifier());
            }
            for (String c : constraints) {
                Matcher m = FIELD_BINDING.matcher(c);
                while (m.find()) {
                    bound.add(m.group(1));
                }
            }
        }
    }

    /** The ids a pattern accepts ({@code id == "x"}, {@code id in ("x", "y")}); empty when any. */
    private static Set<String> ids(List<String> constraints) {
        Set<String> ids = new HashSet<>();
        constraints.forEach(c -> ids.addAll(RuleModel.idsIn(c)));
        return ids;
    }

    private static boolean isSymptom(PatternDescr p) {
        return p.getObjectType().equals("Symptom") || p.getObjectType().equals("triage.facts.Symptom");
    }

    private static List<String> constraints(PatternDescr p) {
        List<String> out = new ArrayList<>();
        if (p.getConstraint() instanceof AndDescr and) {
            for (BaseDescr c : and.getDescrs()) {
                String expr = c instanceof ExprConstraintDescr e ? e.getExpression() : c.getText();
                if (expr != null) {
                    out.add(expr);
                }
            }
        }
        return out;
    }

    /**
     * Whether a constraint narrows the join: it uses a variable bound earlier in a comparison other than
     * {@code !=} (an inequality lets through all but one of the other facts, so it relates nothing).
     */
    private static boolean relates(String constraint, Set<String> variables) {
        for (String atom : CONNECTIVE.split(constraint)) {
            if (usesAny(atom, variables) && !atom.contains("!=")) {
                return true;
            }
        }
        return false;
    }

    private static boolean usesAny(String constraint, Set<String> variables) {
        String uses = FIELD_BINDING.matcher(constraint).replaceAll("");
        Matcher m = VARIABLE.matcher(uses);
        while (m.find()) {
            if (variables.contains(m.group())) {
                return true;
            }
        }
        return false;
    }
}
