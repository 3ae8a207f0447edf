package triage.evidence.config;

import triage.evidence.EvidenceLine;
import triage.evidence.Observation;
import triage.knowledge.DerivationDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.SymptomDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads configured values (knowledge-base/symptoms entries of kind {@code configured}) where configuration
 * shows: in config files and the commands that print them (cat, grep, env, git diff, systemctl cat), and
 * in startup or reload lines. Each value becomes a sighting of its symptom, about the key as written,
 * its value normalised (durations in seconds), so rules can compare it with what was observed.
 */
public final class ConfiguredValues {

    /** Files and commands that hold configuration. */
    private static final Pattern CONFIG_CONTEXT = Pattern.compile(
            "(?i)\\.(?:ya?ml|toml|ini|env|conf|cfg|properties|service)\\b|(?:^|\\s|/)\\.env\\b|\\$\\s*(?:sudo\\s+)?(?:cat|grep|rg|env|printenv|"
                    + "git\\s+(?:diff|show|log\\s+-p)|systemctl\\s+(?:cat|show)|docker\\s+(?:inspect|compose\\s+config)|kubectl\\s+get\\b.*-o\\s*yaml)\\b");
    /** Log lines that report the configuration in force. */
    private static final Pattern CONFIG_LINE = Pattern.compile(
            "(?i)\\b(?:config(?:uration)?|settings|loaded|reloaded|reload|starting with|effective|environment)\\b");

    private record Entry(String symptom, Pattern key, String unit) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ConfiguredValues(KnowledgeBase kb) {
        for (SymptomDef s : kb.symptoms().values()) {
            DerivationDef d = s.derived();
            if (d != null && "configured".equals(d.kind()) && d.key() != null) {
                entries.add(new Entry(s.id(), Pattern.compile(d.key(), Pattern.CASE_INSENSITIVE), d.unit() == null ? "count" : d.unit()));
            }
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether every line read in a context (a config file, a cat/grep/env/git diff of one) may show configuration. */
    public boolean readsEveryLineIn(String context) {
        return !entries.isEmpty() && CONFIG_CONTEXT.matcher(context).find();
    }

    /** The configured values a line shows, when it is configuration (by its file or command, or its wording). */
    public void read(EvidenceLine line, List<Observation> out) {
        if (entries.isEmpty()) {
            return;
        }
        boolean configContext = CONFIG_CONTEXT.matcher(line.context()).find();
        // outside configuration, only log lines listing key=value pairs and naming the configuration are read
        if (!configContext && (line.text().indexOf('=') < 0 || !CONFIG_LINE.matcher(line.text()).find())) {
            return;
        }
        for (ConfigAssignment a : ConfigAssignment.in(line.text())) {
            for (Entry e : entries) {
                if (!e.key.matcher(a.key()).find()) {
                    continue;
                }
                double value = switch (e.unit) {
                    case "s" -> {
                        double v = Quantity.parse(a.value());
                        boolean bare = a.value().matches("\\s*-?[\\d.,_]+\\s*");
                        yield bare ? Quantity.normalise(v, Quantity.unitOfKey(a.key())) : v;
                    }
                    case "text" -> Double.NaN;
                    default -> Quantity.parse(a.value());
                };
                if (!"text".equals(e.unit) && Double.isNaN(value)) {
                    continue;
                }
                out.add(new Observation(e.symptom, a.key(), value, line.timestamp(), line.source(), line.text(),
                        Map.of("key", a.key(), "configured", a.value()), false));
            }
        }
    }
}
