package triage.diagnosis;

import triage.knowledge.CauseDef;
import triage.knowledge.ComponentDef;
import triage.knowledge.KnowledgeBase;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream faults make downstream components fail: the database is down and every API times out.
 * A reported cause B is explained by a reported cause A when A lists B in {@code explains}, or when B
 * is marked {@code explained_by_upstream} and B's component depends (directly or through others) on
 * A's component in {@code components/*.yaml}.
 * Explained causes are not reported as causes of their own; they are listed under the upstream one.
 */
final class CascadeResolver {

    private final KnowledgeBase kb;

    CascadeResolver(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** @param ranked reported hypotheses, most likely first */
    List<CauseHypothesis> resolve(List<CauseHypothesis> ranked) {
        Map<String, List<String>> explainedBy = new LinkedHashMap<>();
        Set<String> explained = new HashSet<>();
        for (CauseHypothesis upstream : ranked) {
            if (explained.contains(upstream.id())) {
                continue;
            }
            for (CauseHypothesis downstream : ranked) {
                if (downstream != upstream && !explained.contains(downstream.id())
                        && explains(upstream.cause(), downstream.cause())) {
                    explained.add(downstream.id());
                    explainedBy.computeIfAbsent(upstream.id(), k -> new ArrayList<>()).add(downstream.id());
                }
            }
        }
        List<CauseHypothesis> result = new ArrayList<>();
        for (CauseHypothesis h : ranked) {
            if (!explained.contains(h.id())) {
                result.add(explainedBy.containsKey(h.id()) ? h.withExplains(explainedBy.get(h.id())) : h);
            }
        }
        // upstream causes first: a cause that explains others outranks what it explains
        return result;
    }

    boolean explains(CauseDef upstream, CauseDef downstream) {
        if (upstream.explains().contains(downstream.id())) {
            return true;
        }
        if (downstream.explains().contains(upstream.id())) {
            return false;
        }
        if (!downstream.isExplainedByUpstream()) {
            return false;
        }
        String from = upstream.component();
        String to = downstream.component();
        if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
            return false;
        }
        return dependsOn(to, from) && !dependsOn(from, to);
    }

    /** Whether component {@code a} needs component {@code b}, directly or transitively. */
    boolean dependsOn(String a, String b) {
        Deque<String> todo = new ArrayDeque<>(List.of(a));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            ComponentDef c = kb.components().get(todo.pop());
            if (c == null || !seen.add(c.name())) {
                continue;
            }
            for (String d : c.dependsOn()) {
                if (d.equals(b)) {
                    return true;
                }
                todo.push(d);
            }
        }
        return false;
    }
}
