package triage.facts;

/** A person's (or the evidence's) answer to whether a symptom holds. */
public enum Reply { YES, NO, UNKNOWN }
