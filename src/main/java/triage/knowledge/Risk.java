package triage.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The risk class of a remediation step. Destructive steps need explicit confirmation. */
public enum Risk {
    SAFE, DISRUPTIVE, DESTRUCTIVE;

    @JsonCreator
    public static Risk parse(String text) {
        return valueOf(text.trim().toUpperCase());
    }

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }
}
