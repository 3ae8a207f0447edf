package triage.consult;

import triage.knowledge.CauseDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.SymptomDef;
import triage.knowledge.rules.RuleModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why a question is asked, in words, as MYCIN answered WHY: the rule that needs the answer, read as
 * "if ... then ...", with the numbers (certainty, expected gain) as a detail. Shared by the line
 * protocol and the web console.
 */
public final class Explanations {

    private Explanations() {
    }

    /** The sentence: "I am asking because rule R needs it: if A and B, then C." */
    public static String why(Consultation c, Consultation.Option o) {
        String q = o.symptom().id();
        Optional<Questions.Group> group = c.questions().group(q);
        if (group.isPresent()) {
            List<String> members = group.get().members().stream().map(m -> symptomWords(c.knowledgeBase(), m)).toList();
            return "I am asking about a family of signs at once: " + String.join("; ", members)
                    + ". A no rules them all out; a yes points at the causes they belong to, asked about next. " + capital(detail(o));
        }
        Optional<Map.Entry<String, RuleModel.RuleDef>> found = ruleNeeding(c, q, o.weightsNow());
        KnowledgeBase kb = c.knowledgeBase();
        if (found.isEmpty()) {
            return "I am asking because the answer tells the suspects apart (" + detail(o) + ")";
        }
        String cause = found.get().getKey();
        RuleModel.RuleDef r = found.get().getValue();
        List<String> ifs = new ArrayList<>();
        for (RuleModel.Condition k : r.conditions()) {
            ifs.add(condition(kb, k));
        }
        String title = kb.cause(cause).map(CauseDef::title).orElse(cause);
        return String.format(Locale.ROOT, "I am asking because rule \"%s\" (%s:%d) needs it: if %s, then %s "
                        + "(certainty %.2f). %s", r.name(), r.file(), r.line(), String.join(", and ", ifs),
                lower(title), r.cfFor(cause, false), capital(detail(o)));
    }

    private static String detail(Consultation.Option o) {
        return String.format(Locale.ROOT, "the answer is worth %.2f bits; yes is expected with probability %.2f",
                o.gain() / Math.log(2), o.pYes());
    }

    /** The rule of the most likely cause whose conditions name the symptom directly. */
    static Optional<Map.Entry<String, RuleModel.RuleDef>> ruleNeeding(Consultation c, String symptom, Map<String, Double> weights) {
        List<String> causes = new ArrayList<>(weights.keySet());
        causes.sort(Comparator.comparingDouble((String k) -> -weights.get(k)));
        for (String cause : causes) {
            RuleModel.RuleDef best = null;
            for (RuleModel.RuleDef r : c.index().supporting(cause)) {
                boolean names = r.conditions().stream().anyMatch(k -> k.ids().contains(symptom));
                if (names && (best == null || r.cfFor(cause, false) > best.cfFor(cause, false))) {
                    best = r;
                }
            }
            if (best != null) {
                return Optional.of(Map.entry(cause, best));
            }
        }
        return Optional.empty();
    }

    private static String condition(KnowledgeBase kb, RuleModel.Condition k) {
        List<String> names = k.ids().stream().map(id -> symptomWords(kb, id)).toList();
        String any = String.join(" or ", names);
        return switch (k.kind()) {
            case SYMPTOM -> k.negated() ? "it is not so that " + any : any;
            case ANSWER -> "you " + (k.negated() ? "did not answer " : "answered ")
                    + (k.reply() == null ? "" : k.reply().toLowerCase(Locale.ROOT) + " ") + "to: " + any;
            case FINDING -> (k.negated() ? "it is not established that " : "it is established that ")
                    + String.join(" or ", k.ids());
            default -> String.join(" or ", k.ids());
        };
    }

    private static String symptomWords(KnowledgeBase kb, String id) {
        SymptomDef d = kb.symptoms().get(id);
        return d == null || d.description() == null ? id : lower(d.description().strip());
    }

    private static String lower(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
