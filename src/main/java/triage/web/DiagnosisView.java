package triage.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A diagnosis as the pages show it, read from its JSON (as answered and stored): ranked causes with
 * their evidence, the rules that concluded them (their names read as sentences), and the plan with
 * the stop-damage steps apart; candidates and their checks when the evidence is insufficient.
 */
public record DiagnosisView(List<CauseView> causes, List<CauseView> candidates, boolean insufficient, List<String> warnings) {

    public record CauseView(String id, String title, String confidence, String severity, List<EvidenceView> evidence,
                            List<String> why, List<StepView> stopDamage, List<StepView> steps, List<String> checks) {
    }

    public record EvidenceView(String source, String text) {
    }

    /** One step; {@code confirm} marks destructive or confirm-first steps. */
    public record StepView(int order, String phase, String action, String command, String verify, String risk,
                           boolean confirm) {
    }

    public static DiagnosisView of(JsonNode d) {
        List<String> warnings = new ArrayList<>();
        d.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new DiagnosisView(causes(d.path("causes")), causes(d.path("candidates")),
                d.path("insufficient_evidence").asBoolean(false), warnings);
    }

    private static List<CauseView> causes(JsonNode list) {
        List<CauseView> out = new ArrayList<>();
        for (JsonNode c : list) {
            List<EvidenceView> evidence = new ArrayList<>();
            c.path("evidence").forEach(e -> evidence.add(new EvidenceView(e.path("source").asText(), e.path("text").asText())));
            List<String> why = new ArrayList<>();
            c.path("rules").forEach(r -> why.add(r.isTextual() ? r.asText() : r.path("rule").asText(r.path("name").asText())));
            List<StepView> stop = new ArrayList<>();
            List<StepView> steps = new ArrayList<>();
            for (JsonNode s : c.path("remediation")) {
                StepView v = new StepView(s.path("order").asInt(), s.path("phase").asText(), s.path("action").asText(),
                        s.path("command").asText(""), s.path("verify").asText(""), s.path("risk").asText(""),
                        s.path("requires_confirmation").asBoolean() || "destructive".equals(s.path("risk").asText()));
                ("stop-damage".equals(v.phase()) ? stop : steps).add(v);
            }
            List<String> checks = new ArrayList<>();
            c.path("checks").forEach(k -> checks.add(k.isTextual() ? k.asText()
                    : (k.path("question").asText(k.path("description").asText()) + (k.path("command").asText("").isEmpty()
                    ? "" : "  $ " + k.path("command").asText()))));
            out.add(new CauseView(c.path("id").asText(), c.path("title").asText(),
                    String.format(Locale.ROOT, "%.2f", c.path("confidence").asDouble()), c.path("severity").asText(""),
                    evidence, why, stop, steps, checks));
        }
        return out;
    }
}
