package triage.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shared data beside the project (../shared: cases, guides, catalog). A developer without it skips
 * the tests that need it; under CI (CI=true) its absence fails them, so they cannot vanish silently.
 */
public final class SharedData {

    private SharedData() {
    }

    public static void require(Path path) {
        require(path, "true".equalsIgnoreCase(System.getenv("CI")));
    }

    static void require(Path path, boolean ci) {
        if (Files.exists(path)) {
            return;
        }
        String why = path + " is not there (../shared must be beside the project)";
        if (ci) {
            fail("CI=true: " + why);
        }
        Assumptions.abort(why);
    }
}
