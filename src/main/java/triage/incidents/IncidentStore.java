package triage.incidents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident store: every diagnosis the service makes, grouped into incidents, over JDBC. An SQLite
 * file by default (no set-up); PostgreSQL, by JDBC URL, for several replicas sharing one store. The
 * database decides what is new (a unique group key, revision numbers, one delivery row per route), so
 * replicas behind one load balancer agree. The schema is migrated by Flyway on open.
 */
public final class IncidentStore implements AutoCloseable {

    /** What one receipt did to the store. */
    public enum Change { NEW_INCIDENT, NEW_REVISION, REPEAT, RESOLVED }

    /** The incident after a receipt, the revision it made (null for a repeat or a resolution), and what changed. */
    public record Recorded(Incident incident, Revision revision, Change change) {
    }

    /** Filters and paging of {@link #list}. Nulls filter nothing. */
    public record Query(String state, String cause, String source, Instant since, int limit, int offset) {
        public static Query all() {
            return new Query(null, null, null, null, 50, 0);
        }
    }

    public record Page(List<Incident> incidents, int total, int limit, int offset) {
    }

    /** An incident with all its revisions (oldest first) and notification deliveries. */
    public record Detail(Incident incident, List<Revision> revisions, List<Delivery> deliveries) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS = 8;

    private final HikariDataSource data;
    private final boolean postgres;
    private final String description;

    private IncidentStore(HikariDataSource data, boolean postgres, String description) {
        this.data = data;
        this.postgres = postgres;
        this.description = description;
    }

