package triage.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One rule's evidence for a cause, with the certainty factor (0..1] that rule gives it.
 * Rules insert these logically: {@code insertLogical(Support.of("exchange.rate-limited", 0.8, drools));}
 * How supports combine into a confidence lives in {@code triage.engine.Certainty}.
 */
public record Support(String cause, double cf, String rule) {

    public Support {
        if (!(cf > 0 && cf <= 1)) {
            throw new IllegalArgumentException("certainty factor must be in (0, 1], was " + cf + " in rule " + rule);
        }
    }

    public static Support of(String cause, double cf, RuleContext drools) {
        return new Support(cause, cf, drools.getRule().getName());
    }

    /** The same from a rule compiled into the executable model, where {@code drools} has this type. */
    public static Support of(String cause, double cf, org.drools.model.Drools drools) {
        return of(cause, cf, RuleContexts.of(drools));
    }
}
