package triage.evidence.derived;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderTest {

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void aRecordNinetySecondsEarlierThanTheOneBeforeIsAStepBack() {
        TimeOrder order = new TimeOrder(1000);
        order.record("app.log", t("2026-11-09T10:15:00Z"), "app.log:1", "a");
        order.record("app.log", t("2026-11-09T10:15:30Z"), "app.log:2", "b");
        order.record("app.log", t("2026-11-09T10:14:00Z"), "app.log:3", "c");
        order.record("app.log", t("2026-11-09T10:14:05Z"), "app.log:4", "d");
        TimeOrder.Step step = order.steps().get("app.log");
        assertEquals(90.0, step.seconds());
        assertEquals("app.log:3", step.where());
    }

    @Test
    void threadsInterleavingWithinTheToleranceAreNoStep() {
        TimeOrder order = new TimeOrder(1000);
        order.record("app.log", t("2026-11-09T10:15:00.400Z"), "app.log:1", "a");
        order.record("app.log", t("2026-11-09T10:15:00.100Z"), "app.log:2", "b");
        assertTrue(order.steps().isEmpty());
    }

    @Test
    void eachSourceKeepsItsOwnOrderAndUntimedRecordsSayNothing() {
        TimeOrder order = new TimeOrder(1000);
        order.record("all.log | api", t("2026-11-09T10:15:00Z"), "all.log:1", "a");
        order.record("all.log | worker", t("2026-11-09T10:10:00Z"), "all.log:2", "b");
        order.record("all.log | api", 0, "all.log:3", "untimed command output");
        assertTrue(order.steps().isEmpty());
        assertEquals(t("2026-11-09T10:15:00Z"), order.latestTime());
    }
}
