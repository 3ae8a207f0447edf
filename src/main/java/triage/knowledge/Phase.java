package triage.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a remediation step belongs in a plan: stop the damage first (circuit breaker, kill switch,
 * cancel open orders), then confirm the diagnosis, then repair, then escalate.
 */
public enum Phase {
    STOP_DAMAGE, DIAGNOSE, REPAIR, ESCALATE;

    @JsonCreator
    public static Phase parse(String text) {
        return valueOf(text.trim().toUpperCase().replace('-', '_'));
    }

    @JsonValue
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
