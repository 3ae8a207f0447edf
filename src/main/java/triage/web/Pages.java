package triage.web;

import java.util.List;

/** What each page of the console shows: one record per template in {@code src/main/jte}. */
public final class Pages {

    private Pages() {
    }

    /** The frame of every page: title, the session's CSRF token for its forms, which tab is active. */
    public record Layout(String title, String csrf, String active, boolean signOut) {
    }

    public record IncidentRow(long id, String updated, String cause, String severity, String confidence, String source,
                              String state, String group, int revisions) {
    }

    public record Incidents(Layout layout, List<IncidentRow> rows, int total, String state, String cause) {
    }

    public record RevisionRow(int number, String created, String status, String cause, int alerts) {
    }

    public record DeliveryRow(int revision, String route, String status, int attempts, String error) {
    }

    public record Incident(Layout layout, IncidentRow head, DiagnosisView diagnosis, List<RevisionRow> revisions,
                           List<DeliveryRow> deliveries) {
    }

    public record Diagnose(Layout layout, String error) {
    }

    public record Result(Layout layout, DiagnosisView diagnosis) {
    }

    public record ComplaintRow(String id, String text) {
    }

    public record ConsultStart(Layout layout, List<ComplaintRow> complaints, List<ComplaintRow> matches, String query,
                               String message) {
    }

    /** The question asked now: yes means the symptom is there; a value question shows its unit and range. */
    public record Question(String symptom, String text, String command, String unit, String range, boolean takesValue) {
    }

    public record Suspect(String id, String title, String confidence) {
    }

    public record Consult(Layout layout, String id, String complaint, Question question, List<Suspect> suspects,
                          List<String> transcript, String why, String how, String message, boolean ended,
                          String endReason, DiagnosisView result, Long savedIncident) {
    }

    public record Login(String error) {
    }
}
