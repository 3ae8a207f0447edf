package triage.plan;

import org.junit.jupiter.api.Test;
import triage.knowledge.CauseDef;
import triage.knowledge.Phase;
import triage.knowledge.Risk;
import triage.knowledge.Severity;
import triage.knowledge.StepDef;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans are safety first: stop the damage, diagnose, repair least invasive first with verification, escalate. */
class RemediationPlannerTest {

    private static StepDef step(String action, Risk risk, Phase phase, String verify) {
        return new StepDef(action, null, verify, risk, phase, null);
    }

    @Test
    void stopDamageFirstThenChecksThenRepairsLeastInvasiveFirstEachVerifiedThenEscalation() {
        CauseDef cause = new CauseDef("risk.losses-exceeding-limits", "Losses beyond limits", "risk", Severity.CRITICAL, "",
                null, List.of("x#y"), List.of(), List.of(
                step("Flatten positions", Risk.DESTRUCTIVE, Phase.REPAIR, null),
                step("Restart the risk service", Risk.DISRUPTIVE, Phase.REPAIR, "risk service healthy"),
                step("Read the risk log", Risk.SAFE, Phase.DIAGNOSE, null),
                step("Trip the circuit breaker", Risk.DISRUPTIVE, Phase.STOP_DAMAGE, null),
                step("Tighten the loss limit", Risk.SAFE, Phase.REPAIR, null)), List.of(), null);
        List<RemediationStep> plan = new RemediationPlanner().plan(cause);
        assertThat(plan).extracting(RemediationStep::action).containsExactly(
                "Trip the circuit breaker", "Read the risk log", "Tighten the loss limit", "Restart the risk service",
                "Verify: risk service healthy", "Flatten positions",
                "If the problem persists after these steps, escalate to the platform on-call engineer with this diagnosis and the evidence it cites and the head of trading");
        assertThat(plan).extracting(RemediationStep::order).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(plan.get(5).requiresConfirmation()).isTrue();
        assertThat(plan.get(0).requiresConfirmation()).isFalse();
    }

    private static CauseDef cause(Severity severity, StepDef... steps) {
        return new CauseDef("exchange.rate-limited", "Rate limited", "exchange", severity, "", null, List.of("x#y"),
                List.of(), List.of(steps), List.of(), null);
    }

    @Test
    void theGuidesOwnEscalationReplacesTheDefaultAndKeepsItsCommandCheckAndConfirmation() {
        StepDef page = new StepDef("Page the exchange desk", "pagerduty trigger exchange-desk", "desk acknowledged",
                Risk.DISRUPTIVE, Phase.ESCALATE, true);
        List<RemediationStep> plan = new RemediationPlanner().plan(cause(Severity.CRITICAL,
                page, step("Back off the request rate", Risk.SAFE, Phase.REPAIR, null)));
        assertThat(plan).hasSize(2);
        assertThat(plan.get(1)).isEqualTo(new RemediationStep(2, Phase.ESCALATE, "Page the exchange desk",
                "pagerduty trigger exchange-desk", "desk acknowledged", Risk.DISRUPTIVE, true));
    }

    @Test
    void aCauseBelowCriticalEscalatesToTheOnCallEngineerOnly() {
        List<RemediationStep> plan = new RemediationPlanner().plan(cause(Severity.HIGH,
                step("Back off the request rate", Risk.SAFE, Phase.REPAIR, null)));
        assertThat(plan.get(plan.size() - 1)).isEqualTo(new RemediationStep(2, Phase.ESCALATE,
                "If the problem persists after these steps, escalate to the platform on-call engineer with this diagnosis and the evidence it cites",
                null, null, Risk.SAFE, false));
    }

    @Test
    void eachStepKeepsItsCommandAndItsVerificationIsASafeCheckWithoutCommand() {
        StepDef restart = new StepDef("Restart the gateway", "systemctl restart gateway", "gateway answers /health",
                Risk.DISRUPTIVE, Phase.REPAIR, null);
        List<RemediationStep> plan = new RemediationPlanner().plan(cause(Severity.HIGH, restart));
        assertThat(plan.get(0)).isEqualTo(new RemediationStep(1, Phase.REPAIR, "Restart the gateway",
                "systemctl restart gateway", null, Risk.DISRUPTIVE, false));
        assertThat(plan.get(1)).isEqualTo(new RemediationStep(2, Phase.DIAGNOSE, "Verify: gateway answers /health",
                null, null, Risk.SAFE, false));
    }

    @Test
    void aBlankVerificationAddsNoVerifyStep() {
        List<RemediationStep> plan = new RemediationPlanner().plan(cause(Severity.HIGH,
                step("Back off the request rate", Risk.SAFE, Phase.REPAIR, "  ")));
        assertThat(plan).extracting(RemediationStep::phase).containsExactly(Phase.REPAIR, Phase.ESCALATE);
    }

    @Test
    void aSafeStepTheGuideMarksForConfirmationMustBeConfirmed() {
        StepDef live = new StepDef("Switch the strategy to paper trading", null, null, Risk.SAFE, Phase.STOP_DAMAGE, true);
        assertThat(new RemediationPlanner().plan(cause(Severity.HIGH, live)).get(0).requiresConfirmation()).isTrue();
    }
}
