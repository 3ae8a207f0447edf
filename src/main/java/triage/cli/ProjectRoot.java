package triage.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code rules/} and {@code knowledge-base/} are: {@code --kb DIR}, else {@code TRIAGE_KB}, else
 * the working directory, else the project the jar was built in ({@code target/triage.jar}'s parent).
 */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv("TRIAGE_KB");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (isProject(cwd)) {
            return cwd;
        }
        try {
            Path jar = Path.of(ProjectRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (isProject(p)) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory, whose error message names what is missing
        }
        return cwd;
    }

    private static boolean isProject(Path p) {
        return Files.isDirectory(p.resolve("rules")) && Files.isDirectory(p.resolve("knowledge-base"));
    }
}
