package triage.evidence.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantityTest {

    @Test
    void durationsAreSeconds() {
        assertEquals(0.5, Quantity.parse("500ms"));
        assertEquals(5.0, Quantity.parse("5s"));
        assertEquals(120.0, Quantity.parse("2m"));
        assertEquals(3600.0, Quantity.parse("\"1h\""));
        assertEquals(0.00025, Quantity.parse("250us"), 1e-12);
    }

    @Test
    void countsWithMultipliers() {
        assertEquals(10_000.0, Quantity.parse("10k"));
        assertEquals(1_500_000.0, Quantity.parse("1.5M"));
        assertEquals(65535.0, Quantity.parse("65,535"));
    }

    @Test
    void aBareNumberTakesTheUnitItsKeyNames() {
        assertEquals("ms", Quantity.unitOfKey("ORDER_TIMEOUT_MS"));
        assertEquals("ms", Quantity.unitOfKey("requestTimeoutMs"));
        assertEquals("s", Quantity.unitOfKey("order_timeout"));
    }

    @Test
    void wordsAreNoQuantity() {
        assertTrue(Double.isNaN(Quantity.parse("forever")));
    }
}
