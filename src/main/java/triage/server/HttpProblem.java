package triage.server;

/** A request the service refuses: a status, a metrics reason and a one-line message for the client. */
final class HttpProblem extends RuntimeException {
    final int status;
    final String reason;

    HttpProblem(int status, String reason, String message) {
        super(message, null, false, false); // no stack trace: this is an answer, not a failure
        this.status = status;
        this.reason = reason;
    }
}
