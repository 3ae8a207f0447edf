package triage.evidence.derived;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FractionTest {

    @Test
    void nOfMInTheWaysSystemsPrintIt() {
        assertEquals(new Fraction(2, 3), Fraction.parse("2/3").orElseThrow());
        assertEquals(new Fraction(2, 3), Fraction.parse("2 of 3 brokers in sync").orElseThrow());
        assertEquals(new Fraction(4, 6), Fraction.parse("4 out of 6 replicas").orElseThrow());
        assertEquals(new Fraction(0, 1), Fraction.parse("0 / 1").orElseThrow());
    }

    @Test
    void aShortCountSaysHowManyAreMissing() {
        Fraction f = Fraction.parse("1/3").orElseThrow();
        assertTrue(f.isShort());
        assertEquals(2, f.missing());
    }

    @Test
    void aFullCountIsNotShortAndNoCountIsNothing() {
        assertFalse(Fraction.parse("3/3").orElseThrow().isShort());
        assertTrue(Fraction.parse("all up").isEmpty());
        assertTrue(Fraction.parse("1/0").isEmpty());
    }
}
