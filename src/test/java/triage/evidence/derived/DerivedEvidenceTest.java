package triage.evidence.derived;

import org.junit.jupiter.api.Test;
import triage.facts.Citation;
import triage.facts.Symptom;
import triage.knowledge.DerivationDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.SymptomDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declarations of knowledge-base/symptoms read by kind: what each derives from what, and when it does not. */
class DerivedEvidenceTest {

    private static DerivedEvidence declaring(String id, DerivationDef d) {
        Map<String, SymptomDef> symptoms = new LinkedHashMap<>();
        symptoms.put(id, new SymptomDef(id, "", "?", "", "x", null, null, d));
        return new DerivedEvidence(new KnowledgeBase(Path.of("."), Map.of(), symptoms, List.of(), List.of(), List.of(),
                Map.of(), List.of()));
    }

    private static Symptom symptom(String id, String subject, double value, Map<String, String> attributes) {
        return new Symptom(id, subject, 1, value, value, 0, 0, attributes, List.of(new Citation("f:1", "line")));
    }

    private static Series series(double... values) {
        Series s = new Series();
        for (int i = 0; i < values.length; i++) {
            s.add(new Sample(0, i, values[i]));
        }
        return s;
    }

    private static DerivedEvidence.Recognised recognised(List<Symptom> symptoms, Map<String, Series> series) {
        return new DerivedEvidence.Recognised(symptoms, series, new TimeOrder(1000));
    }

    @Test
    void aClimbingSampleSeriesDerivesGrowthForItsSubjectAndASawtoothDoesNot() {
        DerivedEvidence d = declaring("m.climbing", new DerivationDef("climbs", List.of("m.sample"), null, null));
        List<Symptom> found = d.derive(recognised(
                List.of(symptom("m.sample", "0", 9, Map.of()), symptom("m.sample", "1", 1, Map.of())),
                Map.of(DerivedEvidence.Recognised.key("m.sample", "0"), series(1, 2, 3, 4, 5, 6, 7, 8, 9),
                        DerivedEvidence.Recognised.key("m.sample", "1"), series(1, 5, 1, 5, 1, 5, 1, 5, 1))));
        assertEquals(1, found.size());
        assertEquals("0", found.get(0).subject());
        assertEquals("m.climbing", found.get(0).id());
    }

    @Test
    void aSequenceMergedFromTwoSymptomsThatFallsIsADecrease() {
        DerivedEvidence d = declaring("n.decreased", new DerivationDef("decreases", List.of("n.accepted", "n.invalid"), null, null));
        Series accepted = new Series();
        accepted.add(new Sample(1000, 1, 4294959101.0));
        Series invalid = new Series();
        invalid.add(new Sample(2000, 2, 3259));
        List<Symptom> found = d.derive(recognised(
                List.of(symptom("n.accepted", "", 4294959101.0, Map.of()), symptom("n.invalid", "", 3259, Map.of())),
                Map.of(DerivedEvidence.Recognised.key("n.accepted", ""), accepted, DerivedEvidence.Recognised.key("n.invalid", ""), invalid)));
        assertEquals(1, found.size());
        assertEquals("wrap", found.get(0).attribute("kind"));

        Series later = new Series();
        later.add(new Sample(2000, 2, 4294959200.0));
        assertTrue(d.derive(recognised(List.of(symptom("n.accepted", "", 1, Map.of()), symptom("n.invalid", "", 1, Map.of())),
                Map.of(DerivedEvidence.Recognised.key("n.accepted", ""), accepted, DerivedEvidence.Recognised.key("n.invalid", ""), later)))
                .isEmpty(), "a rejected nonce above the accepted ones is no decrease");
    }

    @Test
    void aCachedValueUnlikeItsSourceForTheSameKeyDiffers() {
        DerivedEvidence d = declaring("p.differs", new DerivationDef("differs", List.of("p.local"), List.of("p.exchange"), 0.001));
        List<Symptom> found = d.derive(recognised(List.of(symptom("p.local", "BTCUSDT", 0.5, Map.of()),
                symptom("p.exchange", "BTCUSDT", 0.3, Map.of()), symptom("p.local", "ETHUSDT", 1, Map.of()),
                symptom("p.exchange", "ETHUSDT", 1, Map.of())), Map.of()));
        assertEquals(1, found.size());
        assertEquals("BTCUSDT", found.get(0).subject());
        assertEquals("0.5", found.get(0).attribute("cached"));
    }

    @Test
    void anAgeFromACapturedTimeToTheLatestTimeInTheEvidenceCountsFromItsThreshold() {
        DerivedEvidence d = declaring("r.age", new DerivationDef("age", List.of("r.time"), null, 300.0));
        long reported = java.time.Instant.parse("2026-11-09T09:10:00Z").toEpochMilli();
        Symptom logLine = new Symptom("other", "", 1, Double.NaN, Double.NaN, reported, reported, Map.of(), List.of());
        List<Symptom> old = d.derive(recognised(List.of(symptom("r.time", "", Double.NaN, Map.of("at", "2026-11-09T08:10:00Z")), logLine), Map.of()));
        assertEquals(1, old.size());
        assertEquals(3600.0, old.get(0).value());
        assertTrue(d.derive(recognised(List.of(symptom("r.time", "", Double.NaN, Map.of("at", "2026-11-09T09:09:00Z")), logLine),
                Map.of())).isEmpty(), "a minute old is under the threshold");
    }

    @Test
    void aShortNOfMCountSaysHowManyAreMissingAndAFullOneNothing() {
        DerivedEvidence d = declaring("t.short", new DerivationDef("short", List.of("t.count"), null, null));
        List<Symptom> found = d.derive(recognised(List.of(symptom("t.count", "node", Double.NaN, Map.of("fraction", "1/3")),
                symptom("t.count", "hft", Double.NaN, Map.of("fraction", "2/2"))), Map.of()));
        assertEquals(1, found.size());
        assertEquals("node", found.get(0).subject());
        assertEquals(2.0, found.get(0).value());
    }

    @Test
    void aStepBackInTimeBeyondTheThresholdIsDerivedWithTheRecordItSteppedTo() {
        DerivedEvidence d = declaring("h.reversed", new DerivationDef("time-reversed", null, null, 2.0));
        TimeOrder order = new TimeOrder(1000);
        order.record("a.log", 10_000_000, "a.log:1", "x");
        order.record("a.log", 9_000_000, "a.log:2", "y");
        order.record("b.log", 10_000_000, "b.log:1", "x");
        order.record("b.log", 9_998_500, "b.log:2", "y");
        List<Symptom> found = d.derive(new DerivedEvidence.Recognised(new ArrayList<>(), Map.of(), order));
        assertEquals(1, found.size(), "b.log stepped back 1.5 s, under the threshold");
        assertEquals(1000.0, found.get(0).value());
        assertEquals("a.log:2", found.get(0).citations().get(0).source());
    }
}
