package triage.incidents;

import java.time.Instant;

/** One notification of one revision to one route: {@code pending}, {@code sent} or {@code failed}, after how many attempts. */
public record Delivery(long incidentId, int revision, String route, String status, int attempts, String lastError,
                       Instant updatedAt) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
}
