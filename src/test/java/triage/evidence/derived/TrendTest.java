package triage.evidence.derived;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static triage.evidence.derived.Samples.values;

class TrendTest {

    @Test
    void aSteadyClimbWithSmallDipsClimbs() {
        Trend t = Trend.of(values(1.0, 1.2, 1.15, 1.5, 1.7, 1.65, 2.0, 2.3, 2.5));
        assertTrue(t.climbs(), t.toString());
        assertFalse(t.level());
    }

    @Test
    void aSawtoothThatReturnsToItsBaselineDoesNotClimbHoweverHighItsPeaks() {
        Trend t = Trend.of(values(1.0, 3.0, 1.0, 3.1, 1.0, 3.0, 1.05, 3.0, 1.0));
        assertFalse(t.climbs(), t.toString());
        assertTrue(t.level());
    }

    @Test
    void aLevelSeriesIsLevel() {
        Trend t = Trend.of(values(5, 5, 5.01, 4.99, 5, 5, 5));
        assertFalse(t.climbs());
        assertTrue(t.level());
    }

    @Test
    void aLastSampleBelowTheMaximumStillClimbsWhenTheTrendRises() {
        // last-versus-max called this steady: the trend over the samples says it grows
        Trend t = Trend.of(values(100, 140, 180, 230, 260, 310, 290));
        assertTrue(t.climbs(), t.toString());
    }

    @Test
    void tooFewSamplesSayNothing() {
        Trend t = Trend.of(values(1, 2, 3, 4, 5));
        assertFalse(t.climbs());
        assertFalse(t.level());
    }

    @Test
    void twoSamplesAlreadyHaveALineThroughThem() {
        Trend t = Trend.of(values(1, 2));
        assertEquals(2, t.samples());
        assertEquals(1 / 1.5, t.rise(), 1e-9, "rises by its mean's two thirds");
        assertEquals(1, t.fit(), 1e-9);
        assertEquals(1, t.risingShare(), 1e-9);
        assertEquals(new Trend(1, 0, 0, 0), Trend.of(values(7)));
        assertEquals(0.5, Trend.of(values(3, 1, 1, 2)).risingShare(), 1e-9, "one move down, one flat, one up");
    }

    @Test
    void theThresholdsOfAClimbAreAtLeastSixSamplesAFifthOfTheMeanAFitOfSixTenthsAndMoreMovesUpThanDown() {
        assertTrue(new Trend(6, 0.2, 0.6, 0.51).climbs());
        assertFalse(new Trend(5, 0.2, 0.6, 0.51).climbs());
        assertFalse(new Trend(6, 0.19, 0.6, 0.51).climbs());
        assertFalse(new Trend(6, 0.2, 0.59, 0.51).climbs());
        assertFalse(new Trend(6, 0.2, 0.6, 0.5).climbs(), "as many moves down as up");
        assertTrue(new Trend(6, 0, 0, 0).level());
        assertFalse(new Trend(5, 0, 0, 0).level());
    }
}
