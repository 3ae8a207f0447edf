package triage.knowledge;

import java.util.List;

/** One recognition file: how symptoms show in text lines, metrics and alerts. */
public record Recognition(List<PatternDef> patterns, List<MetricDef> metrics, List<AlertDef> alerts) {

    public Recognition {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
