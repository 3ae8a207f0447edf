package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.PatternDef;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-filter gates first: a pattern gated on files: lets lines through only in the files its gate admits. */
class PreFilterTest {

    private final KnowledgeBase kb = RecognitionFixture.kb(List.of(
            new PatternDef("service.crashed", "(?i)segfault", List.of("segfault"), null, null, null, null),
            new PatternDef("host.noncritical-process-cpu", "^(?<subject>\\S*batch\\S*)\\s+(?<value>\\d+)%", List.of("batch"),
                    30.0, null, null, "stats")), List.of(), List.of());

    @Test
    void aGatedPatternsKeywordPassesLinesOnlyInTheFilesItsGateAdmits() {
        PreFilter log = new PreFilter(kb, "routine.log");
        assertThat(log.reads("2026-03-08 08:20:27,000 worker: batch of 50 sent")).isFalse();
        assertThat(log.reads("2026-03-08 08:20:27,000 worker: segfault at 0x0")).isTrue();
        assertThat(new PreFilter(kb, "docker-stats.txt").reads("2026-03-08 08:20:27,000 worker: batch of 50 sent")).isTrue();
    }

    @Test
    void theShareIsOfTheLinesReadInFull() {
        PreFilter log = new PreFilter(kb, "routine.log");
        assertThat(log.share(List.of("2026-03-08 08:20:27,000 ok", "2026-03-08 08:20:27,000 segfault", "a batch", "x")))
                .isEqualTo(0.25);
    }
}
