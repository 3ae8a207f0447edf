package triage.knowledge;

import java.util.List;

/**
 * How a derived symptom is worked out from symptoms already recognised (see {@code triage.evidence.derived}).
 *
 * @param kind   {@code configured} (a value read from configuration wherever it shows), {@code climbs} (a trend over the samples of {@code from}), {@code level} (many samples, no climb),
 *               {@code decreases} (a counter or sequence that goes backwards or wraps), {@code time-reversed}
 *               (times going backwards within one source), {@code differs} (a cached value unlike its source of
 *               truth), {@code age} (seconds since a captured time), {@code short} ("N of M" with N below M)
 * @param from   the symptoms whose values or captures it is worked out from (the cached side for {@code differs})
 * @param source for {@code differs}: the symptoms that hold the source of truth
 * @param min    the threshold the derived value must reach (seconds of age or of a step back, relative difference...)
 * @param key    for {@code configured}: a regex (found, case-insensitive) on the configuration keys whose values this
 *               symptom holds ({@code order_timeout}, {@code ORDER_TIMEOUT_MS}, {@code submitTimeout})
 * @param unit   for {@code configured}: {@code s} to read durations in seconds (a bare number in the key's unit:
 *               {@code timeout_ms: 500} is 0.5), {@code count} for plain numbers, {@code text} for words
 */
public record DerivationDef(String kind, List<String> from, List<String> source, Double min, String key, String unit) {

    public static final List<String> KINDS = List.of("climbs", "level", "decreases", "time-reversed", "differs", "age", "short",
            "configured");

    public DerivationDef(String kind, List<String> from, List<String> source, Double min) {
        this(kind, from, source, min, null, null);
    }

    public DerivationDef {
        from = from == null ? List.of() : List.copyOf(from);
        source = source == null ? List.of() : List.copyOf(source);
    }
}
