package triage.evidence.derived;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesTest {

    @Test
    void aLongSeriesStaysBoundedAndKeepsItsShapeOverItsWholeLength() {
        Series s = new Series();
        for (int i = 0; i < 100_000; i++) {
            s.add(new Sample(0, i, i));
        }
        List<Sample> kept = s.samples();
        assertTrue(kept.size() <= Series.CAPACITY, "kept " + kept.size());
        assertEquals(0, kept.get(0).value());
        assertTrue(kept.get(kept.size() - 1).value() > 99_000, "the newest samples are kept");
        assertTrue(Trend.of(kept).climbs());
    }

    @Test
    void mergedSeriesFollowTimeWhenAllAreTimedAndReadingOrderOtherwise() {
        Series accepted = new Series();
        accepted.add(new Sample(2000, 1, 10));
        Series rejected = new Series();
        rejected.add(new Sample(1000, 2, 5));
        assertEquals(List.of(5.0, 10.0), Series.merged(List.of(accepted, rejected)).stream().map(Sample::value).toList());
        Series untimed = new Series();
        untimed.add(new Sample(0, 3, 7));
        assertEquals(List.of(10.0, 5.0, 7.0),
                Series.merged(List.of(accepted, rejected, untimed)).stream().map(Sample::value).toList());
    }
}
