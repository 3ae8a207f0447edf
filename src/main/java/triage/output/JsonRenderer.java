package triage.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.diagnosis.EvidenceItem;
import triage.facts.Citation;
import triage.facts.Symptom;
import triage.knowledge.CheckDef;
import triage.plan.RemediationStep;

/** The diagnosis JSON of the interface contract, with more fields beside the required ones. */
public final class JsonRenderer implements Renderer {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Diagnosis d, boolean explain) {
        return write(tree(d));
    }

    public ObjectNode tree(Diagnosis d) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode causes = root.putArray("causes");
        d.causes().forEach(c -> causes.add(cause(c)));
        root.put("insufficient_evidence", d.insufficientEvidence());
        ArrayNode candidates = root.putArray("candidates");
        d.candidates().forEach(c -> {
            ObjectNode n = candidates.addObject();
            n.put("id", c.id());
            n.put("title", c.cause().title());
            n.put("confidence", c.confidence());
            ArrayNode checks = n.putArray("checks");
            for (CheckDef check : c.cause().checks()) {
                checks.addObject().put("question", check.question()).put("command", check.command());
            }
            evidence(n.putArray("evidence"), c);
        });
        ArrayNode symptoms = root.putArray("symptoms");
        for (Symptom s : d.symptoms()) {
            ObjectNode n = symptoms.addObject();
            n.put("id", s.id());
            if (!s.subject().isEmpty()) {
                n.put("subject", s.subject());
            }
            n.put("count", s.count());
            if (s.hasValue()) {
                n.put("value", s.value());
            }
            ArrayNode where = n.putArray("sources");
            for (Citation c : s.citations()) {
                where.addObject().put("source", c.source()).put("text", c.text());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        d.warnings().forEach(warnings::add);
        return root;
    }

    private ObjectNode cause(CauseHypothesis c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", c.id());
        n.put("title", c.cause().title());
        n.put("confidence", c.confidence());
        n.put("severity", c.cause().severity().label());
        n.put("area", c.cause().area());
        evidence(n.putArray("evidence"), c);
        ArrayNode steps = n.putArray("remediation");
        for (RemediationStep s : c.remediation()) {
            ObjectNode step = steps.addObject();
            step.put("order", s.order());
            step.put("phase", s.phase().label());
            step.put("action", s.action());
            if (s.command() != null) {
                step.put("command", s.command());
            }
            step.put("risk", s.risk().label());
            step.put("requires_confirmation", s.requiresConfirmation());
        }
        ArrayNode rules = n.putArray("rules");
        c.supportingRules().forEach(r -> rules.addObject().put("rule", r.rule()).put("file", r.file()).put("cf", r.cf()));
        ArrayNode against = n.putArray("against");
        c.againstRules().forEach(r -> against.addObject().put("rule", r.rule()).put("file", r.file()).put("cf", r.cf()));
        ArrayNode againstEvidence = n.putArray("evidence_against");
        for (EvidenceItem e : c.evidenceAgainst()) {
            againstEvidence.addObject().put("source", e.source()).put("text", e.text()).put("symptom", e.symptom());
        }
        ArrayNode explains = n.putArray("explains");
        c.explains().forEach(explains::add);
        ArrayNode sources = n.putArray("sources");
        c.cause().sources().forEach(sources::add);
        return n;
    }

    private static void evidence(ArrayNode array, CauseHypothesis c) {
        for (EvidenceItem e : c.evidence()) {
            array.addObject().put("source", e.source()).put("text", e.text()).put("symptom", e.symptom());
        }
    }

    private String write(Object tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
