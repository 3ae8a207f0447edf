package triage.evidence.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigAssignmentTest {

    @Test
    void yamlTomlEnvAndExportAssignments() {
        assertEquals(List.of(new ConfigAssignment("order_timeout", "2s")), ConfigAssignment.in("  order_timeout: 2s"));
        assertEquals(List.of(new ConfigAssignment("request_timeout", "1.5")), ConfigAssignment.in("request_timeout = 1.5  # seconds"));
        assertEquals(List.of(new ConfigAssignment("ORDER_TIMEOUT_MS", "1500")), ConfigAssignment.in("export ORDER_TIMEOUT_MS=1500"));
        assertEquals(List.of(new ConfigAssignment("port", "443")), ConfigAssignment.in("  \"port\": 443,"));
    }

    @Test
    void grepPrefixesAndParentKeysAreDropped() {
        assertEquals(List.of(new ConfigAssignment("timeout", "2s")),
                ConfigAssignment.in("config/production.yaml:14:  exchange.order.timeout: 2s"));
        assertEquals(List.of(new ConfigAssignment("ORDER_TIMEOUT_MS", "800")), ConfigAssignment.in(".env:ORDER_TIMEOUT_MS=800"));
    }

    @Test
    void gitDiffReadsTheNewValueAndNotTheOldOne() {
        assertTrue(ConfigAssignment.in("-  order_timeout: 10s").isEmpty());
        assertEquals(List.of(new ConfigAssignment("order_timeout", "2s")), ConfigAssignment.in("+  order_timeout: 2s"));
    }

    @Test
    void aStartupLineListsSeveralPairs() {
        List<ConfigAssignment> a = ConfigAssignment.in("2026-11-09 10:00:01,002 INFO app: loaded config env=prod order_timeout=2s max_conns=50");
        assertTrue(a.contains(new ConfigAssignment("order_timeout", "2s")), a.toString());
        assertTrue(a.contains(new ConfigAssignment("max_conns", "50")), a.toString());
    }

    @Test
    void proseWithoutAssignmentsAssignsNothing() {
        assertTrue(ConfigAssignment.in("Order rejected because the timeout expired").isEmpty());
    }
}