    /**
     * Opens (and migrates) a store: a {@code jdbc:postgresql:} URL (its password from {@code password}, never
     * from the URL in logs), or the path of an SQLite file, created with its folder when missing.
     */
    public static IncidentStore open(String where, String password) {
        HikariConfig config = new HikariConfig();
        boolean postgres = where.startsWith("jdbc:postgresql:");
        String description;
        if (postgres) {
            config.setJdbcUrl(where);
            if (password != null) {
                config.setPassword(password);
            }
            config.setMaximumPoolSize(8);
            description = "postgresql " + where.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
        } else {
            Path file = Path.of(where.startsWith("jdbc:sqlite:") ? where.substring("jdbc:sqlite:".length()) : where)
                    .toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot create the folder of the incident store " + file + ": " + e.getMessage());
            }
            // WAL: readers never block the writer; IMMEDIATE: a transaction takes the write lock first
            config.setJdbcUrl("jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true"
                    + "&transaction_mode=IMMEDIATE");
            config.setMaximumPoolSize(4);
            description = "sqlite " + file;
        }
        config.setPoolName("triage-incidents");
        config.setConnectionTimeout(10_000);
        HikariDataSource data;
        try {
            data = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot open the incident store (" + description + "): " + rootMessage(e));
        }
        try {
            Flyway.configure(IncidentStore.class.getClassLoader()).dataSource(data)
                    .locations("classpath:db/migration/" + (postgres ? "postgresql" : "sqlite"))
                    .load().migrate();
        } catch (RuntimeException e) {
            data.close();
            throw new IllegalArgumentException("cannot migrate the incident store (" + description + "): " + rootMessage(e));
        }
        return new IncidentStore(data, postgres, description);
    }

    /** Where the store is, for logs (never a password). */
    public String description() {
        return description;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Records a receipt: a new group makes an incident with its first revision; a repeat (same alerts, same
     * leading cause) only counts; a changed alert set or leading cause makes a new revision; a resolved group
     * resolves the incident. Safe under concurrent receipts from several replicas.
     */
    public Recorded record(Receipt r) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection c = data.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Recorded out = record(c, r, Instant.now().truncatedTo(ChronoUnit.MILLIS));
                    c.commit();
                    return out;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                if (!retryable(e)) {
                    break;
                }
                sleep(attempt);
            }
        }
        throw new IllegalStateException("incident store: " + rootMessage(last));
    }

    private Recorded record(Connection c, Receipt r, Instant now) throws SQLException {
        int inserted;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO incidents (group_key, source, receiver, state, "
                + "leading_cause, severity, confidence, labels, created_at, updated_at, resolved_at, receipts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (group_key) DO NOTHING")) {
            s.setString(1, r.groupKey());
            s.setString(2, r.source());
            s.setString(3, r.receiver());
            s.setString(4, r.status());
            s.setString(5, r.leadingCause());
            s.setString(6, r.severity());
            s.setDouble(7, r.confidence());
            s.setString(8, json(r.labels()));
            s.setString(9, TIME.format(now));
            s.setString(10, TIME.format(now));
            s.setString(11, Incident.RESOLVED.equals(r.status()) ? TIME.format(now) : null);
            inserted = s.executeUpdate();
        }
        long id = incidentId(c, r.groupKey());
        if (inserted == 1) {
            Revision rev = insertRevision(c, id, 1, r, now);
            return new Recorded(incident(c, id).orElseThrow(), rev, Change.NEW_INCIDENT);
        }
        Optional<Revision> latest = latestRevision(c, id);
        boolean resolved = Incident.RESOLVED.equals(r.status());
        try (PreparedStatement s = c.prepareStatement("UPDATE incidents SET receipts = receipts + 1, updated_at = ?, "
                + "state = ?, resolved_at = " + (resolved ? "COALESCE(resolved_at, ?)" : "?") + " WHERE id = ?")) {
            s.setString(1, TIME.format(now));
            s.setString(2, r.status());
            s.setString(3, resolved ? TIME.format(now) : null);
            s.setLong(4, id);
            s.executeUpdate();
        }
        if (resolved) {
            return new Recorded(incident(c, id).orElseThrow(), null, Change.RESOLVED);
        }
        boolean same = latest.isPresent() && latest.get().fingerprints().equals(r.fingerprints())
                && java.util.Objects.equals(latest.get().leadingCause(), r.leadingCause());
        if (same) {
            return new Recorded(incident(c, id).orElseThrow(), null, Change.REPEAT);
        }
        Revision rev = insertRevision(c, id, latest.map(Revision::number).orElse(0) + 1, r, now);
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE incidents SET leading_cause = ?, severity = ?, confidence = ?, labels = ? WHERE id = ?")) {
            s.setString(1, r.leadingCause());
            s.setString(2, r.severity());
            s.setDouble(3, r.confidence());
            s.setString(4, json(r.labels()));
            s.setLong(5, id);
            s.executeUpdate();
        }
        return new Recorded(incident(c, id).orElseThrow(), rev, Change.NEW_REVISION);
    }

    /** The incident's id, locking its row on PostgreSQL so that replicas take turns on one group. */
    private long incidentId(Connection c, String groupKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM incidents WHERE group_key = ?"
                + (postgres ? " FOR UPDATE" : ""))) {
            s.setString(1, groupKey);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("incident vanished: " + groupKey, "40001");
                }
                return rs.getLong(1);
            }
        }
    }

    private Revision insertRevision(Connection c, long id, int number, Receipt r, Instant now) throws SQLException {
        List<String> excerpts = r.excerpts();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO revisions (incident_id, number, created_at, status, "
                + "fingerprints, alerts, leading_cause, diagnosis, excerpts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setInt(2, number);
            s.setString(3, TIME.format(now));
            s.setString(4, r.status());
            s.setString(5, json(r.fingerprints()));
            s.setString(6, json(r.alerts()));
            s.setString(7, r.leadingCause());
            s.setString(8, json(r.diagnosis()));
            s.setString(9, json(excerpts));
            s.executeUpdate();
        }
        return new Revision(id, number, now, r.status(), r.fingerprints(), r.alerts(), r.leadingCause(), r.diagnosis(),
                excerpts);
    }

    /**
     * Claims the delivery of a revision to a route: true for the one caller (of all replicas) that inserted
     * its row, which then sends it; false when it was claimed already.
     */
    public boolean claimDelivery(long incidentId, int revision, String route) {
        return update("INSERT INTO deliveries (incident_id, revision, route, status, attempts, updated_at) "
                + "VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT (incident_id, revision, route) DO NOTHING",
                incidentId, revision, route, TIME.format(Instant.now())) == 1;
    }

    /** Records an attempt's outcome. */
    public void deliveryAttempt(long incidentId, int revision, String route, String status, int attempts, String error) {
        update("UPDATE deliveries SET status = ?, attempts = ?, last_error = ?, updated_at = ? "
                + "WHERE incident_id = ? AND revision = ? AND route = ?",
                status, attempts, error, TIME.format(Instant.now()), incidentId, revision, route);
    }

    /** Deletes incidents not updated for {@code maxAge}, and all but the {@code maxCount} most recently updated. */
    public int prune(Duration maxAge, int maxCount) {
        int n = update("DELETE FROM incidents WHERE updated_at < ?", TIME.format(Instant.now().minus(maxAge)));
        n += update("DELETE FROM incidents WHERE id NOT IN (SELECT id FROM incidents ORDER BY updated_at DESC, id DESC LIMIT ?)",
                maxCount);
        return n;
    }

    // ---------------------------------------------------------------- reading

    /** Incidents, most recently updated first. */
    public Page list(Query q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.state() != null) {
            where.append(" AND state = ?");
            args.add(q.state());
        }
        if (q.cause() != null) {
            where.append(" AND leading_cause = ?");
            args.add(q.cause());
        }
        if (q.source() != null) {
            where.append(" AND source = ?");
            args.add(q.source());
        }
        if (q.since() != null) {
            where.append(" AND updated_at >= ?");
            args.add(TIME.format(q.since()));
        }
        try (Connection c = data.getConnection()) {
            int total;
            try (PreparedStatement s = prepare(c, "SELECT COUNT(*) FROM incidents" + where, args)) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<Object> paged = new ArrayList<>(args);
            paged.add(q.limit());
            paged.add(q.offset());
            List<Incident> out = new ArrayList<>();
            try (PreparedStatement s = prepare(c, INCIDENT_COLUMNS + where + " ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?", paged)) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(incident(rs));
                    }
                }
            }
            return new Page(out, total, q.limit(), q.offset());
        } catch (SQLException e) {
            throw new IllegalStateException("incident store: " + rootMessage(e));
        }
    }

    public Optional<Detail> get(long id) {
        try (Connection c = data.getConnection()) {
            Optional<Incident> incident = incident(c, id);
            if (incident.isEmpty()) {
                return Optional.empty();
            }
            List<Revision> revisions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(REVISION_COLUMNS + " WHERE incident_id = ? ORDER BY number")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        revisions.add(revision(rs));
                    }
                }
            }
            List<Delivery> deliveries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT incident_id, revision, route, status, attempts, "
                    + "last_error, updated_at FROM deliveries WHERE incident_id = ? ORDER BY revision, route")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        deliveries.add(new Delivery(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getString(6), instant(rs.getString(7))));
                    }
                }
            }
            return Optional.of(new Detail(incident.get(), revisions, deliveries));
        } catch (SQLException e) {
            throw new IllegalStateException("incident store: " + rootMessage(e));
        }
    }

    private static final String INCIDENT_COLUMNS = "SELECT id, group_key, source, receiver, state, leading_cause, severity, "
            + "confidence, labels, created_at, updated_at, resolved_at, receipts, "
            + "(SELECT COUNT(*) FROM revisions r WHERE r.incident_id = incidents.id) FROM incidents";
    private static final String REVISION_COLUMNS = "SELECT incident_id, number, created_at, status, fingerprints, alerts, "
            + "leading_cause, diagnosis, excerpts FROM revisions";

    private Optional<Incident> incident(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INCIDENT_COLUMNS + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(incident(rs)) : Optional.empty();
            }
        }
    }

    private Optional<Revision> latestRevision(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REVISION_COLUMNS + " WHERE incident_id = ? ORDER BY number DESC LIMIT 1")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(revision(rs)) : Optional.empty();
            }
        }
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDouble(8), read(rs.getString(9), new TypeReference<Map<String, String>>() { }),
                instant(rs.getString(10)), instant(rs.getString(11)), instant(rs.getString(12)), rs.getInt(13), rs.getInt(14));
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(rs.getLong(1), rs.getInt(2), instant(rs.getString(3)), rs.getString(4),
                read(rs.getString(5), new TypeReference<List<String>>() { }), read(rs.getString(6), new TypeReference<JsonNode>() { }),
                rs.getString(7), read(rs.getString(8), new TypeReference<JsonNode>() { }),
                read(rs.getString(9), new TypeReference<List<String>>() { }));
    }

    // ---------------------------------------------------------------- helpers

    private int update(String sql, Object... args) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection c = data.getConnection(); PreparedStatement s = prepare(c, sql, java.util.Arrays.asList(args))) {
                return s.executeUpdate();
            } catch (SQLException e) {
                last = e;
                if (!retryable(e)) {
                    break;
                }
                sleep(attempt);
            }
        }
        throw new IllegalStateException("incident store: " + rootMessage(last));
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                s.setLong(i + 1, n);
            } else {
                s.setString(i + 1, a == null ? null : a.toString());
            }
        }
        return s;
    }

    /** Serialization failures, deadlocks, unique races (PostgreSQL) and a busy database (SQLite) are tried again. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return state.equals("40001") || state.equals("40P01") || state.equals("23505")
                || message.contains("SQLITE_BUSY") || message.contains("database is locked");
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L << attempt) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident store: unreadable JSON column: " + e.getOriginalMessage());
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        data.close();
    }
}
