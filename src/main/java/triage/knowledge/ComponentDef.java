package triage.knowledge;

import java.util.List;

/** A platform component and the components it needs to work (from the guides' architecture). */
public record ComponentDef(String name, String description, List<String> dependsOn) {

    public ComponentDef {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
