package triage.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a cause is; critical means money at risk and trading must halt. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** Higher is worse, for ranking ties. */
    public int weight() {
        return 3 - ordinal();
    }

    @JsonCreator
    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase());
    }

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }
}
