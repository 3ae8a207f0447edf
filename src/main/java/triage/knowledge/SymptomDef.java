package triage.knowledge;

/**
 * A word of the vocabulary the rules speak: an observable symptom, with the question a person
 * would be asked to check it and the command that checks it.
 *
 * @param unit    when the symptom takes a value (ms, %, count...), its unit; null for yes/no symptoms
 * @param min     lowest accepted value, when it takes one
 * @param max     highest accepted value, when it takes one
 * @param derived how the symptom is worked out from other symptoms after recognition; null when it is read
 *                from evidence directly
 */
public record SymptomDef(String id, String description, String question, String command,
                         String unit, Double min, Double max, DerivationDef derived) {

    public SymptomDef(String id, String description, String question, String command, String unit, Double min, Double max) {
        this(id, description, question, command, unit, min, max, null);
    }

    public boolean takesValue() {
        return unit != null && !unit.isBlank();
    }
}
