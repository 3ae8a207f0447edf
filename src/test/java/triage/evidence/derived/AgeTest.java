package triage.evidence.derived;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgeTest {
    private static final long REPORTED = Instant.parse("2026-11-09T09:10:00Z").toEpochMilli();

    @Test
    void anIsoTimeAnHourBeforeTheReportIsAnHourOld() {
        assertEquals(3600.0, Age.seconds("2026-11-09T08:10:00Z", REPORTED).getAsDouble());
        assertEquals(3600.0, Age.seconds("2026-11-09 08:10:00", REPORTED).getAsDouble());
    }

    @Test
    void epochSecondsMillisAndMicrosAreReadAlike() {
        long s = REPORTED / 1000 - 600;
        assertEquals(600.0, Age.seconds(String.valueOf(s), REPORTED).getAsDouble());
        assertEquals(600.0, Age.seconds(String.valueOf(s * 1000), REPORTED).getAsDouble());
        assertEquals(600.0, Age.seconds(String.valueOf(s * 1_000_000), REPORTED).getAsDouble());
    }

    @Test
    void noReportTimeOrNoTimeMeansNoAge() {
        assertTrue(Age.seconds("2026-11-09T08:10:00Z", 0).isEmpty());
        assertTrue(Age.seconds("soon", REPORTED).isEmpty());
    }
}
