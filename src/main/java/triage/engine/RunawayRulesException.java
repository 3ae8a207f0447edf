package triage.engine;

/** A rule kept firing past the firing or time limit; names the rule and its file. */
public class RunawayRulesException extends RuntimeException {
    public RunawayRulesException(String message) {
        super(message);
    }
}
