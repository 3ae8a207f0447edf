/**
 * The web console served by {@code triage serve} under {@code /ui}: incidents, one incident, diagnose
 * evidence (upload or paste), and the consultation; server-rendered from jte templates
 * ({@code src/main/jte}), over the same Java API, incident store and consultation engine as the rest.
 */
package triage.web;
