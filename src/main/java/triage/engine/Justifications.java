package triage.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, for every fact a rule inserted, which rule inserted it and the facts its match held,
 * so that a conclusion can be traced back to the symptoms that led to it. Also counts firings per
 * rule, to name the culprit when a rule runs away. One instance per session.
 */
final class Justifications extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** {@code order}: the how-many-th conclusion of the session, so that conclusions are listed as they were drawn. */
    record Justification(String rule, List<Object> facts, int order) {
    }

    private final Map<Object, Justification> byFact = new IdentityHashMap<>();
    private final Map<String, Integer> firings = new HashMap<>();
    private Match current;
    private int total;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        total++;
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current != null && event.getRule() != null) {
            byFact.put(event.getObject(), new Justification(event.getRule().getName(),
                    List.copyOf(current.getObjects()), byFact.size()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    Justification of(Object fact) {
        return byFact.get(fact);
    }

    int total() {
        return total;
    }

    /** The rule that fired most, the usual suspect of a runaway. */
    String busiestRule() {
        return firings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
    }

    Map<String, Integer> firingsByRule() {
        return firings;
    }

    int firingsOf(String rule) {
        return firings.getOrDefault(rule, 0);
    }
}
