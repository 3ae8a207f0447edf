package triage.output;

import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.diagnosis.EvidenceItem;
import triage.knowledge.CheckDef;
import triage.plan.RemediationStep;

import java.util.Locale;

/** Readable text for a person at a terminal. */
public final class TextRenderer implements Renderer {

    @Override
    public String render(Diagnosis d, boolean explain) {
        StringBuilder out = new StringBuilder();
        if (d.causes().isEmpty()) {
            out.append(d.candidates().isEmpty()
                    ? "No known cause recognised in the evidence (" + d.symptoms().size() + " symptoms recognised).\n"
                    : "Insufficient evidence: something is wrong, but no cause reaches the confidence to be reported.\n");
        }
        int rank = 1;
        for (CauseHypothesis c : d.causes()) {
            out.append(String.format(Locale.ROOT, "%d. %s  [%s, confidence %.2f]%n   %s%n", rank++, c.id(),
                    c.cause().severity().label(), c.confidence(), c.cause().title()));
            if (!c.explains().isEmpty()) {
                out.append("   Explains (downstream): ").append(String.join(", ", c.explains())).append('\n');
            }
            out.append("   Evidence:\n");
            for (EvidenceItem e : c.evidence()) {
                out.append("     - ").append(e.source()).append(": ").append(clip(e.text())).append('\n');
            }
            if (explain) {
                out.append("   Why: rules that concluded it (certainty factor):\n");
                c.supportingRules().forEach(r -> out.append(String.format(Locale.ROOT, "     + %s  (%s, cf %.2f)%n", r.rule(), r.file(), r.cf())));
                c.againstRules().forEach(r -> out.append(String.format(Locale.ROOT, "     - %s  (%s, cf %.2f against)%n", r.rule(), r.file(), r.cf())));
                for (EvidenceItem e : c.evidenceAgainst()) {
                    out.append("       against: ").append(e.source()).append(": ").append(clip(e.text())).append('\n');
                }
                out.append("   Guide sections: ").append(String.join("; ", c.cause().sources())).append('\n');
            }
            out.append("   Remediation:\n");
            for (RemediationStep s : c.remediation()) {
                out.append(String.format(Locale.ROOT, "     %d. [%s%s] %s%n", s.order(), s.phase().label(),
                        s.requiresConfirmation() ? ", CONFIRM FIRST" : s.risk().label().equals("safe") ? "" : ", " + s.risk().label(),
                        s.action()));
                if (s.command() != null) {
                    out.append("        $ ").append(s.command()).append('\n');
                }
            }
            out.append('\n');
        }
        if (!d.candidates().isEmpty()) {
            out.append(d.causes().isEmpty() ? "Leading candidates and the checks that would decide:\n" : "Also possible (not established):\n");
            for (CauseHypothesis c : d.candidates()) {
                out.append(String.format(Locale.ROOT, "  - %s  (confidence %.2f) %s%n", c.id(), c.confidence(), c.cause().title()));
                for (CheckDef check : c.cause().checks()) {
                    out.append("      check: ").append(check.question());
                    if (check.command() != null) {
                        out.append("  $ ").append(check.command());
                    }
                    out.append('\n');
                }
            }
        }
        if (explain && !d.symptoms().isEmpty()) {
            out.append("Recognised symptoms:\n");
            d.symptoms().forEach(s -> out.append("  - ").append(s.id())
                    .append(s.subject().isEmpty() ? "" : " [" + s.subject() + "]")
                    .append(" x").append(s.count())
                    .append(s.citations().isEmpty() ? "" : "  at " + s.citations().get(0).source()).append('\n'));
        }
        for (String w : d.warnings()) {
            out.append("warning: ").append(w).append('\n');
        }
        return out.toString();
    }

    static String clip(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 220 ? t.substring(0, 217) + "..." : t;
    }
}
