package triage.facts;

/**
 * A derived finding: an intermediate conclusion one rule draws for others to use
 * (for example "the exchange is unreachable from this host"). Rules insert findings
 * logically, so a finding disappears when what justified it does.
 */
public record Finding(String id, String subject) {
    public Finding(String id) {
        this(id, "");
    }
}
