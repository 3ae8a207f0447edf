package triage.engine;

import triage.facts.Against;
import triage.facts.Finding;
import triage.facts.Support;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one session concluded: the supports and againsts the rules inserted, the findings, and a
 * way to trace any inserted fact back to the rule and facts that justified it, and warnings (a
 * firing or time limit that stopped the rules, naming the rule), and how often each rule fired.
 */
public record SessionResult(List<Support> supports, List<Against> against, List<Finding> findings,
                            Function<Object, Trace> tracer, int firings, List<String> warnings,
                            Map<String, Integer> firingsByRule) {

    public SessionResult {
        warnings = List.copyOf(warnings);
        firingsByRule = Map.copyOf(firingsByRule);
    }

    /** The rule that inserted a fact, and the facts its match held. */
    public record Trace(String rule, List<Object> facts) {
    }

    public Trace trace(Object fact) {
        return tracer.apply(fact);
    }
}
