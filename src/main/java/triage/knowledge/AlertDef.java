package triage.knowledge;

import java.util.List;

/**
 * An alert name (as Prometheus alerting rules name them) mapped to the symptoms it means.
 *
 * @param alert   regex the alertname label must match in full
 * @param subject label whose value becomes the subject (instance, service, exchange...)
 */
public record AlertDef(String alert, List<String> symptoms, String subject) {

    public AlertDef {
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
    }
}
