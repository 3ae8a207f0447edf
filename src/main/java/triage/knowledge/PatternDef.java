package triage.knowledge;

import java.util.List;

/**
 * How a symptom shows in a line of text (a log line, a command's output, a flattened JSON field).
 *
 * @param symptom  the symptom it recognises
 * @param regex    a Java regular expression; named groups become attributes, {@code value} the value,
 *                 {@code subject} the subject
 * @param keywords optional literals of which at least one must occur in the line (case-insensitive);
 *                 a cheap pre-filter before the expression runs; {@code 'a && b'} counts only where all of
 *                 its parts occur
 * @param min      the value must be at least this, when given
 * @param max      the value must be at most this, when given
 * @param absent   the line shows the healthy state: the symptom is known NOT to hold
 * @param files    optional regex the file name must match (e.g. {@code df}), for command outputs
 * @param examples real lines, in different wordings or layouts, that the pattern must recognise
 * @param counterExamples routine or healthy lines the pattern must not recognise
 * @param exampleFile the file name (or {@code file $ command} of a transcript) its examples are checked in,
 *                 when {@code kb check} cannot derive one that its {@code files:} gate admits
 * @param jsonPath optional regex (found, case-insensitive) on the flattened path of a JSON value
 *                 ({@code exchanges.binance.status}); the pattern then applies only to JSON values at such a
 *                 path, in whichever file or command output the JSON shows, and its regex sees {@code path: value}
 */
public record PatternDef(String symptom, String regex, List<String> keywords, Double min, Double max,
                         Boolean absent, String files, List<String> examples,
                         List<String> counterExamples, String exampleFile, String jsonPath) {

    public PatternDef {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        examples = examples == null ? List.of() : List.copyOf(examples);
        counterExamples = counterExamples == null ? List.of() : List.copyOf(counterExamples);
    }

    public PatternDef(String symptom, String regex, List<String> keywords, Double min, Double max,
                      Boolean absent, String files) {
        this(symptom, regex, keywords, min, max, absent, files, List.of(), List.of(), null, null);
    }

    public PatternDef(String symptom, String regex, List<String> keywords, Double min, Double max,
                      Boolean absent, String files, List<String> examples, List<String> counterExamples) {
        this(symptom, regex, keywords, min, max, absent, files, examples, counterExamples, null, null);
    }

    public PatternDef(String symptom, String regex, List<String> keywords, Double min, Double max,
                      Boolean absent, String files, List<String> examples, List<String> counterExamples,
                      String exampleFile) {
        this(symptom, regex, keywords, min, max, absent, files, examples, counterExamples, exampleFile, null);
    }

    public boolean isAbsent() {
        return Boolean.TRUE.equals(absent);
    }
}
