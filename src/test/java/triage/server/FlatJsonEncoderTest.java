package triage.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FlatJsonEncoderTest {

    @Test
    void anEventIsOneFlatJsonObjectWithItsFieldsAtTheTopLevel() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", context.getLogger("triage.server.ServiceHandler"), Level.INFO,
                "alert group diagnosed", null, null);
        e.setTimeStamp(Instant.parse("2026-12-03T09:10:00.123Z").toEpochMilli());
        e.addKeyValuePair(new KeyValuePair("top_cause", "exchange.rate-limited"));
        e.addKeyValuePair(new KeyValuePair("alerts", 3));
        e.addKeyValuePair(new KeyValuePair("confidence", 0.85));
        e.addKeyValuePair(new KeyValuePair("message", "a key that clashes"));
        byte[] line = new FlatJsonEncoder().encode(e);
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("[");
        assertThat(text.strip()).doesNotContain("\n");
        JsonNode n = new ObjectMapper().readTree(text);
        assertThat(n.path("time").asText()).isEqualTo("2026-12-03T09:10:00.123Z");
        assertThat(n.path("level").asText()).isEqualTo("INFO");
        assertThat(n.path("message").asText()).isEqualTo("alert group diagnosed");
        assertThat(n.path("top_cause").asText()).isEqualTo("exchange.rate-limited");
        assertThat(n.path("alerts").isIntegralNumber()).isTrue();
        assertThat(n.path("confidence").asDouble()).isEqualTo(0.85);
        assertThat(n.path("kv_message").asText()).isEqualTo("a key that clashes");
    }
}
