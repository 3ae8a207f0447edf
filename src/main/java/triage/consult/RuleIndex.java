package triage.consult;

import triage.knowledge.rules.RuleModel;
import triage.knowledge.rules.RuleModel.Condition;
import triage.knowledge.rules.RuleModel.Kind;
import triage.knowledge.rules.RuleModel.RuleDef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rules of {@code rules/*.drl} look at, as the consultation needs it, over the one rule model
 * ({@link RuleModel}, parsed by Drools' own DRL parser): for each cause the rules that support or oppose
 * it, for each finding the rules that conclude it, the count and value thresholds the rules put on each
 * symptom, and which symptoms a cause produces or excludes. The consultation uses it to know which
 * questions matter to which causes and whether a cause can still be reached; the conclusions
 * themselves always come from running the real rules.
 */
public final class RuleIndex {

    private static final Pattern COUNT_LOWER = Pattern.compile("\\bcount\\s*(?:\\(\\s*\\))?\\s*(>=|>|==)\\s*(\\d+)");
    private static final Pattern VALUE_LOWER = Pattern.compile("\\b(?:value|maxValue)\\s*(?:\\(\\s*\\))?\\s*(>=|>)\\s*(-?\\d+(?:\\.\\d+)?)");

    private final List<RuleDef> rules;
    private final Map<String, List<RuleDef>> supportRules = new LinkedHashMap<>();
    private final Map<String, List<RuleDef>> againstRules = new LinkedHashMap<>();
    private final Map<String, List<RuleDef>> findingRules = new LinkedHashMap<>();
    private final Map<String, Integer> countFor = new LinkedHashMap<>();
    private final Map<String, Double> valueFor = new LinkedHashMap<>();

    private RuleIndex(List<RuleDef> rules) {
        this.rules = List.copyOf(rules);
        for (RuleDef r : rules) {
            r.supports().forEach(c -> supportRules.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
            r.opposes().forEach(c -> againstRules.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
            r.findings().forEach(f -> findingRules.computeIfAbsent(f, k -> new ArrayList<>()).add(r));
            thresholds(r);
        }
    }

    /** Indexes DRL text by file path (as {@code RuleBase.sources()} holds it). */
    public static RuleIndex of(Map<String, String> drlByPath) {
        return of(RuleModel.parse(drlByPath));
    }

    /** The rules with the conditions the consultation reasons over: symptoms, answers and findings named by id. */
    public static RuleIndex of(RuleModel model) {
        return new RuleIndex(model.rules().stream().map(r -> new RuleDef(r.name(), r.file(), r.line(), r.metadata(),
                r.conditions().stream().filter(c -> !c.ids().isEmpty()
                        && (c.kind() == Kind.SYMPTOM || c.kind() == Kind.ANSWER || c.kind() == Kind.FINDING)).toList(),
                r.conclusions(), r.findings(), r.consequence())).toList());
    }

    /**
     * The count (and value) a symptom must reach for the rules that test it: the largest lower bound, in
     * a pattern's constraints or on its binding in the consequence ({@code $s.count() >= 2 ? ...}).
     */
    private void thresholds(RuleDef r) {
        for (Condition c : r.conditions()) {
            if (c.kind() != Kind.SYMPTOM || c.negated()) {
                continue;
            }
            List<String> texts = new ArrayList<>(c.constraints());
            if (c.binding() != null) {
                Matcher m = Pattern.compile(Pattern.quote(c.binding()) + "\\.((?:count|value|maxValue)\\s*\\(\\s*\\)\\s*(?:>=|>)\\s*-?\\d+(?:\\.\\d+)?)")
                        .matcher(r.consequence());
                while (m.find()) {
                    texts.add(m.group(1));
                }
            }
            for (String t : texts) {
                Matcher cm = COUNT_LOWER.matcher(t);
                while (cm.find()) {
                    int n = Integer.parseInt(cm.group(2)) + (cm.group(1).equals(">") ? 1 : 0);
                    c.ids().forEach(i -> countFor.merge(i, n, Math::max));
                }
                Matcher v = VALUE_LOWER.matcher(t);
                while (v.find()) {
                    double n = Double.parseDouble(v.group(2));
                    boolean strict = v.group(1).equals(">");
                    double need = strict ? (n == Math.rint(n) ? n + 1 : n * 1.01 + 0.01) : n;
                    c.ids().forEach(i -> valueFor.merge(i, need, Math::max));
                }
            }
        }
    }

    public List<RuleDef> rules() {
        return rules;
    }

    /** The rules that support a cause. */
    public List<RuleDef> supporting(String cause) {
        return supportRules.getOrDefault(cause, List.of());
    }

    /** The rules that speak against a cause. */
    public List<RuleDef> against(String cause) {
        return againstRules.getOrDefault(cause, List.of());
    }

    /** The rules that conclude a finding. */
    public List<RuleDef> concluding(String finding) {
        return findingRules.getOrDefault(finding, List.of());
    }

    /** Every cause some rule supports. */
    public Set<String> supportedCauses() {
        return supportRules.keySet();
    }

    /**
     * How many observations a "yes" stands for: the largest count the rules ask of this symptom
     * ({@code count >= 3}, {@code $s.count() >= 2 ? ...}), at least 1. A person who confirms a symptom
     * confirms that it is happening, not that one line showed it once.
     */
    public int countFor(String symptom) {
        return Math.max(1, countFor.getOrDefault(symptom, 1));
    }

    /** The smallest value that meets every lower bound the rules put on this symptom's value, or null. */
    public Double valueFor(String symptom) {
        return valueFor.get(symptom);
    }

    /**
     * The symptoms whose answers can change what the rules conclude about a cause: every symptom
     * (and answer) in the conditions of the rules supporting or opposing it, followed through the
     * findings those rules match.
     */
    public Set<String> symptomsBearingOn(String cause) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> seenFindings = new HashSet<>();
        List<RuleDef> todo = new ArrayList<RuleDef>(supporting(cause));
        todo.addAll(against(cause));
        collect(todo, out, seenFindings);
        return out;
    }

    private void collect(Collection<RuleDef> rules, Set<String> out, Set<String> seenFindings) {
        for (RuleDef r : rules) {
            for (Condition c : r.conditions()) {
                if (c.kind() == Kind.FINDING) {
                    for (String f : c.ids()) {
                        if (seenFindings.add(f)) {
                            collect(concluding(f), out, seenFindings);
                        }
                    }
                } else {
                    out.addAll(c.ids());
                }
            }
        }
    }

    /**
     * The symptoms a cause produces: those its supporting rules match positively (directly or through
     * the findings they need). A symptom that one supporting rule needs present and another needs absent
     * goes with the stronger rule (the larger certainty factor): "switch off" (0.85) against the weak
     * hint "signals, and the switch not known to be off" (0.3) is produced; "stopped while the switch is
     * on" (0.75) against "stopped while it is off" (0.3) leaves the switch excluded. Equal: neither.
     */
    public Set<String> produces(String cause) {
        return polarity(cause).get(Boolean.TRUE);
    }

    /** The symptoms a cause implies absent: what its supporting rules need not to be there, or answered no (see {@link #produces}). */
    public Set<String> excludes(String cause) {
        return polarity(cause).get(Boolean.FALSE);
    }

    private final Map<String, Map<Boolean, Set<String>>> polarity = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<Boolean, Set<String>> polarity(String cause) {
        return polarity.computeIfAbsent(cause, c -> {
            Map<String, Double> positive = new LinkedHashMap<>();
            Map<String, Double> negative = new LinkedHashMap<>();
            for (RuleDef r : supporting(c)) {
                polarities(List.of(r), true, r.cfFor(c, false), positive, negative, new HashSet<>());
            }
            // what a rule against the cause needs present is what the cause makes unlikely
            for (RuleDef r : against(c)) {
                polarities(List.of(r), false, r.cfFor(c, true), positive, negative, new HashSet<>());
            }
            Set<String> pro = new LinkedHashSet<>();
            Set<String> con = new LinkedHashSet<>();
            positive.forEach((s, v) -> {
                if (v > negative.getOrDefault(s, 0.0)) {
                    pro.add(s);
                }
            });
            negative.forEach((s, v) -> {
                if (v > positive.getOrDefault(s, 0.0)) {
                    con.add(s);
                }
            });
            return Map.of(Boolean.TRUE, Set.copyOf(pro), Boolean.FALSE, Set.copyOf(con));
        });
    }

    private void polarities(Collection<RuleDef> rules, boolean sign, double cf, Map<String, Double> positive,
                            Map<String, Double> negative, Set<String> seenFindings) {
        for (RuleDef r : rules) {
            for (Condition c : r.conditions()) {
                boolean s = sign != c.negated();
                switch (c.kind()) {
                    case SYMPTOM -> c.ids().forEach(id -> (s ? positive : negative).merge(id, cf, Math::max));
                    case ANSWER -> {
                        if ("NO".equals(c.reply())) {
                            c.ids().forEach(id -> (s ? negative : positive).merge(id, cf, Math::max));
                        } else if ("YES".equals(c.reply())) {
                            c.ids().forEach(id -> (s ? positive : negative).merge(id, cf, Math::max));
                        }
                    }
                    default -> {
                    }
                    case FINDING -> {
                        for (String f : c.ids()) {
                            if (seenFindings.add(f + s)) {
                                polarities(concluding(f), s, cf, positive, negative, seenFindings);
                            }
                        }
                    }
                }
            }
        }
    }
}
