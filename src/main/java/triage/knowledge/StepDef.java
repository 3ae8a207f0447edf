package triage.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A remediation step as written in the knowledge base.
 *
 * @param action  what to do, in words
 * @param command the command that does it, where the guide gives one
 * @param verify  how to check that it worked
 * @param risk    safe, disruptive or destructive (default safe)
 * @param phase   stop-damage, diagnose, repair or escalate (default repair)
 */
public record StepDef(String action, String command, String verify, Risk risk, Phase phase,
                      @JsonProperty("confirm") Boolean confirm) {

    public StepDef {
        risk = risk == null ? Risk.SAFE : risk;
        phase = phase == null ? Phase.REPAIR : phase;
    }

    /** Destructive steps, and any step marked so, must be confirmed explicitly by a person. */
    public boolean needsConfirmation() {
        return risk == Risk.DESTRUCTIVE || Boolean.TRUE.equals(confirm);
    }
}
