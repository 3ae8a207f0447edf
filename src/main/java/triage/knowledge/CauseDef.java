package triage.knowledge;

import java.util.List;

/**
 * A root cause the engine can conclude.
 *
 * @param id          {@code <area>.<kebab-name>}, stable
 * @param component   the platform component the fault sits in (see components/*.yaml), for cascades
 * @param sources     the guide sections it comes from: {@code "<seed file>#<section heading>"}
 * @param checks      what would settle it when evidence is thin
 * @param remediation ordered steps as the guide gives them
 * @param explains    other causes whose symptoms this one produces downstream
 * @param explainedByUpstream whether this cause is typically a consequence of a fault in a component
 *                    its own component depends on (then such an upstream cause explains it)
 */
public record CauseDef(String id, String title, String area, Severity severity, String component,
                       String description, List<String> sources, List<CheckDef> checks,
                       List<StepDef> remediation, List<String> explains,
                       Boolean explainedByUpstream) {

    public CauseDef {
        sources = sources == null ? List.of() : List.copyOf(sources);
        checks = checks == null ? List.of() : List.copyOf(checks);
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        explains = explains == null ? List.of() : List.copyOf(explains);
        component = component == null ? "" : component;
    }

    public boolean isExplainedByUpstream() {
        return Boolean.TRUE.equals(explainedByUpstream);
    }
}
