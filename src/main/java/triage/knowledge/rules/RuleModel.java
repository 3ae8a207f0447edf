package triage.knowledge.rules;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import triage.knowledge.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of {@code rules/*.drl} as data, parsed once by Drools' own DRL parser: for each rule its
 * name, file and line, its metadata ({@code @guide(...)}), the facts its conditions match (kind, ids,
 * negation, binding, constraint expressions) and what its consequence concludes (causes supported or
 * opposed with their certainty factors, findings). The consultation, {@code kb check} and
 * {@code kb coverage} all read the rules through this model, never through the text.
 */
public record RuleModel(List<RuleDef> rules, List<Problem> problems) {

    /** The fact types rules reason over. */
    public enum Kind { SYMPTOM, ANSWER, FINDING, SUPPORT, AGAINST, OTHER }

    /**
     * One pattern of a rule's conditions.
     *
     * @param ids         the ids it accepts ({@code id == "x"}, or any of {@code id in (...)})
     * @param negated     under a {@code not}
     * @param binding     its {@code $x :} binding, or null
     * @param constraints its constraint expressions as written
     * @param reply       for answers: the reply required (YES, NO, UNKNOWN), or null for any
     */
    public record Condition(Kind kind, Set<String> ids, boolean negated, String binding, List<String> constraints,
                            String reply, int line) {
    }

    /** A cause the consequence supports or speaks against, with the largest factor it can give, and its line. */
    public record Conclusion(String cause, boolean against, double cf, int line) {
    }

    /** One rule. */
    public record RuleDef(String name, String file, int line, Map<String, String> metadata, List<Condition> conditions,
                          List<Conclusion> conclusions, Set<String> findings, String consequence) {

        public Set<String> supports() {
            return causes(false);
        }

        public Set<String> opposes() {
            return causes(true);
        }

        private Set<String> causes(boolean against) {
            Set<String> out = new LinkedHashSet<>();
            conclusions.stream().filter(c -> c.against() == against).forEach(c -> out.add(c.cause()));
            return out;
        }

        /** The largest factor it gives a cause ({@link Certainty}-scale default where unreadable). */
        public double cfFor(String cause, boolean against) {
            return conclusions.stream().filter(c -> c.against() == against && c.cause().equals(cause))
                    .mapToDouble(Conclusion::cf).max().orElse(DEFAULT_CF);
        }

        /** The guide sections it cites ({@code @guide("003 2.2", "003 8.1")}), as written. */
        public String guide() {
            return metadata.getOrDefault("guide", "");
        }
    }

    /** The factor assumed where a consequence's certainty cannot be read as a number or a named level. */
    public static final double DEFAULT_CF = 0.5;

    private static final Pattern ID_EQ = Pattern.compile("\\b(?:id|symptom)\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern ID_IN = Pattern.compile("\\b(?:id|symptom)\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern REPLY = Pattern.compile("\\breply\\s*==\\s*(?:[\\w.]*\\.)?(YES|NO|UNKNOWN)\\b");
    private static final Pattern IS_NO = Pattern.compile("\\bisNo\\s*\\(\\s*\\)|\\bno\\s*==\\s*true");
    private static final Pattern CONCLUSION = Pattern.compile(
            "(?s)\\b(Support|Against)\\.of\\s*\\(\\s*\"([^\"]+)\"\\s*,(.*?),\\s*drools\\s*\\)");
    private static final Pattern FINDING = Pattern.compile("\\bnew\\s+Finding\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d*\\.\\d+|\\d+)(?![\\w.])");
    private static final Pattern LEVEL = Pattern.compile("\\b(?:Certainty\\.)?([A-Z][A-Z_]+)\\b");

    /** Parses DRL text by file path (as {@code RuleBase.sources()} holds it). */
    public static RuleModel parse(Map<String, String> drlByPath) {
        List<RuleDef> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        drlByPath.forEach((path, text) -> {
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException e) {
                problems.add(new Problem(path, 0, Problem.firstLine(e.getMessage(), "unreadable DRL")));
                return;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError err : parser.getErrors()) {
                    int[] lines = err.getLines();
                    problems.add(new Problem(path, lines != null && lines.length > 0 ? lines[0] : 0,
                            Problem.firstLine(err.getMessage(), "unreadable DRL")));
                }
                return;
            }
            for (RuleDescr r : pkg.getRules()) {
                rules.add(rule(path, r));
            }
        });
        return new RuleModel(List.copyOf(rules), List.copyOf(problems));
    }

    private static RuleDef rule(String file, RuleDescr r) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (AnnotationDescr a : r.getAnnotations()) {
            meta.put(a.getName(), annotationText(a));
        }
        List<Condition> conditions = new ArrayList<>();
        conditions(r.getLhs(), false, conditions);
        String rhs = r.getConsequence() == null ? "" : r.getConsequence().toString();
        List<Conclusion> conclusions = new ArrayList<>();
        Matcher m = CONCLUSION.matcher(rhs);
        while (m.find()) {
            // the parser gives the line of "then"; the consequence's text starts after its line break
            int line = r.getConsequenceLine() + (rhs.startsWith("\n") ? 0 : 1)
                    + (int) rhs.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            conclusions.add(new Conclusion(m.group(2), m.group(1).equals("Against"), largestFactor(m.group(3)), line));
        }
        Set<String> findings = new LinkedHashSet<>();
        Matcher f = FINDING.matcher(rhs);
        while (f.find()) {
            findings.add(f.group(1));
        }
        return new RuleDef(r.getName(), file, r.getLine(), Map.copyOf(meta), List.copyOf(conditions),
                List.copyOf(conclusions), Set.copyOf(findings), rhs);
    }

    private static String annotationText(AnnotationDescr a) {
        Object single = a.getSingleValue();
        if (single != null) {
            return unquote(String.valueOf(single));
        }
        List<String> values = new ArrayList<>();
        a.getValueMap().values().forEach(v -> values.add(unquote(String.valueOf(v))));
        return String.join("; ", values);
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.startsWith("{") || t.startsWith("\"")) {
            List<String> parts = new ArrayList<>();
            Matcher q = QUOTED.matcher(t);
            while (q.find()) {
                parts.add(q.group(1));
            }
            return String.join("; ", parts);
        }
        return t.replaceAll("^\"|\"$", "");
    }

    private static void conditions(BaseDescr d, boolean negated, List<Condition> out) {
        if (d instanceof PatternDescr p) {
            out.add(condition(p, negated));
            if (p.getSource() != null) {
                // from / accumulate sources hold patterns of their own
                conditions(p.getSource(), negated, out);
            }
        } else if (d instanceof NotDescr n) {
            n.getDescrs().forEach(c -> conditions((BaseDescr) c, !negated, out));
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(c -> conditions((BaseDescr) c, negated, out));
        } else if (d instanceof org.drools.drl.ast.descr.AccumulateDescr acc) {
            if (acc.getInput() != null) {
                conditions(acc.getInput(), negated, out);
            }
        }
    }

    private static Condition condition(PatternDescr p, boolean negated) {
        Kind kind = switch (p.getObjectType()) {
            case "Symptom", "triage.facts.Symptom" -> Kind.SYMPTOM;
            case "Answer", "triage.facts.Answer" -> Kind.ANSWER;
            case "Finding", "triage.facts.Finding" -> Kind.FINDING;
            case "Support", "triage.facts.Support" -> Kind.SUPPORT;
            case "Against", "triage.facts.Against" -> Kind.AGAINST;
            default -> Kind.OTHER;
        };
        List<String> constraints = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        if (p.getConstraint() instanceof AndDescr and) {
            for (BaseDescr c : and.getDescrs()) {
                String expr = c instanceof ExprConstraintDescr e ? e.getExpression() : c.getText();
                if (expr == null) {
                    continue;
                }
                constraints.add(expr);
                ids.addAll(idsIn(expr));
            }
        }
        String reply = null;
        if (kind == Kind.ANSWER) {
            String all = String.join(" && ", constraints);
            Matcher r = REPLY.matcher(all);
            reply = r.find() ? r.group(1) : IS_NO.matcher(all).find() ? "NO" : null;
        }
        return new Condition(kind, Set.copyOf(ids), negated, p.getIdentifier(), List.copyOf(constraints), reply, p.getLine());
    }

    /** The ids a constraint names: {@code id == "x"}, or each of {@code id in ("x", "y")} (also {@code symptom} for answers). */
    static Set<String> idsIn(String constraint) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher id = ID_EQ.matcher(constraint);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Matcher in = ID_IN.matcher(constraint);
        while (in.find()) {
            Matcher q = QUOTED.matcher(in.group(1));
            while (q.find()) {
                ids.add(q.group(1));
            }
        }
        return ids;
    }

    /**
     * The largest factor in (0, 1] a certainty expression can give: a literal ({@code 0.8}), a named level
     * of {@link triage.engine.Certainty} ({@code STRONG}), or a choice of them
     * ({@code $s.count() >= 2 ? STRONG : PROBABLE}).
     */
    static double largestFactor(String expr) {
        double best = 0;
        Matcher n = NUMBER.matcher(expr);
        while (n.find()) {
            double v = Double.parseDouble(n.group(1));
            if (v > 0 && v <= 1 && expr.substring(0, n.start()).matches("(?s).*(\\?|:|,|\\(|^)\\s*$")) {
                best = Math.max(best, v);
            }
        }
        Matcher l = LEVEL.matcher(expr);
        while (l.find()) {
            Double level = triage.engine.Certainty.level(l.group(1));
            if (level != null) {
                best = Math.max(best, level);
            }
        }
        return best > 0 ? best : DEFAULT_CF;
    }

    /** The rules that support a cause. */
    public List<RuleDef> supporting(String cause) {
        return rules.stream().filter(r -> r.supports().contains(cause)).toList();
    }
}
