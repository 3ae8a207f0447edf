package triage.evidence;

import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Symptom;
import triage.evidence.derived.DerivedEvidence;
import triage.evidence.derived.Sample;
import triage.evidence.derived.Series;
import triage.evidence.derived.TimeOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds observations into symptom facts as they stream in: one fact per symptom id and subject,
 * with count, first and last time, last and largest value, and a few citations (the first ones
 * and the latest). Memory stays flat however long the log. The values of the symptoms some derivation
 * reads are also kept as bounded series, and the times of each source's records in order, for
 * {@link DerivedEvidence}.
 */
final class SymptomAggregator {
    private static final int FIRST_CITATIONS = 3;

    private static final class Fold {
        final String id;
        final String subject;
        int count;
        double value = Double.NaN;
        double max = Double.NaN;
        long first;
        long last;
        Map<String, String> attributes = Map.of();
        final List<Citation> citations = new ArrayList<>();
        Citation latest;
        Series series;

        Fold(String id, String subject) {
            this.id = id;
            this.subject = subject;
        }
    }

    /** Steps back in time of less than this are threads interleaving their writes to one file. */
    static final long TIME_TOLERANCE_MS = 1000;

    private final Map<String, Fold> folds = new LinkedHashMap<>();
    private final Map<String, Answer> absent = new LinkedHashMap<>();
    private final java.util.Set<String> seriesOf;
    private final TimeOrder timeOrder = new TimeOrder(TIME_TOLERANCE_MS);
    /** Observations read so far: the reading order of series samples. */
    private long read;

    SymptomAggregator() {
        this(java.util.Set.of());
    }

    /** @param seriesOf the symptoms whose values are kept as series */
    SymptomAggregator(java.util.Set<String> seriesOf) {
        this.seriesOf = seriesOf;
    }

    /** A timed record of a source (a file, or one service in a combined log), matched or not. */
    void time(String source, long time, String where, String text) {
        timeOrder.record(source, time, where, text);
    }

    /** The same, with the (redacted) text worked out only when it is cited. */
    void time(String source, long time, String where, java.util.function.Supplier<String> text) {
        timeOrder.record(source, time, where, text);
    }

    void add(Observation o) {
        if (o.absent()) {
            absent.putIfAbsent(o.symptom(), Answer.no(o.symptom(), o.source()));
            return;
        }
        Fold f = folds.computeIfAbsent(o.symptom() + '\u0000' + o.subject(), k -> new Fold(o.symptom(), o.subject()));
        f.count++;
        read++;
        if (!Double.isNaN(o.value())) {
            if (seriesOf.contains(o.symptom())) {
                if (f.series == null) {
                    f.series = new Series();
                }
                f.series.add(new Sample(o.timestamp(), read, o.value()));
            }
            f.value = o.value();
            f.max = Double.isNaN(f.max) ? o.value() : Math.max(f.max, o.value());
        }
        if (o.timestamp() > 0) {
            f.first = f.first == 0 ? o.timestamp() : Math.min(f.first, o.timestamp());
            f.last = Math.max(f.last, o.timestamp());
        }
        if (!o.attributes().isEmpty()) {
            f.attributes = o.attributes();
        }
        Citation c = new Citation(o.source(), o.text());
        if (f.citations.size() < FIRST_CITATIONS) {
            f.citations.add(c);
        } else {
            f.latest = c;
        }
    }

    void add(Symptom given) {
        Fold f = folds.computeIfAbsent(given.id() + '\u0000' + given.subject(), k -> new Fold(given.id(), given.subject()));
        f.count += Math.max(1, given.count());
        if (given.hasValue()) {
            f.value = given.value();
            f.max = Double.isNaN(f.max) ? Math.max(given.value(), given.maxValue() > 0 ? given.maxValue() : given.value())
                    : Math.max(f.max, given.value());
        }
        if (given.firstSeen() > 0) {
            f.first = f.first == 0 ? given.firstSeen() : Math.min(f.first, given.firstSeen());
        }
        f.last = Math.max(f.last, given.lastSeen());
        if (!given.attributes().isEmpty()) {
            f.attributes = given.attributes();
        }
        for (Citation c : given.citations()) {
            if (f.citations.size() < FIRST_CITATIONS) {
                f.citations.add(c);
            } else {
                f.latest = c; // as for observations: the first few and the latest are kept
            }
        }
    }

    /**
     * Folds in what another aggregator read after everything this one read, with exactly the result of
     * adding its observations here in their order: evidence read in parallel merges into the sequential
     * result.
     */
    void addAll(SymptomAggregator later) {
        long offset = read;
        read += later.read;
        timeOrder.addAll(later.timeOrder);
        for (Map.Entry<String, Fold> e : later.folds.entrySet()) {
            Fold l = e.getValue();
            Fold f = folds.get(e.getKey());
            if (l.series != null) {
                Series renumbered = new Series();
                l.series.samples().forEach(x -> renumbered.add(new Sample(x.time(), offset + x.order(), x.value())));
                l.series = renumbered;
            }
            if (f == null) {
                folds.put(e.getKey(), l);
                continue;
            }
            if (l.series != null) {
                if (f.series == null) {
                    f.series = l.series;
                } else {
                    f.series.addAll(l.series);
                }
            }
            f.count += l.count;
            if (!Double.isNaN(l.value)) {
                f.value = l.value;
            }
            if (!Double.isNaN(l.max)) {
                f.max = Double.isNaN(f.max) ? l.max : Math.max(f.max, l.max);
            }
            if (l.first > 0) {
                f.first = f.first == 0 ? l.first : Math.min(f.first, l.first);
            }
            f.last = Math.max(f.last, l.last);
            if (!l.attributes.isEmpty()) {
                f.attributes = l.attributes;
            }
            for (Citation c : l.citations) {
                if (f.citations.size() < FIRST_CITATIONS) {
                    f.citations.add(c);
                } else {
                    f.latest = c;
                }
            }
            if (l.latest != null) {
                f.latest = l.latest;
            }
        }
        later.absent.forEach(absent::putIfAbsent);
    }

    List<Symptom> symptoms() {
        List<Symptom> out = new ArrayList<>(folds.size());
        for (Fold f : folds.values()) {
            List<Citation> citations = new ArrayList<>(f.citations);
            if (f.latest != null) {
                citations.add(f.latest);
            }
            out.add(new Symptom(f.id, f.subject, f.count, f.value, f.max, f.first, f.last, f.attributes, citations));
        }
        return out;
    }

    /** The folded symptoms with the series and times the derivations read. */
    DerivedEvidence.Recognised recognised() {
        Map<String, Series> series = new LinkedHashMap<>();
        folds.forEach((key, f) -> {
            if (f.series != null) {
                series.put(DerivedEvidence.Recognised.key(f.id, f.subject), f.series);
            }
        });
        return new DerivedEvidence.Recognised(symptoms(), series, timeOrder);
    }

    /** Symptoms the evidence showed to be absent, and not also present. */
    List<Answer> absences() {
        java.util.Set<String> present = new java.util.HashSet<>();
        folds.values().forEach(f -> present.add(f.id));
        List<Answer> out = new ArrayList<>();
        for (Answer a : absent.values()) {
            if (!present.contains(a.symptom())) {
                out.add(a);
            }
        }
        return out;
    }
}
