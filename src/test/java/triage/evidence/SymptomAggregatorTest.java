package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.evidence.derived.Sample;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Symptom;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Observations and given symptoms fold into one fact per symptom and subject, as they stream in. */
class SymptomAggregatorTest {

    private static Observation seen(String id, double value, long time, String text) {
        return new Observation(id, "", value, time, "app.log", text, Map.of(), false);
    }

    private static Observation absent(String id) {
        return new Observation(id, "", Double.NaN, 0, "health.json", "", Map.of(), true);
    }

    @Test
    void observationsFoldIntoCountLastAndLargestValueTimesAndTheFirstAndLatestCitations() {
        SymptomAggregator a = new SymptomAggregator();
        a.add(seen("mem.high", 5, 1000, "one"));
        a.add(new Observation("mem.high", "", 9, 2000, "app.log", "two", Map.of("pool", "main"), false));
        a.add(seen("mem.high", 7, 0, "three (untimed)"));
        a.add(seen("mem.high", Double.NaN, 1500, "four (no value)"));
        a.add(seen("mem.high", Double.NaN, 0, "five"));
        assertThat(a.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(5);
            assertThat(s.value()).isEqualTo(7);
            assertThat(s.maxValue()).isEqualTo(9);
            assertThat(s.firstSeen()).as("an untimed record moves no time").isEqualTo(1000);
            assertThat(s.lastSeen()).isEqualTo(2000);
            assertThat(s.attributes()).isEqualTo(Map.of("pool", "main"));
            assertThat(s.citations()).extracting(Citation::text).containsExactly("one", "two", "three (untimed)", "five");
        });
    }

    @Test
    void onlyTheSymptomsADerivationReadsKeepTheirValuesAsASeriesInReadingOrder() {
        SymptomAggregator a = new SymptomAggregator(Set.of("mem.used"));
        a.add(seen("other", 1, 0, "x"));
        a.add(seen("mem.used", 10, 100, "a"));
        a.add(seen("other", 2, 0, "y"));
        a.add(seen("mem.used", 20, 200, "b"));
        a.add(seen("mem.used", 30, 300, "c"));
        var recognised = a.recognised();
        assertThat(recognised.series()).containsOnlyKeys(triage.evidence.derived.DerivedEvidence.Recognised.key("mem.used", ""));
        assertThat(recognised.series().values().iterator().next().samples())
                .containsExactly(new Sample(100, 2, 10), new Sample(200, 4, 20), new Sample(300, 5, 30));
    }

    @Test
    void givenSymptomsAddTheirCountsAndKeepTheLargestValueTheEarliestAndLatestTimes() {
        SymptomAggregator a = new SymptomAggregator();
        a.add(new Symptom("temp", "", 2, -3, 0, 100, 200, Map.of("unit", "C"), List.of(new Citation("a", "1"))));
        var first = a.symptoms().get(0);
        assertThat(first.maxValue()).as("no largest value given: the value is the largest").isEqualTo(-3);
        a.add(new Symptom("temp", "", 0, -5, -5, 50, 300, Map.of(), List.of(new Citation("b", "2"))));
        a.add(new Symptom("temp", "", 1, Double.NaN, Double.NaN, 0, 0, Map.of(),
                List.of(new Citation("c", "3"), new Citation("d", "4"), new Citation("e", "5"))));
        assertThat(a.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.count()).as("a count of 0 counts once").isEqualTo(4);
            assertThat(s.value()).isEqualTo(-5);
            assertThat(s.maxValue()).isEqualTo(-3);
            assertThat(s.firstSeen()).isEqualTo(50);
            assertThat(s.lastSeen()).isEqualTo(300);
            assertThat(s.attributes()).isEqualTo(Map.of("unit", "C"));
            assertThat(s.citations()).extracting(Citation::text).containsExactly("1", "2", "3", "5");
        });
        a.add(new Symptom("hot", "", 1, 4, 8, 0, 0, Map.of(), List.of()));
        assertThat(a.symptoms().get(1).maxValue()).as("the largest value given").isEqualTo(8);
    }

    @Test
    void aSymptomShownAbsentIsAnAbsenceOnlyWhenNothingShowedItPresent() {
        SymptomAggregator a = new SymptomAggregator();
        a.add(absent("db.down"));
        a.add(absent("disk.full"));
        a.add(seen("db.down", Double.NaN, 0, "db is down"));
        assertThat(a.absences()).extracting(Answer::symptom).containsExactly("disk.full");
    }

    @Test
    void evidenceReadInParallelMergesIntoExactlyWhatReadingItInOrderGives() {
        List<Observation> earlier = List.of(seen("mem.used", 10, 100, "a"), seen("fd.open", Double.NaN, 150, "untimed fds"),
                seen("db.slow", 3, 200, "b"), absent("db.down"));
        List<Observation> later = List.of(seen("mem.used", 20, 300, "c"), seen("fd.open", 7, 350, "d"),
                seen("mem.used", 30, 400, "e"), seen("queue.full", 1, 500, "f"), absent("disk.full"));
        Set<String> series = Set.of("mem.used", "fd.open", "queue.full");

        SymptomAggregator inOrder = new SymptomAggregator(series);
        earlier.forEach(inOrder::add);
        later.forEach(inOrder::add);
        inOrder.time("app.log", 100, "app.log:1", "a");
        inOrder.time("db.log", 500, "db.log:1", "f");

        SymptomAggregator first = new SymptomAggregator(series);
        earlier.forEach(first::add);
        first.time("app.log", 100, "app.log:1", "a");
        SymptomAggregator second = new SymptomAggregator(series);
        later.forEach(second::add);
        second.time("db.log", 500, "db.log:1", "f");
        first.addAll(second);

        assertThat(first.symptoms()).isEqualTo(inOrder.symptoms());
        assertThat(first.absences()).isEqualTo(inOrder.absences()).extracting(Answer::symptom).containsExactly("db.down", "disk.full");
        var merged = first.recognised();
        var sequential = inOrder.recognised();
        assertThat(merged.series().keySet()).isEqualTo(sequential.series().keySet()).hasSize(3);
        sequential.series().forEach((key, s) -> assertThat(merged.series().get(key).samples()).as(key).isEqualTo(s.samples()));
        assertThat(merged.timeOrder().latestTime()).isEqualTo(500);
        // and what the merged aggregator reads next comes after both
        first.add(seen("mem.used", 40, 600, "g"));
        inOrder.add(seen("mem.used", 40, 600, "g"));
        assertThat(first.recognised().series().get(triage.evidence.derived.DerivedEvidence.Recognised.key("mem.used", "")).samples())
                .isEqualTo(inOrder.recognised().series().get(triage.evidence.derived.DerivedEvidence.Recognised.key("mem.used", "")).samples());
    }
}
