package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.knowledge.PatternDef;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value-aware pre-filter: a threshold pattern's keywords count only where the number its regex reads
 * can reach the threshold, and compound keywords only where all their parts occur.
 */
class ValueGateTest {

    private static PatternDef threshold(String regex, double min, String... keywords) {
        return new PatternDef("x.slow", regex, List.of(keywords), min, null, null, null);
    }

    @Test
    void isDerivedOnlyWhereTheRegexPutsTheValueRightAfterAToken() {
        assertThat(ValueGate.of(threshold("(?i)p99_latency_us:\\s*(?<value>\\d+)", 1000, "p99_latency_us"))).hasToString("[p99_latency_us] >= 1000.0");
        assertThat(ValueGate.of(threshold("(?i)^(?=.*\\border\\b).*?\\blatency_us[\"]?\\s*[:=]\\s*(?<value>\\d+)", 500, "latency_us")))
                .hasToString("\\b[latency_us] >= 500.0");
        assertThat(ValueGate.of(threshold("(?i)\\bdb write\\b.{0,80}?\\b(?:took|latency|duration)[:= ]*(?<value>\\d+(?:\\.\\d+)?)\\s*ms\\b", 50, "db write")))
                .hasToString("\\b[took, latency, duration] >= 50.0");
        // a maximum, a unit, an absence, a value not right after a token: no gate
        assertThat(ValueGate.of(new PatternDef("x", "p99:\\s*(?<value>\\d+)", List.of("p99"), null, 10.0, null, null))).isNull();
        assertThat(ValueGate.of(threshold("took (?<value>\\d+)\\s*(?<unit>ms|s)", 1, "took"))).isNull();
        assertThat(ValueGate.of(new PatternDef("x", "took (?<value>\\d+)", List.of("took"), 1.0, null, true, null))).isNull();
        assertThat(ValueGate.of(threshold("(?:took|after) (?<value>\\d+)", 1, "took"))).hasToString("[took, after] >= 1.0");
        assertThat(ValueGate.of(threshold("(?:took|after)? (?<value>\\d+)", 1, "took"))).isNull();
        assertThat(ValueGate.of(threshold("\\d+ (?<value>\\d+)", 1, "x"))).isNull();
        assertThat(ValueGate.of(threshold("\\x41bc:(?<value>\\d+)", 1, "abc"))).isNull();
        assertThat(ValueGate.of(threshold("[a-z_]+latency: (?<value>\\d+)", 1, "latency"))).hasToString("[latency] >= 1.0");
        assertThat(ValueGate.of(threshold("[latency: (?<value>\\d+)]", 1, "latency"))).isNull();
    }

    @Test
    void aKeywordCountsOnlyWhereTheValueCanReachTheThreshold() {
        PatternDef p = threshold("(?i)\\blatency_us\\s*[:=]\\s*(?<value>\\d+)", 500, "latency_us");
        KeywordIndex index = new KeywordIndex(List.of(Recognizer.entries(p)), true);
        assertThat(passes(index, "binance: NEW BUY qty: 1 ack latency_us: 1422")).isTrue();
        assertThat(passes(index, "binance: ticker latency_us: 279")).isFalse();
        assertThat(passes(index, "binance: NEW BUY ack_latency_us: 1422")).isFalse(); // \b before the token
        assertThat(passes(index, "latency_us: 12 then latency_us=900")).isTrue(); // every place counts
        assertThat(passes(index, "latency_us: none")).isFalse();
        assertThat(passes(index, "LATENCY_US = 501")).isTrue();
    }

    @Test
    void aCompoundKeywordCountsOnlyWhereAllItsPartsOccur() {
        KeywordIndex index = new KeywordIndex(List.of(List.of("received && tick", "ticks/")));
        assertThat(passes(index, "QuoteTick EURUSD received")).isTrue();
        assertThat(passes(index, "ping frame received, pong sent")).isFalse();
        assertThat(passes(index, "1200 ticks/s")).isTrue();
    }

    @Test
    void theSievesAnswerIsTheRecognitionsAnswer() {
        PatternDef p = threshold("(?i)\\bdatabase write latency_ms:\\s*(?<value>\\d+(?:\\.\\d+)?)", 100, "write latency_ms");
        KeywordIndex index = new KeywordIndex(List.of(Recognizer.entries(p)), true);
        for (String line : List.of("database write latency_ms: 1.5 table: fills", "database write latency_ms: 100.0 table: fills",
                "database write latency_ms: 99.99", "database write latency_ms:", "x write latency_ms: 150")) {
            byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(index.occursIn(b, 0, b.length)).as(line).isEqualTo(passes(index, line));
        }
        assertThat(passes(index, "database write latency_ms: 1.5 table: fills")).isFalse();
        assertThat(passes(index, "database write latency_ms: 100.0 table: fills")).isTrue();
    }

    private static boolean passes(KeywordIndex index, String line) {
        BitSet hits = new BitSet();
        index.match(line, hits);
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(index.occursIn(b, 0, b.length)).as("bytes and text agree on " + line).isEqualTo(!hits.isEmpty());
        return !hits.isEmpty();
    }
}
