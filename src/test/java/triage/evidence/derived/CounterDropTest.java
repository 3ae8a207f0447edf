package triage.evidence.derived;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static triage.evidence.derived.Samples.values;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterDropTest {

    @Test
    void aNonceJustBelowTwoToTheThirtySecondFallingToAFewThousandIsAWrap() {
        List<CounterDrop> drops = CounterDrop.in(values(4294800430.0, 4294959101.0, 3259, 15678));
        assertEquals(1, drops.size());
        assertEquals(CounterDrop.Kind.WRAP, drops.get(0).kind());
        assertEquals(4294959101.0 - 3259, drops.get(0).size());
    }

    @Test
    void aPrometheusCounterBackNearZeroIsAReset() {
        List<CounterDrop> drops = CounterDrop.in(values(1200, 1350, 1500, 12, 40));
        assertEquals(CounterDrop.Kind.RESET, drops.get(0).kind());
    }

    @Test
    void aSequenceSteppingBackALittleGoesBackwards() {
        List<CounterDrop> drops = CounterDrop.in(values(1775739660002123.0, 1775739660002200.0, 1775739660001000.0));
        assertEquals(CounterDrop.Kind.BACKWARDS, drops.get(0).kind());
    }

    @Test
    void aRisingOrLevelCounterHasNoDrop() {
        assertTrue(CounterDrop.in(values(1, 2, 2, 3, 10)).isEmpty());
    }
}
