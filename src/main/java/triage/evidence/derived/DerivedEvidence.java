package triage.evidence.derived;

import triage.facts.Citation;
import triage.facts.Symptom;
import triage.knowledge.DerivationDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.SymptomDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out the derived symptoms the knowledge base declares ({@code derived:} in knowledge-base/symptoms)
 * from what recognition found: after the evidence is read, before the session. Each kind is one helper of
 * this package; this class only looks up their inputs and words their results as symptom facts.
 */
public final class DerivedEvidence {

    /** What recognition left: the folded symptoms, the series of values kept for derivations, times per source. */
    public record Recognised(List<Symptom> symptoms, Map<String, Series> series, TimeOrder timeOrder) {

        /** The key under which a symptom's series is kept. */
        public static String key(String id, String subject) {
            return id + '\u0000' + subject;
        }

        Series series(String id, String subject) {
            return series.get(key(id, subject));
        }

        long latestTime() {
            long latest = timeOrder.latestTime();
            for (Symptom s : symptoms) {
                latest = Math.max(latest, s.lastSeen());
            }
            return latest;
        }
    }

    private final List<SymptomDef> derived;

    public DerivedEvidence(KnowledgeBase kb) {
        this.derived = kb.symptoms().values().stream().filter(s -> s.derived() != null)
                .sorted(java.util.Comparator.comparing(SymptomDef::id)).toList();
    }

    /** The symptoms whose every value is kept as a series, because some derivation reads it. */
    public static Set<String> seriesNeeded(KnowledgeBase kb) {
        Set<String> ids = new TreeSet<>();
        for (SymptomDef s : kb.symptoms().values()) {
            DerivationDef d = s.derived();
            if (d != null && List.of("climbs", "level", "decreases").contains(d.kind())) {
                ids.addAll(d.from());
            }
        }
        return ids;
    }

    public List<Symptom> derive(Recognised r) {
        List<Symptom> out = new ArrayList<>();
        for (SymptomDef def : derived) {
            DerivationDef d = def.derived();
            switch (d.kind()) {
                case "climbs", "level" -> trends(def.id(), d, r, out);
                case "decreases" -> decreases(def.id(), d, r, out);
                case "time-reversed" -> timeReversed(def.id(), d, r, out);
                case "differs" -> differs(def.id(), d, r, out);
                case "age" -> ages(def.id(), d, r, out);
                case "short" -> shortfalls(def.id(), d, r, out);
                default -> { } // the loader reports unknown kinds
            }
        }
        return out;
    }

    private static void trends(String id, DerivationDef d, Recognised r, List<Symptom> out) {
        for (Symptom s : r.symptoms()) {
            Series series = d.from().contains(s.id()) ? r.series(s.id(), s.subject()) : null;
            if (series == null) {
                continue;
            }
            Trend t = Trend.of(series.samples());
            boolean holds = "climbs".equals(d.kind()) ? t.climbs() : t.level();
            if (holds) {
                out.add(from(id, s, Math.round(t.rise() * 1000) / 10.0, Map.of("samples", String.valueOf(t.samples()),
                        "fit", String.format(java.util.Locale.ROOT, "%.2f", t.fit()), "of", s.id())));
            }
        }
    }

    private static void decreases(String id, DerivationDef d, Recognised r, List<Symptom> out) {
        Map<String, List<Series>> bySubject = new LinkedHashMap<>();
        Map<String, Symptom> last = new LinkedHashMap<>();
        for (Symptom s : r.symptoms()) {
            Series series = d.from().contains(s.id()) ? r.series(s.id(), s.subject()) : null;
            if (series != null) {
                bySubject.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(series);
                last.merge(s.subject(), s, (a, b) -> b.lastSeen() >= a.lastSeen() ? b : a);
            }
        }
        bySubject.forEach((subject, series) -> {
            List<CounterDrop> drops = CounterDrop.in(Series.merged(series));
            CounterDrop largest = drops.stream().max(java.util.Comparator.comparingDouble(CounterDrop::size)).orElse(null);
            if (largest != null && largest.size() >= (d.min() == null ? 0 : d.min())) {
                out.add(from(id, last.get(subject), largest.size(), Map.of("from", plain(largest.from()),
                        "to", plain(largest.to()), "kind", largest.kind().name().toLowerCase(java.util.Locale.ROOT),
                        "drops", String.valueOf(drops.size()))));
            }
        });
    }

