/**
 * What the service keeps of each diagnosis and how it reaches people: the incident store (SQLite by
 * default, PostgreSQL for replicas; Flyway migrations), the grouping of Alertmanager repeats into one
 * incident with revisions, retention, and the notifications sent for each new incident or revision.
 */
package triage.incidents;
