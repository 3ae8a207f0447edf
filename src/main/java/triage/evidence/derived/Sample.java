package triage.evidence.derived;

/**
 * One value of a series as read: when (epoch millis, 0 when the line had no time) and in which order
 * it was read (untimed samples keep their reading order).
 */
public record Sample(long time, long order, double value) {
}
