package triage.evidence;

import triage.knowledge.AlertDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.MetricDef;
import triage.knowledge.PatternDef;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises symptoms in evidence using the knowledge base's recognition entries: line patterns,
 * metric conditions and alert names. All of the knowledge is data; this class only applies it.
 * Immutable and thread-safe once built.
 */
public final class Recognizer {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private record LinePattern(PatternDef def, Pattern regex, Pattern files, Pattern jsonPath, List<String> keywords,
                               List<String> groups) {
    }

    private record MetricCondition(MetricDef def, Pattern name, Map<String, Pattern> labels) {
    }

    private record AlertMapping(AlertDef def, Pattern name) {
    }

    private final List<LinePattern> linePatterns = new ArrayList<>();
    /** Patterns with keywords, found through the index; the others run on every line. */
    private final KeywordIndex keywordIndex;
    /**
     * The same index without the patterns a gate keeps from the plain lines of most files: those gated on
     * {@code files:} (which apply only in the files or command outputs the gate admits) and those gated on
     * {@code json_path:} (which see only the values of JSON lines, which the sieve reads whatever they contain).
     */
    private final KeywordIndex ungatedIndex;
    /** The patterns gated on {@code files:}. */
    private final BitSet filesGated = new BitSet();
    private final int[] alwaysRun;
    /** Thread-safe: readers on several threads share one recognizer. */
    private final java.util.concurrent.ConcurrentHashMap<String, BitSet> allowedByContext = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<MetricCondition> metricConditions = new ArrayList<>();
    private final List<AlertMapping> alertMappings = new ArrayList<>();
    private final triage.evidence.config.ConfiguredValues configured;

    public Recognizer(KnowledgeBase kb) {
        for (PatternDef p : kb.patterns()) {
            List<String> groups = new ArrayList<>();
            Matcher g = GROUP_NAME.matcher(p.regex());
            while (g.find()) {
                groups.add(g.group(1));
            }
            linePatterns.add(new LinePattern(p, Pattern.compile(p.regex()),
                    p.files() == null ? null : Pattern.compile(p.files(), Pattern.CASE_INSENSITIVE),
                    p.jsonPath() == null ? null : Pattern.compile(p.jsonPath(), Pattern.CASE_INSENSITIVE),
                    p.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList(), groups));
        }
        List<List<KeywordIndex.Entry>> entries = new ArrayList<>();
        List<List<KeywordIndex.Entry>> ungated = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        for (int i = 0; i < linePatterns.size(); i++) {
            LinePattern p = linePatterns.get(i);
            List<KeywordIndex.Entry> mine = entries(p.def);
            entries.add(mine);
            if (p.keywords.isEmpty()) {
                always.add(i);
            }
            if (p.files != null) {
                filesGated.set(i);
            }
            ungated.add(p.files != null || p.jsonPath != null ? List.of() : mine);
        }
        keywordIndex = new KeywordIndex(entries, true);
        ungatedIndex = new KeywordIndex(ungated, true);
        alwaysRun = always.stream().mapToInt(Integer::intValue).toArray();
        for (MetricDef m : kb.metrics()) {
            Map<String, Pattern> labels = new LinkedHashMap<>();
            m.labels().forEach((k, v) -> labels.put(k, Pattern.compile(v)));
            metricConditions.add(new MetricCondition(m, Pattern.compile(m.metric()), labels));
        }
        for (AlertDef a : kb.alerts()) {
            alertMappings.add(new AlertMapping(a, Pattern.compile(a.alert())));
        }
        configured = new triage.evidence.config.ConfiguredValues(kb);
    }

    /**
     * A pattern's keywords as the pre-filter uses them: each on the condition of its other parts (a compound
     * keyword) and of the pattern's {@link ValueGate}, when it has one.
     */
    static List<KeywordIndex.Entry> entries(PatternDef p) {
        ValueGate gate = ValueGate.of(p);
        return p.keywords().stream().map(k -> new KeywordIndex.Entry(k.toLowerCase(Locale.ROOT), gate)).toList();
    }

    /** Symptoms a line of text shows. */
    public void recognise(EvidenceLine line, List<Observation> out) {
        recognise(line, null, out);
    }

