package triage.facts;

import org.drools.model.Drools;
import org.kie.api.runtime.rule.RuleContext;

/** The rule context behind the {@code drools} of a consequence, in either engine. */
final class RuleContexts {
    private RuleContexts() {
    }

    static RuleContext of(Drools drools) {
        if (drools instanceof RuleContext context) {
            return context;
        }
        RuleContext context = drools.getContext(RuleContext.class);
        if (context == null) {
            throw new IllegalStateException("no rule context in " + drools.getClass().getName());
        }
        return context;
    }
}
