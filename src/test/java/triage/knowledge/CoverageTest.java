package triage.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cause is tested by the tests that conclude it, not by the ones that merely name it. */
class CoverageTest {

    private static final List<Coverage.CatalogEntry> CATALOG = List.of(
            new Coverage.CatalogEntry("cache.down", List.of()), new Coverage.CatalogEntry("exchange.rate-limited", List.of()));

    private static Map<String, List<String>> testsOf(String body) {
        return Coverage.testsByCause(CATALOG, Map.of("SomeTest", "class SomeTest {\n    @Test\n    void aCase() {\n" + body + "\n    }\n}\n"));
    }

    @Test
    void aTestThatConcludesTheCauseCountsForIt() {
        assertThat(testsOf("assertThat(d).ranksFirst(\"cache.down\");")).containsOnlyKeys("cache.down");
        assertThat(testsOf("assertThat(d).reports(\"cache.down\");")).containsOnlyKeys("cache.down");
        assertThat(testsOf("assertThat(d).ranksAbove(\"cache.down\", \"exchange.rate-limited\");")).containsOnlyKeys("cache.down");
        assertThat(testsOf("assertThat(d.causes().get(0).id()).isEqualTo(\"cache.down\");")).containsOnlyKeys("cache.down");
    }

    @Test
    void aTestThatOnlyNamesTheCauseDoesNotCount() {
        assertThat(testsOf("assertThat(d).doesNotReport(\"cache.down\").hasCandidate(\"exchange.rate-limited\");")).isEmpty();
        assertThat(testsOf("String id = \"cache.down\"; // mentioned, never concluded")).isEmpty();
    }
}
