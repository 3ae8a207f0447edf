package triage.kbcheck;

import org.junit.jupiter.api.Test;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.PatternDef;
import triage.knowledge.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Regexes that backtrack catastrophically on long lines, and the leading '.*' before an alternation. */
class BacktrackingCheckTest {

    private static List<Problem> check(String regex, List<String> keywords, List<String> examples) {
        PatternDef p = new PatternDef("demo.seen", regex, keywords, null, null, null, null, examples, List.of());
        KnowledgeBase kb = new KnowledgeBase(Path.of("."), Map.of(), Map.of(), List.of(p), List.of(), List.of(), Map.of(), List.of());
        return BacktrackingCheck.check(kb);
    }

    @Test
    void nestedRepetitionFailsOnALineBuiltFromItsOwnExample() {
        // each '=' may end any of the six repetitions: on a line of near-misses the ways to try grow as length^6
        List<Problem> problems = check("(?:.*=){6}failed", List.of("failed"), List.of("a=1 b=2 c=3 d=4 e=5 f=6 failed"));
        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.message()).contains("regex backtracks catastrophically on a line of"));
    }

    @Test
    void aRegexWhoseWorkGrowsAtMostWithTheSquareOfTheLinePasses() {
        assertThat(check("\\w+(?:\\s\\w+)*+:\\s*failed", List.of("failed"), List.of("order book sync: failed"))).isEmpty();
        assertThat(check("(?i)order (?:rejected|refused)\\b.{0,80}code=(?<value>-?\\d+)", List.of("order rejected"),
                List.of("order rejected by exchange code=-2010"))).isEmpty();
    }

    @Test
    void aLeadingDotStarBeforeAnAlternationIsRejected() {
        assertThat(BacktrackingCheck.leadingDotStarBeforeAlternation("(?i)^(?!.*redis).*(?:too many clients|slots are reserved)")).isTrue();
        assertThat(BacktrackingCheck.leadingDotStarBeforeAlternation(".*?(?:a|b)")).isTrue();
        assertThat(BacktrackingCheck.leadingDotStarBeforeAlternation("(?i)(?:too many clients|slots are reserved)")).isFalse();
        assertThat(BacktrackingCheck.leadingDotStarBeforeAlternation("error.*(?:a|b)")).isFalse();
        assertThat(BacktrackingCheck.leadingDotStarBeforeAlternation("\\s*(?:a|b)")).isFalse();
    }
}
