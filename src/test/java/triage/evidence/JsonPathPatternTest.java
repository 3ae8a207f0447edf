package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.facts.Symptom;
import triage.knowledge.PatternDef;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.reader;

/** Patterns gated on the JSON path of a value ({@code json_path:}), not on the name of the file the JSON is in. */
class JsonPathPatternTest {

    /** An exchange session reported disconnected, wherever the JSON shows and whatever else says "disconnected". */
    private final PatternDef exchangeDown = new PatternDef("exchange.session-down", "(?i)^exchanges\\.(?<subject>\\w+)\\.status: disconnected$",
            List.of("disconnected"), null, null, null, null, List.of(), List.of(), null, "^exchanges\\.\\w+\\.status$");

    private static List<Symptom> read(PatternDef p, String file, String text) {
        return reader(p).read(file, text.getBytes(StandardCharsets.UTF_8)).symptoms();
    }

    @Test
    void aJsonFileIsMatchedByThePathOfItsValuesWhateverItIsCalled() {
        String status = """
                {
                  "exchanges": {
                    "binance": {"status": "connected"},
                    "kraken": {"status": "disconnected"}
                  },
                  "strategies": {"mm_eth": {"status": "disconnected"}}
                }
                """;
        assertThat(read(exchangeDown, "snapshot-0930.json", status)).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("kraken");
            assertThat(s.citations().get(0).source()).isEqualTo("snapshot-0930.json:4");
        });
    }

    @Test
    void aValueAtAnotherPathIsNotMatchedEvenIfItsTextWouldBe() {
        String status = "{\"strategies\": {\"exchanges\": {\"status\": \"disconnected\"}}}\n";
        assertThat(read(exchangeDown, "status.json", status)).isEmpty();
    }

    @Test
    void aJsonPathPatternDoesNotMatchAPlainLogLine() {
        assertThat(read(exchangeDown, "app.log", "exchanges.kraken.status: disconnected\n")).isEmpty();
    }

    @Test
    void oneLineJsonPrintedInATranscriptIsReadByPathToo() {
        String transcript = String.join("\n",
                "ops@hft-01:~$ curl -s http://localhost:8080/api/v1/status | jq -c .",
                "{\"status\":\"degraded\",\"exchanges\":{\"binance\":{\"status\":\"connected\"},\"coinbase\":{\"status\":\"disconnected\"}}}",
                "");
        assertThat(read(exchangeDown, "operator-shell.txt", transcript)).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("coinbase");
            assertThat(s.citations().get(0).source()).isEqualTo("operator-shell.txt:2");
        });
    }
}
