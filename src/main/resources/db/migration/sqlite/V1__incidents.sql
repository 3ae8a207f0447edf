-- Incidents: one per Alertmanager group (or per upload), with its revisions and notification deliveries.
CREATE TABLE incidents (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    group_key     TEXT    NOT NULL UNIQUE,
    source        TEXT    NOT NULL,           -- alertmanager | upload
    receiver      TEXT    NOT NULL DEFAULT '',
    state         TEXT    NOT NULL,           -- firing | resolved
    leading_cause TEXT,
    severity      TEXT,
    confidence    REAL    NOT NULL DEFAULT 0,
    labels        TEXT    NOT NULL DEFAULT '{}', -- the group's common labels, JSON
    created_at    TEXT    NOT NULL,           -- ISO-8601 instants (UTC)
    updated_at    TEXT    NOT NULL,
    resolved_at   TEXT,
    receipts      INTEGER NOT NULL DEFAULT 1  -- webhooks received for the group, repeats included
);
CREATE INDEX incidents_updated ON incidents (updated_at);

CREATE TABLE revisions (
    incident_id   INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    fingerprints  TEXT    NOT NULL,           -- sorted alert fingerprints, JSON list
    alerts        TEXT    NOT NULL,           -- the alerts' labels, status and times, JSON
    leading_cause TEXT,
    diagnosis     TEXT    NOT NULL,           -- the diagnosis JSON, as the service answered it
    excerpts      TEXT    NOT NULL,           -- evidence lines cited (already redacted), JSON list
    PRIMARY KEY (incident_id, number)
);

CREATE TABLE deliveries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id   INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    revision      INTEGER NOT NULL,
    route         TEXT    NOT NULL,
    status        TEXT    NOT NULL,           -- pending | sent | failed
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    updated_at    TEXT    NOT NULL,
    UNIQUE (incident_id, revision, route)
);