    /**
     * Symptoms a line shows, for a flattened JSON value ({@code path: value}) with its path; patterns
     * gated by {@code json_path:} apply only to such values, the others to any line.
     *
     * @param jsonPath the value's flattened path, or null for a line that is not a JSON value
     */
    public void recognise(EvidenceLine line, String jsonPath, List<Observation> out) {
        String text = line.text();
        BitSet candidates = new BitSet(linePatterns.size());
        keywordIndex.match(text, candidates);
        for (int i : alwaysRun) {
            candidates.set(i);
        }
        candidates.and(allowedIn(line.context()));
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            LinePattern p = linePatterns.get(i);
            if (p.jsonPath != null && (jsonPath == null || !p.jsonPath.matcher(jsonPath).find())) {
                continue;
            }
            Matcher m = p.regex.matcher(text);
            if (!m.find()) {
                continue;
            }
            Map<String, String> attributes = new HashMap<>();
            for (String group : p.groups) {
                String v = m.group(group);
                if (v != null) {
                    attributes.put(group, v);
                }
            }
            double value = parseNumber(attributes.get("value"));
            if (attributes.containsKey("unit")) {
                value = triage.evidence.config.Quantity.normalise(value, attributes.get("unit")); // durations in seconds
            }
            if (!withinBounds(value, p.def.min(), p.def.max())) {
                continue;
            }
            out.add(new Observation(p.def.symptom(), attributes.getOrDefault("subject", ""), value, line.timestamp(),
                    line.source(), text, attributes, p.def.isAbsent()));
        }
        configured.read(line, out);
    }

    /**
     * Whether some pattern's keyword occurs in a line of ASCII bytes {@code [from, to)}: when none does,
     * and {@link #runsOnEveryLineIn} is false for the line's context, no pattern can match the line.
     */
    boolean mayMatch(byte[] line, int from, int to) {
        return keywordIndex.occursIn(line, from, to);
    }

    /**
     * The same for a line outside JSON read in a context: when no pattern gated on {@code files:} applies
     * there ({@code gatedAdmitted} false, see {@link #admitsGated}), only the keywords of the ungated patterns
     * count, since no other pattern can match such a line there.
     */
    boolean mayMatch(byte[] line, int from, int to, boolean gatedAdmitted) {
        return (gatedAdmitted ? keywordIndex : ungatedIndex).occursIn(line, from, to);
    }

    /** Whether some pattern gated on {@code files:} applies to the lines read in a context. */
    boolean admitsGated(String context) {
        return allowedIn(context).intersects(filesGated);
    }

    /** Whether a pattern without keywords applies to the lines (not JSON values) read in a context. */
    boolean runsOnEveryLineIn(String context) {
        if (configured.readsEveryLineIn(context)) {
            return true;
        }
        BitSet allowed = allowedIn(context);
        for (int i : alwaysRun) {
            if (allowed.get(i) && linePatterns.get(i).jsonPath == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The patterns whose {@code files:} expression admits a context (a file name, or a command in a
     * transcript). Contexts change rarely within a file, so this is worked out once per context.
     */
    private BitSet allowedIn(String context) {
        BitSet allowed = allowedByContext.get(context);
        if (allowed == null) {
            allowed = new BitSet(linePatterns.size());
            for (int i = 0; i < linePatterns.size(); i++) {
                Pattern files = linePatterns.get(i).files;
                if (files == null || files.matcher(context).find()) {
                    allowed.set(i);
                }
            }
            if (allowedByContext.size() > 10_000) {
                allowedByContext.clear(); // a bound, for transcripts with endless distinct commands
            }
            allowedByContext.put(context, allowed);
        }
        return allowed;
    }

    /** Symptoms a metric sample shows. */
    public void recognise(MetricSample sample, EvidenceLine line, List<Observation> out) {
        for (MetricCondition c : metricConditions) {
            if (!c.name.matcher(sample.name()).matches()) {
                continue;
            }
            boolean labelsMatch = true;
            for (Map.Entry<String, Pattern> l : c.labels.entrySet()) {
                String v = sample.labels().get(l.getKey());
                if (v == null || !l.getValue().matcher(v).matches()) {
                    labelsMatch = false;
                    break;
                }
            }
            if (!labelsMatch) {
                continue;
            }
            MetricDef d = c.def;
            if ((d.above() != null && !(sample.value() > d.above())) || (d.below() != null && !(sample.value() < d.below()))) {
                continue;
            }
            String subject = d.subject() == null ? "" : sample.labels().getOrDefault(d.subject(), "");
            out.add(new Observation(d.symptom(), subject, sample.value(), line.timestamp(), line.source(), line.text(),
                    sample.labels(), d.isAbsent()));
        }
    }

    /** Symptoms an alert (from an Alertmanager payload) means, by its alertname. */
    public void recogniseAlert(Map<String, String> labels, EvidenceLine line, List<Observation> out) {
        String name = labels.getOrDefault("alertname", "");
        for (AlertMapping a : alertMappings) {
            if (!a.name.matcher(name).matches()) {
                continue;
            }
            String subject = a.def.subject() == null ? "" : labels.getOrDefault(a.def.subject(), "");
            for (String symptom : a.def.symptoms()) {
                out.add(new Observation(symptom, subject, Double.NaN, line.timestamp(), line.source(), line.text(),
                        labels, false));
            }
        }
    }

    private static boolean withinBounds(double value, Double min, Double max) {
        if (min == null && max == null) {
            return true;
        }
        if (Double.isNaN(value)) {
            return false;
        }
        return (min == null || value >= min) && (max == null || value <= max);
    }

    static double parseNumber(String text) {
        if (text == null || text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
