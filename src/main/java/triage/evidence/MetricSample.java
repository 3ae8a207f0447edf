package triage.evidence;

import java.util.Map;

/** One sample of Prometheus text exposition format: {@code name{labels} value [timestamp]}. */
public record MetricSample(String name, Map<String, String> labels, double value) {
}
