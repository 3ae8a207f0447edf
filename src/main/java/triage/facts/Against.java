package triage.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One rule's evidence against a cause (a fact that speaks for a sibling cause, or a healthy state),
 * with the certainty factor (0..1] of the disbelief.
 */
public record Against(String cause, double cf, String rule) {

    public Against {
        if (!(cf > 0 && cf <= 1)) {
            throw new IllegalArgumentException("certainty factor must be in (0, 1], was " + cf + " in rule " + rule);
        }
    }

    public static Against of(String cause, double cf, RuleContext drools) {
        return new Against(cause, cf, drools.getRule().getName());
    }

    /** The same from a rule compiled into the executable model, where {@code drools} has this type. */
    public static Against of(String cause, double cf, org.drools.model.Drools drools) {
        return of(cause, cf, RuleContexts.of(drools));
    }
}
