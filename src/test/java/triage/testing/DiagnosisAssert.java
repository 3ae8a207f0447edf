package triage.testing;

import org.assertj.core.api.AbstractAssert;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.knowledge.Phase;
import triage.plan.RemediationStep;

import java.util.List;
import java.util.Optional;

/** Assertions that read as specifications: {@code assertThat(d).ranksFirst("exchange.rate-limited")}. */
public final class DiagnosisAssert extends AbstractAssert<DiagnosisAssert, Diagnosis> {

    private DiagnosisAssert(Diagnosis actual) {
        super(actual, DiagnosisAssert.class);
    }

    public static DiagnosisAssert assertThat(Diagnosis d) {
        return new DiagnosisAssert(d);
    }

    private List<String> ids() {
        return actual.causes().stream().map(CauseHypothesis::id).toList();
    }

    private String describe() {
        StringBuilder sb = new StringBuilder("causes ").append(ids());
        sb.append(", candidates ").append(actual.candidates().stream().map(c -> c.id() + "@" + c.confidence()).toList());
        sb.append(", symptoms ").append(actual.symptoms().stream().map(s -> s.id() + "x" + s.count()).toList());
        return sb.toString();
    }

    public DiagnosisAssert ranksFirst(String causeId) {
        isNotNull();
        if (actual.causes().isEmpty() || !actual.causes().get(0).id().equals(causeId)) {
            failWithMessage("expected %s to rank first, but got %s", causeId, describe());
        }
        return this;
    }

    public DiagnosisAssert ranksAbove(String higher, String lower) {
        List<String> ids = ids();
        int h = ids.indexOf(higher);
        int l = ids.indexOf(lower);
        if (h < 0 || (l >= 0 && l < h)) {
            failWithMessage("expected %s to rank above %s, but got %s", higher, lower, describe());
        }
        return this;
    }

    public DiagnosisAssert reports(String causeId) {
        if (!ids().contains(causeId)) {
            failWithMessage("expected %s to be reported, but got %s", causeId, describe());
        }
        return this;
    }

    public DiagnosisAssert doesNotReport(String causeId) {
        if (ids().contains(causeId)) {
            failWithMessage("expected %s not to be reported, but got %s", causeId, describe());
        }
        return this;
    }

    public DiagnosisAssert reportsNoCause() {
        if (!actual.causes().isEmpty()) {
            failWithMessage("expected no cause, but got %s", describe());
        }
        return this;
    }

    public DiagnosisAssert hasCandidate(String causeId) {
        if (actual.candidates().stream().noneMatch(c -> c.id().equals(causeId))) {
            failWithMessage("expected candidate %s, but got %s", causeId, describe());
        }
        return this;
    }

    /** Not even left as a candidate below the reporting threshold: the evidence rules it out. */
    public DiagnosisAssert hasNoCandidate(String causeId) {
        if (actual.candidates().stream().anyMatch(c -> c.id().equals(causeId))) {
            failWithMessage("expected no candidate %s, but got %s", causeId, describe());
        }
        return this;
    }

    public DiagnosisAssert recognises(String symptomId) {
        if (actual.symptoms().stream().noneMatch(s -> s.id().equals(symptomId))) {
            failWithMessage("expected symptom %s to be recognised, but got %s", symptomId, describe());
        }
        return this;
    }

    /** The top cause was concluded by (among others) this rule. */
    public DiagnosisAssert firedRule(String ruleName) {
        ranksFirstExists();
        boolean fired = actual.causes().get(0).supportingRules().stream().anyMatch(r -> r.rule().equals(ruleName));
        if (!fired) {
            failWithMessage("expected rule \"%s\" to support %s, but rules were %s", ruleName, actual.causes().get(0).id(),
                    actual.causes().get(0).supportingRules().stream().map(CauseHypothesis.RuleContribution::rule).toList());
        }
        return this;
    }

    /** The top cause's plan opens with steps that stop the damage. */
    public DiagnosisAssert planStartsByStoppingDamage() {
        ranksFirstExists();
        List<RemediationStep> plan = actual.causes().get(0).remediation();
        if (plan.isEmpty() || plan.get(0).phase() != Phase.STOP_DAMAGE) {
            failWithMessage("expected the plan of %s to start with a stop-damage step, but was %s", actual.causes().get(0).id(),
                    plan.stream().map(s -> s.phase().label() + ": " + s.action()).toList());
        }
        return this;
    }

    public CauseHypothesis top() {
        ranksFirstExists();
        return actual.causes().get(0);
    }

    public Optional<CauseHypothesis> cause(String id) {
        return actual.causes().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private void ranksFirstExists() {
        if (actual.causes().isEmpty()) {
            failWithMessage("expected a cause, but got %s", describe());
        }
    }
}
