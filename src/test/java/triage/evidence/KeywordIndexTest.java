package triage.evidence;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One pass over a line finds every pattern whose keywords occur in it, case-insensitively. */
class KeywordIndexTest {

    private final KeywordIndex index = new KeywordIndex(List.of(
            List.of("rate limit", "429"), List.of("refused"), List.of("he", "she", "hers"), List.of("limit")));

    private BitSet hits(String text) {
        BitSet b = new BitSet();
        index.match(text, b);
        return b;
    }

    @Test
    void findsOverlappingAndNestedKeywords() {
        assertThat(hits("Rate LIMIT exceeded")).isEqualTo(BitSet.valueOf(new long[]{0b1001}));
        assertThat(hits("ushers")).isEqualTo(BitSet.valueOf(new long[]{0b0100}));
        assertThat(hits("HTTP 429 and Connection refused")).isEqualTo(BitSet.valueOf(new long[]{0b0011}));
        assertThat(hits("nothing to see").isEmpty()).isTrue();
    }
}
