package triage.consult;

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
 * What the rules of {@code rules/*.drl} look at, read from their text (as {@code RuleReferenceCheck}
 * does): for each rule, the symptoms, answers and findings its conditions match (and whether under a
 * {@code not}), the count and value thresholds it puts on them, and what it concludes (supports,
 * evidence against, findings). The consultation uses it to know which questions matter to which causes
 * and whether a cause can still be reached; the conclusions themselves always come from running the
 * real rules.
 */
public final class RuleIndex {

    /** What a condition matches. */
    public enum Kind { SYMPTOM, ANSWER, FINDING }

    /**
     * One pattern of a rule's conditions.
     *
     * @param ids     the ids it accepts (several for {@code id in (...)}: any of them)
     * @param negated under a {@code not}
     * @param reply   for answers: the reply it requires (YES, NO, UNKNOWN) or null for any
     */
    public record Condition(Kind kind, Set<String> ids, boolean negated, String reply) {
    }

    /**
     * One rule: its conditions and conclusions; {@code cf} is the largest certainty factor it gives each
     * cause it supports (0.5 where the text does not say).
     */
    public record Rule(String name, String file, List<Condition> conditions, Set<String> supports,
                       Set<String> against, Set<String> findings, Map<String, Double> cf) {
        public double cfFor(String cause) {
            return cf.getOrDefault(cause, DEFAULT_CF);
        }

        /** The largest factor it gives against a cause. */
        public double againstCfFor(String cause) {
            return cf.getOrDefault(AGAINST_KEY + cause, DEFAULT_CF);
        }
    }

    static final double DEFAULT_CF = 0.5;
    private static final String AGAINST_KEY = "against:";

    private static final Pattern RULE = Pattern.compile(
            "(?ms)^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))(.*?)^\\s*end\\b");
    private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*)\\bthen\\b(.*)");
    private static final Pattern PATTERN_START = Pattern.compile("\\b(Symptom|Answer|Finding)\\s*\\(");
    private static final Pattern ID_EQ = Pattern.compile("\\b(?:id|symptom)\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern ID_IN = Pattern.compile("\\b(?:id|symptom)\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern REPLY = Pattern.compile("\\breply\\s*==\\s*(?:[\\w.]*\\.)?(YES|NO|UNKNOWN)\\b");
    private static final Pattern IS_NO = Pattern.compile("\\bisNo\\s*\\(\\s*\\)|\\bno\\s*==\\s*true");
    private static final Pattern COUNT_LOWER = Pattern.compile("\\bcount\\s*(>=|>|==)\\s*(\\d+)");
    private static final Pattern VALUE_LOWER = Pattern.compile("\\b(?:value|maxValue)\\s*(>=|>)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*$");
    private static final Pattern SUPPORT = Pattern.compile("\\b(?:Support\\.of|new\\s+Support)\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern AGAINST = Pattern.compile("\\b(?:Against\\.of|new\\s+Against)\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern SUPPORT_CF = Pattern.compile(
            "(?s)\\b(Support|Against)\\.of\\s*\\(\\s*\"([^\"]+)\"\\s*,(.*?),\\s*drools\\s*\\)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d*\\.\\d+|\\d+)(?![\\w.])");
    private static final Pattern FINDING = Pattern.compile("\\bnew\\s+Finding\\s*\\(\\s*\"([^\"]+)\"");

    private final List<Rule> rules;
    private final Map<String, List<Rule>> supportRules = new LinkedHashMap<>();
    private final Map<String, List<Rule>> againstRules = new LinkedHashMap<>();
    private final Map<String, List<Rule>> findingRules = new LinkedHashMap<>();
    private final Map<String, Integer> countFor = new LinkedHashMap<>();
    private final Map<String, Double> valueFor = new LinkedHashMap<>();

    private RuleIndex(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (Rule r : rules) {
            r.supports().forEach(c -> supportRules.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
            r.against().forEach(c -> againstRules.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
            r.findings().forEach(f -> findingRules.computeIfAbsent(f, k -> new ArrayList<>()).add(r));
        }
    }

    /** Indexes DRL text by file path (as {@code RuleBase.sources()} holds it). */
    public static RuleIndex of(Map<String, String> drlByPath) {
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        drlByPath.forEach((path, raw) -> {
            String text = stripComments(raw);
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                Matcher wt = WHEN_THEN.matcher(m.group(5));
                if (!wt.find()) {
                    continue;
                }
                rules.add(parseRule(name, path, wt.group(1), wt.group(2), m.group(5), counts, values));
            }
        });
        RuleIndex index = new RuleIndex(rules);
        index.countFor.putAll(counts);
        index.valueFor.putAll(values);
        return index;
    }

    private static Rule parseRule(String name, String file, String lhs, String rhs, String whole,
                                  Map<String, Integer> counts, Map<String, Double> values) {
        List<Condition> conditions = new ArrayList<>();
        Matcher p = PATTERN_START.matcher(lhs);
        int from = 0;
        while (from < lhs.length() && p.find(from)) {
            int open = p.end() - 1;
            int close = matchingParen(lhs, open);
            String constraint = lhs.substring(open + 1, Math.max(open + 1, close));
            String before = lhs.substring(0, p.start());
            String binding = null;
            Matcher b = BINDING.matcher(before);
            if (b.find()) {
                binding = b.group(1);
                before = before.substring(0, b.start());
            }
            boolean negated = before.replaceAll("[\\s(]+$", "").matches("(?s).*\\bnot$");
            Kind kind = Kind.valueOf(p.group(1).toUpperCase());
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
            String reply = null;
            if (kind == Kind.ANSWER) {
                Matcher r = REPLY.matcher(constraint);
                reply = r.find() ? r.group(1) : IS_NO.matcher(constraint).find() ? "NO" : null;
            }
            if (!ids.isEmpty()) {
                conditions.add(new Condition(kind, Set.copyOf(ids), negated, reply));
                if (kind == Kind.SYMPTOM && !negated) {
                    thresholds(constraint, binding == null ? null : whole, binding, ids, counts, values);
                }
            }
            from = close < 0 ? lhs.length() : close + 1;
        }
        return new Rule(name, file, List.copyOf(conditions), ids(SUPPORT, rhs), ids(AGAINST, rhs), ids(FINDING, rhs),
                certainties(rhs));
    }

    /** The largest factor in (0, 1] each {@code Support.of} of the consequence gives ("$s.count() >= 2 ? 0.8 : 0.6": 0.8). */
    private static Map<String, Double> certainties(String rhs) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = SUPPORT_CF.matcher(rhs);
        while (m.find()) {
            double best = 0;
            String expr = m.group(3);
            Matcher n = NUMBER.matcher(expr);
            while (n.find()) {
                double v = Double.parseDouble(n.group(1));
                if (v > 0 && v <= 1 && expr.substring(0, n.start()).matches("(?s).*(\\?|:|,|\\(|^)\\s*$")) {
                    best = Math.max(best, v);
                }
            }
            out.merge((m.group(1).equals("Against") ? AGAINST_KEY : "") + m.group(2), best > 0 ? best : DEFAULT_CF, Math::max);
        }
        return Map.copyOf(out);
    }

    /** The count (and value) a symptom must reach for the rules that test it: the largest lower bound. */
    private static void thresholds(String constraint, String whole, String binding, Set<String> ids,
                                   Map<String, Integer> counts, Map<String, Double> values) {
        List<String> texts = new ArrayList<>();
        texts.add(constraint);
        if (whole != null) {
            // "$s.count() >= 2 ? 0.8 : 0.6" in the consequence, or an eval in the conditions
            Matcher m = Pattern.compile(Pattern.quote(binding) + "\\.(count|value|maxValue)\\s*\\(\\s*\\)\\s*(>=|>)\\s*(-?\\d+(?:\\.\\d+)?)")
                    .matcher(whole);
            while (m.find()) {
                texts.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
        }
        for (String t : texts) {
            Matcher c = COUNT_LOWER.matcher(t);
            while (c.find()) {
                int n = Integer.parseInt(c.group(2)) + (c.group(1).equals(">") ? 1 : 0);
                ids.forEach(i -> counts.merge(i, n, Math::max));
            }
            Matcher v = VALUE_LOWER.matcher(t);
            while (v.find()) {
                double n = Double.parseDouble(v.group(2));
                boolean strict = v.group(1).equals(">");
                double need = strict ? (n == Math.rint(n) ? n + 1 : n * 1.01 + 0.01) : n;
                ids.forEach(i -> values.merge(i, need, Math::max));
            }
        }
    }

    private static Set<String> ids(Pattern p, String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return Set.copyOf(out);
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Removes // and /* comments outside string literals, keeping line structure. */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        char quote = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        out.append('\n');
                    }
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules that support a cause. */
    public List<Rule> supporting(String cause) {
        return supportRules.getOrDefault(cause, List.of());
    }

    /** The rules that speak against a cause. */
    public List<Rule> against(String cause) {
        return againstRules.getOrDefault(cause, List.of());
    }

    /** The rules that conclude a finding. */
    public List<Rule> concluding(String finding) {
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
        List<Rule> todo = new ArrayList<>(supporting(cause));
        todo.addAll(against(cause));
        collect(todo, out, seenFindings);
        return out;
    }

    private void collect(Collection<Rule> rules, Set<String> out, Set<String> seenFindings) {
        for (Rule r : rules) {
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
            for (Rule r : supporting(c)) {
                polarities(List.of(r), true, r.cfFor(c), positive, negative, new HashSet<>());
            }
            // what a rule against the cause needs present is what the cause makes unlikely
            for (Rule r : against(c)) {
                polarities(List.of(r), false, r.againstCfFor(c), positive, negative, new HashSet<>());
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

    private void polarities(Collection<Rule> rules, boolean sign, double cf, Map<String, Double> positive,
                            Map<String, Double> negative, Set<String> seenFindings) {
        for (Rule r : rules) {
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
