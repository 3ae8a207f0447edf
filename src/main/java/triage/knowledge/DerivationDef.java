package triage.knowledge;

import java.util.List;

/**
 * How a derived symptom is worked out from symptoms already recognised (see {@code triage.evidence.derived}).
 *
 * @param kind   {@code climbs} (a trend over the samples of {@code from}), {@code level} (many samples, no climb),
 *               {@code decreases} (a counter or sequence that goes backwards or wraps), {@code time-reversed}
 *               (times going backwards within one source), {@code differs} (a cached value unlike its source of
 *               truth), {@code age} (seconds since a captured time), {@code short} ("N of M" with N below M)
 * @param from   the symptoms whose values or captures it is worked out from (the cached side for {@code differs})
 * @param source for {@code differs}: the symptoms that hold the source of truth
 * @param min    the threshold the derived value must reach (seconds of age or of a step back, relative difference...)
 */
public record DerivationDef(String kind, List<String> from, List<String> source, Double min) {

    public static final List<String> KINDS = List.of("climbs", "level", "decreases", "time-reversed", "differs", "age", "short");

    public DerivationDef {
        from = from == null ? List.of() : List.copyOf(from);
        source = source == null ? List.of() : List.copyOf(source);
    }
}
