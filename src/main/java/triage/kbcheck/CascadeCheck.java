package triage.kbcheck;

import triage.knowledge.CauseDef;
import triage.knowledge.ComponentDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Problem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A component that is down, unreachable or stopped is usually the consequence of something upstream; such a
 * cause must have a way to be explained by one (issue 20, class 10), or it outranks the cause that stopped it.
 * A cause has one when another cause lists it in {@code explains}, or when it is {@code explained_by_upstream}
 * and its component depends on a component some other cause sits in.
 */
public final class CascadeCheck {

    private static final Pattern DOWN = Pattern.compile("\\bdown\\b|unreachable|not[- ]running|\\bstopped\\b");

    private CascadeCheck() {
    }

    public static List<Problem> check(KnowledgeBase kb) {
        return kb.causes().values().stream()
                .filter(c -> DOWN.matcher((c.id() + " " + c.title()).toLowerCase(Locale.ROOT)).find())
                .filter(c -> !hasUpstreamPath(kb, c))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .map(c -> kb.causeOrigin(c.id()).problem("cause " + c.id() + " says a component is down, unreachable"
                        + " or stopped but has no upstream path: no cause lists it in explains, and it is not"
                        + " explained_by_upstream in a component that depends on another cause's component"))
                .toList();
    }

    static boolean hasUpstreamPath(KnowledgeBase kb, CauseDef cause) {
        for (CauseDef other : kb.causes().values()) {
            if (other != cause && other.explains().contains(cause.id())) {
                return true;
            }
        }
        if (!cause.isExplainedByUpstream() || cause.component().isEmpty()) {
            return false;
        }
        Set<String> upstream = upstreamOf(kb, cause.component());
        return kb.causes().values().stream()
                .anyMatch(other -> other != cause && upstream.contains(other.component()));
    }

    /** The components a component needs, directly or through others (not itself). */
    private static Set<String> upstreamOf(KnowledgeBase kb, String component) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(component));
        while (!todo.isEmpty()) {
            ComponentDef c = kb.components().get(todo.pop());
            if (c == null) {
                continue;
            }
            for (String d : c.dependsOn()) {
                if (!d.equals(component) && seen.add(d)) {
                    todo.push(d);
                }
            }
        }
        return seen;
    }
}