    private static void timeReversed(String id, DerivationDef d, Recognised r, List<Symptom> out) {
        double min = d.min() == null ? 1 : d.min();
        r.timeOrder().steps().values().stream().filter(s -> s.seconds() >= min)
                .sorted(java.util.Comparator.comparing(TimeOrder.Step::source))
                .forEach(step -> out.add(new Symptom(id, "", 1, step.seconds(), step.seconds(), step.after(), step.after(),
                        Map.of("source", step.source()), List.of(new Citation(step.where(), step.text())))));
    }

    private static void differs(String id, DerivationDef d, Recognised r, List<Symptom> out) {
        Map<String, Double> cached = new LinkedHashMap<>();
        Map<String, Double> truth = new LinkedHashMap<>();
        Map<String, List<Citation>> cited = new LinkedHashMap<>();
        for (Symptom s : r.symptoms()) {
            if (!s.hasValue() || s.subject().isEmpty()) {
                continue;
            }
            String key = sameKey(s.subject());
            if (d.from().contains(s.id())) {
                cached.put(key, s.value());
            } else if (d.source().contains(s.id())) {
                truth.put(key, s.value());
            } else {
                continue;
            }
            cited.computeIfAbsent(key, k -> new ArrayList<>()).addAll(s.citations());
        }
        double tolerance = d.min() == null ? 0 : d.min();
        for (Divergence div : Divergence.between(cached, truth, tolerance)) {
            out.add(new Symptom(id, div.key(), 1, div.relative(), div.relative(), 0, 0,
                    Map.of("cached", plain(div.cached()), "truth", plain(div.truth())), cited.get(div.key())));
        }
    }

    /**
     * Both sides' spelling of one key: exchanges and databases write a symbol as BTCUSDT, BTC/USDT, BTC-USDT or
     * ccxt's BTC/USDT:USDT (the settlement currency after the colon).
     */
    static String sameKey(String subject) {
        return subject.toUpperCase(java.util.Locale.ROOT).replaceFirst(":[A-Z]+$", "").replaceAll("[^A-Z0-9]", "");
    }

    private static void ages(String id, DerivationDef d, Recognised r, List<Symptom> out) {
        long latest = r.latestTime();
        double min = d.min() == null ? 0 : d.min();
        for (Symptom s : r.symptoms()) {
            if (!d.from().contains(s.id()) || s.attribute("at").isEmpty()) {
                continue;
            }
            long reported = !s.attribute("now").isEmpty() ? Age.parse(s.attribute("now")) : s.lastSeen() > 0 ? s.lastSeen() : latest;
            OptionalDouble age = Age.seconds(s.attribute("at"), reported);
            if (age.isPresent() && age.getAsDouble() >= min) {
                out.add(from(id, s, age.getAsDouble(), Map.of("at", s.attribute("at"))));
            }
        }
    }

    private static void shortfalls(String id, DerivationDef d, Recognised r, List<Symptom> out) {
        for (Symptom s : r.symptoms()) {
            if (!d.from().contains(s.id())) {
                continue;
            }
            Fraction.parse(s.attribute("fraction")).filter(Fraction::isShort).ifPresent(f ->
                    out.add(from(id, s, f.missing(), Map.of("n", String.valueOf(f.n()), "m", String.valueOf(f.m())))));
        }
    }

    private static Symptom from(String id, Symptom source, double value, Map<String, String> attributes) {
        return new Symptom(id, source.subject(), 1, value, value, source.firstSeen(), source.lastSeen(), attributes,
                source.citations());
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e18 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
