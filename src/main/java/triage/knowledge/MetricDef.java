package triage.knowledge;

import java.util.Map;

/**
 * How a symptom shows in a Prometheus sample.
 *
 * @param metric regex the metric name must match in full
 * @param labels label name to regex its value must match in full
 * @param above  the sample must be greater than this, when given
 * @param below  the sample must be lower than this, when given
 * @param subject label whose value becomes the subject
 * @param absent a matching sample shows the healthy state
 */
public record MetricDef(String symptom, String metric, Map<String, String> labels, Double above,
                        Double below, String subject, Boolean absent) {

    public MetricDef {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public boolean isAbsent() {
        return Boolean.TRUE.equals(absent);
    }
}
