package triage.output;

import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.diagnosis.EvidenceItem;
import triage.knowledge.CheckDef;
import triage.plan.RemediationStep;

import java.util.Locale;

/** Markdown, for pasting into an incident ticket or a chat channel. */
public final class MarkdownRenderer implements Renderer {

    @Override
    public String render(Diagnosis d, boolean explain) {
        StringBuilder out = new StringBuilder("# Triage diagnosis\n\n");
        if (d.causes().isEmpty()) {
            out.append(d.candidates().isEmpty() ? "No known cause recognised.\n\n"
                    : "**Insufficient evidence**: no cause reaches the confidence to be reported.\n\n");
        }
        int rank = 1;
        for (CauseHypothesis c : d.causes()) {
            out.append(String.format(Locale.ROOT, "## %d. `%s` (%s, confidence %.2f)%n%n%s%n%n", rank++, c.id(),
                    c.cause().severity().label(), c.confidence(), c.cause().title()));
            if (!c.explains().isEmpty()) {
                out.append("Explains: ").append(String.join(", ", c.explains())).append("\n\n");
            }
            out.append("**Evidence**\n\n");
            for (EvidenceItem e : c.evidence()) {
                out.append("- ").append(code(e.source())).append(": ").append(code(TextRenderer.clip(e.text()))).append('\n');
            }
            if (explain) {
                out.append("\n**Rules**\n\n");
                c.supportingRules().forEach(r -> out.append(String.format(Locale.ROOT, "- %s (`%s`, cf %.2f)%n", r.rule(), r.file(), r.cf())));
                c.againstRules().forEach(r -> out.append(String.format(Locale.ROOT, "- against: %s (`%s`, cf %.2f)%n", r.rule(), r.file(), r.cf())));
                out.append("\nGuide sections: ").append(String.join("; ", c.cause().sources())).append('\n');
            }
            out.append("\n**Remediation**\n\n");
            for (RemediationStep s : c.remediation()) {
                out.append(s.order()).append(". ").append(s.requiresConfirmation() ? "**Confirm first.** " : "")
                        .append(s.action()).append(" _(").append(s.phase().label()).append(", ").append(s.risk().label()).append(")_");
                if (s.command() != null) {
                    out.append(" `").append(s.command().replace("`", "'")).append('`');
                }
                out.append('\n');
            }
            out.append('\n');
        }
        if (!d.candidates().isEmpty()) {
            out.append("## Candidates\n\n");
            for (CauseHypothesis c : d.candidates()) {
                out.append(String.format(Locale.ROOT, "- `%s` (confidence %.2f): %s%n", c.id(), c.confidence(), c.cause().title()));
                for (CheckDef check : c.cause().checks()) {
                    out.append("  - check: ").append(check.question()).append(check.command() == null ? "" : " `" + check.command() + "`").append('\n');
                }
            }
            out.append('\n');
        }
        for (String w : d.warnings()) {
            out.append("> warning: ").append(code(w)).append('\n');
        }
        return out.toString();
    }

    /** Evidence goes in code spans: Markdown, HTML and links in a log line are shown, never rendered. */
    static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }
}
