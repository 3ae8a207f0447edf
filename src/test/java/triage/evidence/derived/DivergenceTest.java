package triage.evidence.derived;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivergenceTest {

    @Test
    void aKeyWhoseCachedValueDiffersFromItsSourceDiverges() {
        List<Divergence> d = Divergence.between(Map.of("BTCUSDT", 0.5, "ETHUSDT", -2.5),
                Map.of("BTCUSDT", 0.3, "ETHUSDT", -2.5), 0.001);
        assertEquals(1, d.size());
        assertEquals("BTCUSDT", d.get(0).key());
        assertEquals(0.4, d.get(0).relative(), 1e-9);
    }

    @Test
    void equalValuesAndKeysSeenOnOneSideOnlyDoNotDiverge() {
        assertTrue(Divergence.between(Map.of("BTCUSDT", 0.5, "SOLUSDT", 12.0), Map.of("BTCUSDT", 0.5), 0.001).isEmpty());
    }

    @Test
    void differencesWithinTheToleranceDoNotDiverge() {
        assertTrue(Divergence.between(Map.of("BTCUSDT", 0.50000001), Map.of("BTCUSDT", 0.5), 0.001).isEmpty());
    }
}
