package triage.engine;

import org.junit.jupiter.api.Test;
import triage.testing.TestTriage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The one engine test on the project's own rules: the kjar the build bundles stands in for compiling them. The
 * kjar exists only once {@code mvn package} has precompiled the rules, so the build runs this test after that
 * (its own surefire execution in the integration-test phase, with {@code triage.bundled.required}); there it
 * fails, never skips, when the kjar is missing or stale. Run alone before packaging, it is skipped with a reason.
 */
class BundledRulesTest {

    @Test
    void theRulesTheBuildBundledAreLoadedFromTheJarWithoutCompiling() throws IOException {
        Path root = TestTriage.projectRoot();
        boolean required = Boolean.getBoolean("triage.bundled.required");
        try (InputStream key = RuleBase.class.getClassLoader().getResourceAsStream(RuleBase.BUNDLED_KEY)) {
            String why = "the build has bundled the rules (mvn package)";
            if (required) {
                assertThat(key).as(why).isNotNull();
            } else {
                assumeThat(key).as(why).isNotNull();
            }
            String bundledKey = new String(key.readAllBytes(), StandardCharsets.UTF_8).trim();
            String current = RuleCache.keyOf(RuleBase.readSources(root));
            if (required) {
                assertThat(bundledKey).as("bundled from these very rules").isEqualTo(current);
            } else {
                assumeThat(bundledKey).as("bundled from these very rules").isEqualTo(current);
            }
        }
        RuleBase bundled = RuleBase.load(root, RuleCache.disabled());
        assertThat(bundled.origin()).isEqualTo(RuleBase.Origin.BUNDLED);
        assertThat(bundled.engine()).isEqualTo(RuleBase.Engine.EXECUTABLE_MODEL);
        assertThat(bundled.ruleFiles()).hasSizeGreaterThan(100);
    }
}
