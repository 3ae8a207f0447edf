package triage.knowledge;

import java.util.List;

/**
 * How a symptom shows in a line of text (a log line, a command's output, a flattened JSON field).
 *
 * @param symptom  the symptom it recognises
 * @param regex    a Java regular expression; named groups become attributes, {@code value} the value,
 *                 {@code subject} the subject
 * @param keywords optional literals of which at least one must occur in the line (case-insensitive);
 *                 a cheap pre-filter before the expression runs
 * @param min      the value must be at least this, when given
 * @param max      the value must be at most this, when given
 * @param absent   the line shows the healthy state: the symptom is known NOT to hold
 * @param files    optional regex the file name must match (e.g. {@code df}), for command outputs
 */
public record PatternDef(String symptom, String regex, List<String> keywords, Double min, Double max,
                         Boolean absent, String files) {

    public PatternDef {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public boolean isAbsent() {
        return Boolean.TRUE.equals(absent);
    }
}
