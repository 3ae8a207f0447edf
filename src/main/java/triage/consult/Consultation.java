package triage.consult;

import triage.api.Triage;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.engine.Certainty;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Reply;
import triage.facts.Symptom;
import triage.knowledge.CauseDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.SymptomDef;
import triage.knowledge.rules.RuleModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one consultation and how it chooses its next question; no input or output here
 * (see {@link ConsultRunner}). What is known (evidence, the complaint, answers) is turned into facts and
 * diagnosed by the real rules ({@link Triage#diagnose}); the next question is the open symptom whose
 * answer is expected to reduce the uncertainty over the causes in play the most, each answer tried
 * hypothetically on the rules.
 */
public final class Consultation {

    /** What is known about a symptom. Symptoms not in the map are open. */
    public enum Known { PRESENT, ABSENT, UNKNOWN }

    /** One answer given in the consultation. {@code count} and {@code value} matter for yes only. */
    public record Given(String symptom, Reply reply, double value, int count) {
        public boolean yes() {
            return reply == Reply.YES;
        }
    }

    /** A question worth asking: the symptom, its expected information gain (nats) and the two outcomes. */
    public record Option(SymptomDef symptom, double gain, double pYes, Diagnosis ifYes, Diagnosis ifNo,
                         Map<String, Double> weightsNow, Map<String, Double> weightsYes, Map<String, Double> weightsNo) {
    }

    /** Why a consultation ends. */
    public enum End { ESTABLISHED, NO_USEFUL_QUESTION }

    /** How strongly the complaint's order weighs causes: a cause of the k-th step has prior RANK_DECAY^k. */
    static final double RANK_DECAY = 0.35;
    /** ...but never less than this, so that the last causes of a long list are still asked about. */
    static final double RANK_FLOOR = 0.005;
    /** A leading cause must lead the runner-up by this much to end the consultation. */
    static final double MARGIN = 0.2;
    /** ...and no open question may knock it below the reporting threshold with more than this probability. */
    static final double DOUBT = 0.12;
    /** P(symptom | cause) when the cause's rules need the symptom, when they need it absent, otherwise. */
    static final double P_PRODUCED = 0.8;
    static final double P_EXCLUDED = 0.05;
    static final double P_OTHER = 0.1;
    static final double MIN_GAIN = 1e-6;
    /** At most this many questions are tried on the rules in a round (see shortlist). */
    static final int SHORTLIST = 40;
    static final String SOURCE = "consultation";
    /** The pseudo-cause "something not in play" in the weights. */
    static final String OTHER = "";
    static final double OTHER_SHARE = 0.2;
    /** The weight of a reported cause in the uncertainty over causes. */
    static final double ESTABLISHED_WEIGHT = 0.9;
    /** A guide's check is asked first when its gain is at least this share of the best question's. */
    static final double GUIDE_SHARE = 0.3;
    /**
     * How much of a candidate's confidence (below the reporting threshold) counts as weight: none. A
     * candidate concluded by default ("no other explanation") must not outweigh the guide's first step;
     * it keeps its share through the prior and the answers while it can still be concluded.
     */
    static final double CANDIDATE_WEIGHT = 0;
    /** Within one step of a complaint's causes, the k-th listed has prior STEP_DECAY^k of the step's. */
    static final double STEP_DECAY = 0.8;
    /** A sibling of the leading cause must be told apart from it while it keeps this share of the weight. */
    static final double SIBLING_SHARE = 0.05;
    /** ...and a rival (a cause that explains a symptom answered yes as well as the leader) this share. */
    static final double RIVAL_SHARE = 0.05;
    /** At most this many of a rival's unasked signs are run through the rules in one round. */
    static final int MAX_WHAT_IF = 4;

    private final Triage triage;
    private final KnowledgeBase kb;
    private final RuleIndex index;
    private final Questions questions;
    private final List<Symptom> evidenceSymptoms;
    private final List<Answer> evidenceAnswers;
    private final List<String> warnings;
    private Complaint complaint;
    private final List<Given> complaintFacts = new ArrayList<>();
    private final List<Given> answers = new ArrayList<>();
    private final Map<String, Diagnosis> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Diagnosis> e) {
            return size() > 4096;
        }
    };
    private final Map<String, Set<String>> bearing = new HashMap<>();
    private final Map<String, Set<String>> produces = new HashMap<>();
    private final Map<String, Set<String>> excludes = new HashMap<>();

    public Consultation(Triage triage, RuleIndex index, List<Symptom> evidenceSymptoms, List<Answer> evidenceAnswers,
                        List<String> warnings) {
        this.triage = triage;
        this.kb = triage.knowledgeBase();
        this.index = index;
        this.questions = Questions.load(kb);
        this.evidenceSymptoms = new ArrayList<>(evidenceSymptoms);
        this.evidenceAnswers = new ArrayList<>(evidenceAnswers);
        this.warnings = List.copyOf(warnings);
    }

    public Consultation(Triage triage) {
        this(triage, RuleIndex.of(triage.rules().sources()), List.of(), List.of(), List.of());
    }

    // ---------------------------------------------------------------- state

    /** Starts from a complaint (null for none): its symptoms become facts, its causes are put in play. */
    public void complaint(Complaint c) {
        complaint = c;
        complaintFacts.clear();
        if (c != null) {
            for (String s : c.symptoms()) {
                if (known(List.of()).get(s) == null) {
                    complaintFacts.add(yesGiven(s, Double.NaN));
                }
            }
        }
    }

    public Complaint complaint() {
        return complaint;
    }

    /** Records an answer to an open symptom. */
    public void answer(Given g) {
        answers.add(g);
    }

    /** A yes, as the rules need it: the count they ask for, and the value given (or none). */
    public Given yesGiven(String symptom, double value) {
        return new Given(symptom, Reply.YES, value, index.countFor(symptom));
    }

    /** Undoes the last answer; the answer undone, or empty when there is none. */
    public Optional<Given> back() {
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(answers.remove(answers.size() - 1));
    }

    /** Forgets the answers and the complaint; evidence stays. */
    public void restart() {
        answers.clear();
        complaint(null);
    }

    public List<Given> answers() {
        return List.copyOf(answers);
    }

    public List<Given> complaintFacts() {
        return List.copyOf(complaintFacts);
    }

    public List<Symptom> evidenceSymptoms() {
        return List.copyOf(evidenceSymptoms);
    }

    public List<Answer> evidenceAnswers() {
        return List.copyOf(evidenceAnswers);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public RuleIndex index() {
        return index;
    }

    Triage triage() {
        return triage;
    }

    public Questions questions() {
        return questions;
    }

    /** Adds what was recognised in typed text: it is evidence like any other. */
    public void addEvidence(List<Symptom> symptoms, List<Answer> answers) {
        evidenceSymptoms.addAll(symptoms);
        evidenceAnswers.addAll(answers);
        cache.clear();
    }

    /** The diagnosis of everything known now. */
    public Diagnosis diagnosis() {
        return diagnose(allGiven(null));
    }

    /** What is known about each symptom: from the evidence, the complaint and the answers. */
    public Map<String, Known> known() {
        return known(allGiven(null));
    }

    private List<Given> allGiven(Given extra) {
        List<Given> all = new ArrayList<>(complaintFacts.size() + answers.size() + 1);
        all.addAll(complaintFacts);
        all.addAll(answers);
        if (extra != null) {
            all.add(extra);
        }
        return all;
    }

    private Map<String, Known> known(List<Given> given) {
        Map<String, Known> known = new HashMap<>();
        for (Answer a : evidenceAnswers) {
            known.put(a.symptom(), a.reply() == Reply.YES ? Known.PRESENT : a.isNo() ? Known.ABSENT : Known.UNKNOWN);
        }
        for (Symptom s : evidenceSymptoms) {
            known.put(s.id(), Known.PRESENT);
        }
        for (Given g : given) {
            Optional<Questions.Group> group = questions.group(g.symptom());
            if (group.isPresent() && g.reply() == Reply.NO) {
                // none of the family: each member is a no (unless known otherwise)
                group.get().members().forEach(m -> known.putIfAbsent(m, Known.ABSENT));
                continue;
            }
            if (group.isPresent() && g.reply() == Reply.UNKNOWN) {
                // the screen the family is read from cannot be read: its members are not asked one by one
                group.get().members().forEach(m -> known.putIfAbsent(m, Known.UNKNOWN));
            }
            known.put(g.symptom(), switch (g.reply()) {
                case YES -> Known.PRESENT;
                case NO -> Known.ABSENT;
                case UNKNOWN -> Known.UNKNOWN;
            });
        }
        return known;
    }

    /** The facts of the given answers, on top of the evidence, as the rules see them. */
    List<Symptom> symptomFacts(List<Given> given) {
        List<Symptom> out = new ArrayList<>(evidenceSymptoms);
        for (Given g : given) {
            if (g.yes() && questions.group(g.symptom()).isEmpty()) {
                SymptomDef def = kb.symptoms().get(g.symptom());
                String text = g.symptom() + ": yes" + (Double.isNaN(g.value()) ? ""
                        : " (" + fmt(g.value()) + (def != null && def.takesValue() ? " " + def.unit() : "") + ")");
                out.add(new Symptom(g.symptom(), "", g.count(), g.value(), g.value(), 0, 0, Map.of(),
                        List.of(new Citation(SOURCE, text))));
            }
        }
        return out;
    }

    List<Answer> answerFacts(List<Given> given) {
        List<Answer> out = new ArrayList<>(evidenceAnswers);
        for (Given g : answersAsGiven(given)) {
            out.add(new Answer(g.symptom(), g.reply(), g.value(), SOURCE));
        }
        return out;
    }

    /**
     * The answers the given ones stand for, one symptom each: an answer to a symptom as it was given; a family's
     * no as a no for each member nothing else speaks of (its own answer, the evidence, an earlier family), once;
     * a family's yes or unknown as nothing (the rules read no fact from it). What the session's rules see and
     * what {@code --save} writes.
     */
    List<Given> answersAsGiven(List<Given> given) {
        List<Given> out = new ArrayList<>(given.size());
        Map<String, Known> known = null;
        Set<String> denied = new HashSet<>();
        for (Given g : given) {
            Optional<Questions.Group> group = questions.group(g.symptom());
            if (group.isEmpty()) {
                out.add(g);
            } else if (g.reply() == Reply.NO) {
                known = known != null ? known : known(given);
                for (String m : group.get().members()) {
                    if (known.get(m) == Known.ABSENT && given.stream().noneMatch(x -> x.symptom().equals(m))
                            && evidenceAnswers.stream().noneMatch(a -> a.symptom().equals(m)) && denied.add(m)) {
                        out.add(new Given(m, Reply.NO, Double.NaN, 1));
                    }
                }
            }
        }
        return out;
    }

    Diagnosis diagnose(List<Given> given) {
        StringBuilder key = new StringBuilder();
        for (Given g : given) {
            key.append(g.symptom()).append(g.reply().ordinal()).append(g.count()).append('=').append(g.value()).append(';');
        }
        return cache.computeIfAbsent(key.toString(),
                k -> triage.diagnose(symptomFacts(given), answerFacts(given), warnings));
    }

    // ---------------------------------------------------------------- belief

    /** Confidence of every cause the diagnosis names (reported, explained downstream, candidates). */
    static Map<String, Double> confidences(Diagnosis d) {
        Map<String, Double> conf = new LinkedHashMap<>();
        for (CauseHypothesis h : d.causes()) {
            conf.merge(h.id(), h.confidence(), Math::max);
        }
        for (CauseHypothesis h : d.candidates()) {
            conf.merge(h.id(), h.confidence(), Math::max);
        }
        return conf;
    }

    /** The leading causes: reported first, then candidates. */
    public static List<CauseHypothesis> leaders(Diagnosis d) {
        List<CauseHypothesis> out = new ArrayList<>(d.causes());
        out.addAll(d.candidates());
        return out;
    }

    /** The prior weight of each cause in play, before evidence: the complaint's order, or even. */
    Map<String, Double> inPlay(Diagnosis d, Map<String, Known> known) {
        Map<String, Double> prior = new LinkedHashMap<>();
        if (complaint != null) {
            for (String c : complaint.causes()) {
                if (!index.supporting(c).isEmpty()) {
                    int step = complaint.rank(c);
                    int within = 0;
                    for (String o : complaint.causes()) {
                        if (o.equals(c)) {
                            break;
                        }
                        if (complaint.rank(o) == step) {
                            within++;
                        }
                    }
                    prior.put(c, Math.max(Math.pow(RANK_DECAY, step) * Math.pow(STEP_DECAY, within), RANK_FLOOR));
                }
            }
        }
        for (String c : confidences(d).keySet()) {
            prior.putIfAbsent(c, 1.0);
        }
        // causes one of whose rules already has a symptom it needs
        for (String c : index.supportedCauses()) {
            if (prior.containsKey(c) || !kb.causes().containsKey(c)) {
                continue;
            }
            for (RuleModel.RuleDef r : index.supporting(c)) {
                if (hasPresentPositive(r, known) && possible(r, known, new HashMap<>())) {
                    prior.put(c, 1.0);
                    break;
                }
            }
        }
        if (prior.isEmpty()) {
            for (String c : index.supportedCauses()) {
                if (kb.causes().containsKey(c)) {
                    prior.put(c, 1.0);
                }
            }
        }
        return prior;
    }

    private static boolean hasPresentPositive(RuleModel.RuleDef r, Map<String, Known> known) {
        for (RuleModel.Condition c : r.conditions()) {
            if (c.kind() == RuleModel.Kind.SYMPTOM && !c.negated()) {
                for (String id : c.ids()) {
                    if (known.get(id) == Known.PRESENT) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether a cause can still be concluded: one of its supporting rules is not ruled out by what is known. */
    boolean alive(String cause, Map<String, Known> known) {
        if (contradicted(cause, known)) {
            return false;
        }
        Map<String, Boolean> findings = new HashMap<>();
        for (RuleModel.RuleDef r : index.supporting(cause)) {
            if (possible(r, known, findings)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The symptoms a cause cannot do without: those {@code questions.yaml} names for it ({@code necessary}),
     * and those every one of its supporting rules needs present (a condition naming that one symptom). A
     * "no" to one of them contradicts the cause.
     */
    Set<String> necessary(String cause) {
        return necessary.computeIfAbsent(cause, c -> {
            Set<String> out = null;
            for (RuleModel.RuleDef r : index.supporting(c)) {
                Set<String> need = new LinkedHashSet<>();
                for (RuleModel.Condition k : r.conditions()) {
                    if (k.kind() == RuleModel.Kind.SYMPTOM && !k.negated() && k.ids().size() == 1) {
                        need.addAll(k.ids());
                    }
                }
                if (out == null) {
                    out = need;
                } else {
                    out.retainAll(need);
                }
            }
            Set<String> all = new LinkedHashSet<>(questions.necessary(c));
            if (out != null) {
                all.addAll(out);
            }
            return Set.copyOf(all);
        });
    }

    private final Map<String, Set<String>> necessary = new HashMap<>();

    /** Whether an answer says no to a symptom the cause cannot do without. */
    boolean contradicted(String cause, Map<String, Known> known) {
        for (String s : necessary(cause)) {
            if (known.get(s) == Known.ABSENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * The leading causes as the consultation shows them: the diagnosis's, without a cause below the
     * reporting threshold that an answer contradicts (a "no" to a symptom it cannot do without).
     */
    public List<CauseHypothesis> suspects(Diagnosis d) {
        Map<String, Known> known = known();
        List<CauseHypothesis> out = new ArrayList<>();
        for (CauseHypothesis h : leaders(d)) {
            if (h.confidence() >= Certainty.REPORT || !contradicted(h.id(), known)) {
                out.add(h);
            }
        }
        return out;
    }

    private boolean possible(RuleModel.RuleDef r, Map<String, Known> known, Map<String, Boolean> findings) {
        for (RuleModel.Condition c : r.conditions()) {
            boolean ok = switch (c.kind()) {
                case SYMPTOM -> c.negated()
                        ? c.ids().stream().noneMatch(id -> known.get(id) == Known.PRESENT)
                        : c.ids().stream().anyMatch(id -> known.get(id) == null || known.get(id) == Known.PRESENT);
                case ANSWER -> c.negated() || c.reply() == null
                        || c.ids().stream().anyMatch(id -> {
                            Known k = known.get(id);
                            return k == null || k == switch (c.reply()) {
                                case "NO" -> Known.ABSENT;
                                case "YES" -> Known.PRESENT;
                                default -> Known.UNKNOWN;
                            };
                        });
                case FINDING -> c.negated() || c.ids().stream().anyMatch(f -> findingPossible(f, known, findings));
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean findingPossible(String finding, Map<String, Known> known, Map<String, Boolean> memo) {
        Boolean m = memo.get(finding);
        if (m != null) {
            return m;
        }
        memo.put(finding, false); // a cycle does not make itself possible
        boolean any = false;
        for (RuleModel.RuleDef r : index.concluding(finding)) {
            if (possible(r, known, memo)) {
                any = true;
                break;
            }
        }
        memo.put(finding, any);
        return any;
    }

    /**
     * The weight of each cause in play: its confidence from the rules, plus, while it can still be
     * concluded, its prior share of what no concluded cause explains yet ({@code 1 - } the highest
     * confidence). A part {@link #OTHER_SHARE} of that rest goes to {@link #OTHER}: a cause outside those
     * in play. Causes nothing can conclude any more weigh only their confidence.
     */
    Map<String, Double> weights(Diagnosis d, Map<String, Known> known, Map<String, Double> prior) {
        return weights(d, known, prior, null, null);
    }

    /**
     * As {@link #weights(Diagnosis, Map, Map)}, where {@code known} differs from the state whose aliveness
     * is {@code baseAlive} only in {@code changed}: only the causes that symptom bears on are re-examined.
     */
    Map<String, Double> weights(Diagnosis d, Map<String, Known> known, Map<String, Double> prior,
                                Map<String, Boolean> baseAlive, String changed) {
        Map<String, Double> conf = new LinkedHashMap<>();
        // for telling causes apart, a reported cause counts as established, whatever its certainty factor
        confidences(d).forEach((c, v) -> conf.put(c, v >= Certainty.REPORT ? ESTABLISHED_WEIGHT : v * CANDIDATE_WEIGHT));
        double top = conf.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double rest = Math.max(0, 1 - top);
        Map<String, Double> w = new LinkedHashMap<>();
        Set<String> causes = new LinkedHashSet<>(prior.keySet());
        causes.addAll(conf.keySet());
        Set<String> premises = complaintSymptoms();
        // the prior, updated by each answer as likely as the cause's rules make it (see pGiven), and
        // nothing at all for a cause no rule can conclude any more
        Map<String, Double> post = new LinkedHashMap<>();
        double total = 0;
        for (String c : causes) {
            boolean alive = baseAlive != null && baseAlive.containsKey(c) && !bearing(c).contains(changed)
                    ? baseAlive.get(c) : alive(c, known);
            if (alive) {
                double v = prior.getOrDefault(c, 0.0) * likelihood(c, known, premises);
                post.put(c, v);
                total += v;
            }
        }
        double other = OTHER_SHARE * likelihood(OTHER, known, premises);
        total += other;
        for (String c : causes) {
            double v = conf.getOrDefault(c, 0.0);
            if (post.containsKey(c)) {
                v += rest * post.get(c) / total;
            }
            if (v > 0) {
                w.put(c, v);
            }
        }
        if (rest > 0) {
            w.put(OTHER, rest * other / total);
        }
        return w;
    }

    /** How likely what is known is if the cause is the one: P(yes | cause) for each present symptom, 1 - P for each absent one. */
    private Set<String> complaintSymptoms() {
        Set<String> out = new java.util.HashSet<>();
        complaintFacts.forEach(g -> out.add(g.symptom()));
        return out;
    }

    private double likelihood(String cause, Map<String, Known> known, Set<String> premises) {
        double l = 1;
        for (Map.Entry<String, Known> e : known.entrySet()) {
            if (premises.contains(e.getKey()) || e.getValue() == Known.UNKNOWN) {
                continue;
            }
            double p = pGiven(e.getKey(), cause);
            l *= e.getValue() == Known.PRESENT ? p : 1 - p;
        }
        return l;
    }

    static double entropy(Map<String, Double> w) {
        double total = 0;
        for (double v : w.values()) {
            total += v;
        }
        if (total <= 0) {
            return 0;
        }
        double h = 0;
        for (double v : w.values()) {
            if (v > 0) {
                double p = v / total;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private Set<String> bearing(String cause) {
        return bearing.computeIfAbsent(cause, index::symptomsBearingOn);
    }

    private double pGiven(String symptom, String cause) {
        Optional<Questions.Group> group = questions.group(symptom);
        if (group.isPresent()) {
            Set<String> yes = produces.computeIfAbsent(cause, index::produces);
            return group.get().members().stream().anyMatch(yes::contains) ? P_PRODUCED : P_OTHER;
        }
        if (produces.computeIfAbsent(cause, index::produces).contains(symptom)) {
            return P_PRODUCED;
        }
        if (excludes.computeIfAbsent(cause, index::excludes).contains(symptom)) {
            return P_EXCLUDED;
        }
        return P_OTHER;
    }

    /** P(yes) for a symptom: how likely the causes in play, as weighed now, make it. */
    double pYes(String symptom, Map<String, Double> w) {
        double total = 0;
        double p = 0;
        for (Map.Entry<String, Double> e : w.entrySet()) {
            total += e.getValue();
            p += e.getValue() * pGiven(symptom, e.getKey());
        }
        return total <= 0 ? P_OTHER : p / total;
    }

    // ---------------------------------------------------------------- questions

    /** What the consultation would do now: the questions worth asking, best first, and whether it is over. */
    public record Plan(Diagnosis diagnosis, List<Option> options, End end, Map<String, Double> weights,
                       List<String> openChecks) {
        public Optional<Option> next() {
            return end == null && !options.isEmpty() ? Optional.of(options.get(0)) : Optional.empty();
        }
    }

    public Plan plan() {
        List<Given> now = allGiven(null);
        Diagnosis d = diagnose(now);
        Map<String, Known> known = known(now);
        Map<String, Double> prior = inPlay(d, known);
        Map<String, Double> w = weights(d, known, prior);
        double h = entropy(w);

        Set<String> askable = new LinkedHashSet<>();
        Set<String> causes = new LinkedHashSet<>(prior.keySet());
        causes.addAll(w.keySet());
        for (String c : causes) {
            if (w.containsKey(c) || alive(c, known)) {
                for (String s : bearing(c)) {
                    if (!known.containsKey(s) && kb.symptoms().containsKey(s) && !questions.observedOnly(s)) {
                        askable.add(s);
                    }
                }
            }
        }
        for (Questions.Group g : questions.groups()) {
            long open = g.members().stream().filter(askable::contains).count();
            if (open >= 2 && !known.containsKey(g.question().id())) {
                askable.add(g.question().id());
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        int i = 0;
        for (String c : prior.keySet()) {
            rank.putIfAbsent(c, i++);
        }
        List<Option> options = new ArrayList<>();
        List<String> tried = shortlist(askable, known, prior, w, h);
        askable.stream().filter(x -> questions.group(x).isPresent() && !tried.contains(x)).forEach(tried::add);
        for (String s : tried) {
            SymptomDef def = symptomDef(s);
            Given yes = supposedYes(s);
            Given no = new Given(s, Reply.NO, Double.NaN, 1);
            List<Given> withYes = new ArrayList<>(now);
            withYes.add(yes);
            List<Given> withNo = new ArrayList<>(now);
            withNo.add(no);
            Diagnosis dy = diagnose(withYes);
            Diagnosis dn = diagnose(withNo);
            Map<String, Known> ky = supposing(known, s, Known.PRESENT);
            Map<String, Known> kn = supposing(known, s, Known.ABSENT);
            Map<String, Double> wy = weights(dy, ky, prior);
            Map<String, Double> wn = weights(dn, kn, prior);
            double py = pYes(s, w);
            double gain = h - (py * entropy(wy) + (1 - py) * entropy(wn));
            options.add(new Option(def, gain, py, dy, dn, w, wy, wn));
        }
        Comparator<Option> byGain = Comparator.comparingDouble((Option o) -> -round(o.gain()))
                .thenComparingInt(o -> bestRank(o.symptom().id(), rank))
                .thenComparing(o -> o.symptom().id());
        options.sort(byGain);
        List<Option> useful = familyFirst(guideFirst(options.stream().filter(o -> o.gain() > MIN_GAIN).toList()));
        End end = null;
        List<String> open = openSiblingChecks(d, known, w);
        if (open.isEmpty() && established(d, known, useful)) {
            end = End.ESTABLISHED;
        } else if (useful.isEmpty()) {
            end = End.NO_USEFUL_QUESTION;
        }
        if (end == null && !open.isEmpty() && useful.stream().noneMatch(o -> o.symptom().id().equals(open.get(0)))) {
            // the check that separates the leader from a sibling goes first, even when it gains little
            SymptomDef def = kb.symptoms().get(open.get(0));
            List<Option> withCheck = new ArrayList<>();
            withCheck.add(new Option(def, 0, pYes(def.id(), w), d, d, w, w, w));
            withCheck.addAll(useful);
            useful = withCheck;
        } else if (end == null && !open.isEmpty()) {
            List<Option> first = new ArrayList<>(useful.stream().filter(o -> o.symptom().id().equals(open.get(0))).toList());
            useful.stream().filter(o -> !first.contains(o)).forEach(first::add);
            useful = first;
        }
        return new Plan(d, useful, end, w, open);
    }

    /**
     * The options, best first, with the complaint's {@code checks} (the guide's own procedure) moved to
     * the front, in the guide's order, when their gain is at least {@link #GUIDE_SHARE} of the best: the
     * guide's check is asked when it is nearly as informative as any, not at any price.
     */
    private List<Option> guideFirst(List<Option> options) {
        if (complaint == null || complaint.checks().isEmpty() || options.isEmpty()) {
            return options;
        }
        double best = options.get(0).gain();
        List<Option> out = new ArrayList<>();
        for (String s : complaint.checks()) {
            for (Option o : options) {
                if (o.symptom().id().equals(s) && o.gain() >= GUIDE_SHARE * best) {
                    out.add(o);
                }
            }
        }
        for (Option o : options) {
            if (!out.contains(o)) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * The options with the family question in front when the best question is one of its members (and not the
     * guide's own check): an engineer reads the one screen (ip -s link, the browser console) for all of them at
     * once, and a no rules the whole family out.
     */
    private List<Option> familyFirst(List<Option> options) {
        if (options.isEmpty()) {
            return options;
        }
        String head = options.get(0).symptom().id();
        if (complaint != null && complaint.checks().contains(head)) {
            return options;
        }
        for (Option o : options) {
            Optional<Questions.Group> g = questions.group(o.symptom().id());
            if (g.isPresent() && g.get().members().contains(head)) {
                List<Option> out = new ArrayList<>();
                out.add(o);
                options.stream().filter(x -> x != o).forEach(out::add);
                return out;
            }
        }
        return options;
    }

    /**
     * The askable symptoms worth running the rules for: all of them when there are few; otherwise the
     * {@link #SHORTLIST} with the best gain estimated without the rules (what the answer does to the
     * weights through the likelihoods and the causes it rules out), so that a round stays fast however
     * large the knowledge base.
     */
    private List<String> shortlist(Set<String> askable, Map<String, Known> known, Map<String, Double> prior,
                                   Map<String, Double> w, double h) {
        if (askable.size() <= SHORTLIST) {
            return new ArrayList<>(askable);
        }
        Diagnosis d = diagnose(allGiven(null));
        Map<String, Boolean> baseAlive = new HashMap<>();
        for (String c : prior.keySet()) {
            baseAlive.put(c, alive(c, known));
        }
        for (String c : confidences(d).keySet()) {
            baseAlive.computeIfAbsent(c, k -> alive(k, known));
        }
        Map<String, Double> estimate = new HashMap<>();
        for (String s : askable) {
            Map<String, Known> ky = supposing(known, s, Known.PRESENT);
            Map<String, Known> kn = supposing(known, s, Known.ABSENT);
            double py = pYes(s, w);
            boolean group = questions.group(s).isPresent(); // a group's no changes its members: examined in full
            estimate.put(s, h - (py * entropy(group ? weights(d, ky, prior) : weights(d, ky, prior, baseAlive, s))
                    + (1 - py) * entropy(group ? weights(d, kn, prior) : weights(d, kn, prior, baseAlive, s))));
        }
        List<String> out = new ArrayList<>(askable);
        out.sort(Comparator.comparingDouble((String s) -> -estimate.get(s)).thenComparing(s -> s));
        return out.subList(0, SHORTLIST);
    }

    /** What is known once this symptom (or group) is supposed present or absent. */
    private Map<String, Known> supposing(Map<String, Known> known, String symptom, Known k) {
        Map<String, Known> out = new HashMap<>(known);
        Optional<Questions.Group> group = questions.group(symptom);
        if (group.isPresent() && k == Known.ABSENT) {
            group.get().members().forEach(m -> out.putIfAbsent(m, Known.ABSENT));
        } else {
            out.put(symptom, k);
        }
        return out;
    }

    /** The question of a symptom or of a group of symptoms. */
    public SymptomDef symptomDef(String id) {
        return questions.group(id).map(Questions.Group::question).orElseGet(() -> kb.symptoms().get(id));
    }

    private int bestRank(String symptom, Map<String, Integer> rank) {
        int best = Integer.MAX_VALUE;
        for (Map.Entry<String, Integer> e : rank.entrySet()) {
            if (e.getValue() < best && pGiven(symptom, e.getKey()) == P_PRODUCED) {
                best = e.getValue();
            }
        }
        return best;
    }

    /**
     * Whether the leading cause is established: reported, ahead of the runner-up by {@link #MARGIN}, and
     * no open question likely (more than {@link #DOUBT}) to knock it below the reporting threshold.
     */
    private boolean established(Diagnosis d, Map<String, Known> known, List<Option> options) {
        List<CauseHypothesis> leaders = suspects(d);
        if (leaders.isEmpty() || leaders.get(0).confidence() < Certainty.REPORT) {
            return false;
        }
        CauseHypothesis top = leaders.get(0);
        double runnerUp = leaders.size() > 1 ? leaders.get(1).confidence() : 0;
        if (top.confidence() - runnerUp < MARGIN) {
            return false;
        }
        for (Option o : options) {
            double doubt = 0;
            if (!holds(o.ifYes(), top.id())) {
                doubt += o.pYes();
            }
            if (!holds(o.ifNo(), top.id())) {
                doubt += 1 - o.pYes();
            }
            if (doubt > DOUBT) {
                return false;
            }
        }
        return true;
    }

    /**
     * The checks still open that separate the leading cause (when reported) from a sibling the answers
     * leave possible ({@code questions.yaml} siblings, both ways): symptoms one of the two produces and
     * the other does not, or that one needs absent. Empty when nothing keeps the consultation from ending.
     */
    List<String> openSiblingChecks(Diagnosis d, Map<String, Known> known, Map<String, Double> weights) {
        List<CauseHypothesis> leaders = suspects(d);
        if (leaders.isEmpty() || leaders.get(0).confidence() < Certainty.REPORT) {
            return List.of();
        }
        String top = leaders.get(0).id();
        Set<String> sibs = new LinkedHashSet<>(questions.siblings(top));
        Set<String> premises = complaintSymptoms();
        Set<String> rivals = new LinkedHashSet<>();
        for (String c : index.supportedCauses()) {
            if (questions.siblings(c).contains(top)) {
                sibs.add(c);
            }
            // a rival: a cause the rules would also conclude from a symptom answered yes
            for (Given g : answers) {
                if (g.yes() && !premises.contains(g.symptom()) && index.produces(c).contains(g.symptom())
                        && index.produces(top).contains(g.symptom())) {
                    rivals.add(c);
                }
            }
        }
        Set<String> declared = Set.copyOf(sibs);
        // the leader is the leaf the guide's tree reaches by its own checks (003 2.2: a rejected key is an invalid
        // key): the guide's conclusion stands, as in the guide, once no likely sibling is left
        boolean guideLeaf = complaint != null && answers.stream()
                .anyMatch(g -> g.yes() && complaint.checks().contains(g.symptom()) && usesPositively(top, g.symptom()));
        sibs.addAll(rivals);
        Set<String> assumed = assumedAbsent(top, known);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> open = new ArrayList<>();
        for (String sib : sibs) {
            // the sibling explains an answer given yes too, and the leader was concluded assuming a sign of
            // the sibling absent that nobody was asked about (a wrong secret is concluded from invalid
            // signatures "while the clock shows no offset"): that sign is asked whatever the sibling's weight
            boolean explainsAYes = answers.stream().anyMatch(g -> g.yes() && usesPositively(sib, g.symptom()));
            Optional<String> assumedAway = !explainsAYes ? Optional.empty()
                    : assumed.stream().filter(x -> usesPositively(sib, x)).sorted().findFirst();
            if (sib.equals(top) || !kb.causes().containsKey(sib) || !alive(sib, known)) {
                continue;
            }
            if (assumedAway.isPresent()) {
                open.add(assumedAway.get());
                continue;
            }
            // a rival whose rule builds on an answer given yes, where one sign nobody was asked would overturn
            // the leader (rejected keys that work by hand from this host: not loaded, rather than invalid)
            // a declared sibling: any sign of its rules (none of whose signs was denied) that would overturn the leader
            boolean told = declared.contains(sib) && !guideLeaf;
            Optional<String> overturning = rivals.contains(sib) || told
                    ? overturningSign(sib, top, known, told) : Optional.empty();
            if (overturning.isPresent()) {
                open.add(overturning.get());
                continue;
            }
            // a declared sibling is told apart whatever its weight (the knowledge says the two are confused), unless
            // the guide's own tree led to the leader; otherwise a sibling or rival while it keeps a share of the weight
            if (!told && weights.getOrDefault(sib, 0.0) < (rivals.contains(sib) ? RIVAL_SHARE : SIBLING_SHARE) * total) {
                continue;
            }
            Set<String> topYes = index.produces(top);
            Set<String> sibYes = index.produces(sib);
            List<String> separating = new ArrayList<>();
            // the sibling's own strongest sign first (the clock's offset, not a nonce it may also upset)
            sibYes.stream().filter(x -> !topYes.contains(x))
                    .sorted(Comparator.comparingDouble((String x) -> -signOf(sib, x)).thenComparing(x -> x))
                    .forEach(separating::add);
            topYes.stream().filter(x -> !sibYes.contains(x))
                    .sorted(Comparator.comparingDouble((String x) -> -signOf(top, x)).thenComparing(x -> x))
                    .forEach(separating::add);
            if (separating.stream().anyMatch(known::containsKey)) {
                continue; // a check that tells them apart has been answered
            }
            separating.stream().filter(x -> kb.symptoms().containsKey(x) && !questions.observedOnly(x)).findFirst().ifPresent(open::add);
        }
        return open;
    }

    /** The yes a what-if supposes for a symptom: the value the rules compare with, or the least one the symptom takes. */
    private Given supposedYes(String symptom) {
        if (questions.group(symptom).isPresent()) {
            return new Given(symptom, Reply.YES, Double.NaN, 1);
        }
        SymptomDef def = kb.symptoms().get(symptom);
        Double v = index.valueFor(symptom);
        return yesGiven(symptom, v != null ? v : def.takesValue() && def.min() != null ? Math.max(def.min(), 1) : Double.NaN);
    }

    private Set<String> answeredYes() {
        Set<String> yes = new HashSet<>();
        answers.stream().filter(Given::yes).forEach(g -> yes.add(g.symptom()));
        return yes;
    }

    /**
     * The askable symptoms nobody has answered that a rule supporting the cause needs absent, among the
     * rules an answer given yes can fire: the assumptions the cause's confidence rests on.
     */
    private Set<String> assumedAbsent(String cause, Map<String, Known> known) {
        Set<String> yes = answeredYes();
        Set<String> out = new LinkedHashSet<>();
        for (RuleModel.RuleDef r : index.supporting(cause)) {
            boolean canFire = r.conditions().stream().anyMatch(c -> !c.negated() && c.ids().stream().anyMatch(yes::contains));
            if (!canFire) {
                continue;
            }
            for (RuleModel.Condition c : r.conditions()) {
                if (c.negated() && c.kind() == RuleModel.Kind.SYMPTOM) {
                    c.ids().stream().filter(x -> !known.containsKey(x) && kb.symptoms().containsKey(x)
                            && !questions.observedOnly(x)).forEach(out::add);
                }
            }
        }
        return out;
    }

    /**
     * The first unasked sign of the rival's rules that build on an answer given yes (of any of its rules when
     * {@code anyRule}: a declared sibling), none of their other signs answered no, whose yes, run through the rules, would leave the leader unreported or put the rival ahead
     * of it by the {@link #MARGIN}: a question that could overturn the diagnosis is asked before it is established.
     */
    private Optional<String> overturningSign(String rival, String leader, Map<String, Known> known, boolean anyRule) {
        Set<String> yes = answeredYes();
        Set<String> tried = new HashSet<>();
        int joint = 0;
        for (RuleModel.RuleDef r : index.supporting(rival)) {
            List<Set<String>> signs = r.conditions().stream().filter(c -> !c.negated())
                    .map(this::signsOf).filter(x -> !x.isEmpty()).toList();
            boolean fromAYes = signs.stream().anyMatch(c -> c.stream().anyMatch(yes::contains));
            boolean noneDenied = signs.stream().allMatch(c -> c.stream().anyMatch(x -> known.get(x) != Known.ABSENT));
            if (!(fromAYes || anyRule) || !noneDenied) {
                continue;
            }
            List<String> unasked = new ArrayList<>();
            boolean askable = true;
            for (Set<String> c : signs) {
                if (c.stream().anyMatch(yes::contains)) {
                    continue;
                }
                Optional<String> sign = c.stream().filter(x -> !known.containsKey(x) && kb.symptoms().containsKey(x)
                        && !questions.observedOnly(x)).sorted().findFirst();
                askable &= sign.isPresent();
                sign.ifPresent(unasked::add);
                if (sign.isEmpty() || !tried.add(sign.get()) || tried.size() > MAX_WHAT_IF) {
                    continue;
                }
                if (overturns(List.of(sign.get()), rival, leader)) {
                    return sign;
                }
            }
            // a rule that needs two signs nobody was asked (invalid nonces and a nonce that went backwards): both
            // supposed at once, and the rival's stronger sign asked first
            if (askable && unasked.size() > 1 && joint++ < MAX_WHAT_IF && overturns(unasked, rival, leader)) {
                return unasked.stream().max(Comparator.comparingDouble((String x) -> signOf(rival, x))
                        .thenComparing(Comparator.<String>naturalOrder().reversed()));
            }
        }
        return Optional.empty();
    }

    /**
     * The symptoms whose yes satisfies a condition: a symptom condition's own; for a finding, the symptoms that
     * conclude it alone (fills after the breaker tripped: trading continued past the limit). Empty otherwise.
     */
    private Set<String> signsOf(RuleModel.Condition c) {
        if (c.kind() == RuleModel.Kind.SYMPTOM) {
            return c.ids();
        }
        if (c.kind() != RuleModel.Kind.FINDING) {
            return Set.of();
        }
        Set<String> out = new java.util.TreeSet<>();
        for (String f : c.ids()) {
            for (RuleModel.RuleDef r : index.concluding(f)) {
                List<RuleModel.Condition> positive = r.conditions().stream().filter(k -> !k.negated()).toList();
                if (positive.size() == 1 && positive.get(0).kind() == RuleModel.Kind.SYMPTOM) {
                    out.addAll(positive.get(0).ids());
                }
            }
        }
        return out;
    }

    /** Whether the yes to all these signs, run through the rules, leaves the leader unreported or the rival ahead. */
    private boolean overturns(List<String> signs, String rival, String leader) {
        List<Given> given = allGiven(null);
        signs.forEach(x -> given.add(supposedYes(x)));
        Map<String, Double> conf = confidences(diagnose(given));
        double l = conf.getOrDefault(leader, 0.0);
        double o = conf.getOrDefault(rival, 0.0);
        return l < Certainty.REPORT || o > l;
    }

    /** Whether a rule supporting the cause needs the symptom present. */
    private boolean usesPositively(String cause, String symptom) {
        return index.supporting(cause).stream().anyMatch(r -> r.conditions().stream()
                .anyMatch(c -> !c.negated() && c.kind() == RuleModel.Kind.SYMPTOM && c.ids().contains(symptom)));
    }

    /**
     * How strongly a symptom alone speaks for a cause: the largest factor of a rule supporting the cause
     * with the symptom among its conditions, shared among the rule's symptom conditions.
     */
    private double signOf(String cause, String symptom) {
        double best = 0;
        for (RuleModel.RuleDef r : index.supporting(cause)) {
            long needed = r.conditions().stream().filter(c -> !c.negated()
                    && (c.kind() == RuleModel.Kind.SYMPTOM || c.kind() == RuleModel.Kind.ANSWER)).count();
            boolean uses = r.conditions().stream().anyMatch(c -> !c.negated() && c.ids().contains(symptom));
            if (uses && needed > 0) {
                best = Math.max(best, r.cfFor(cause, false) / needed);
            }
        }
        return best;
    }

    private static boolean leads(Diagnosis d, String cause) {
        List<CauseHypothesis> l = leaders(d);
        return !l.isEmpty() && l.get(0).id().equals(cause);
    }

    private static boolean holds(Diagnosis d, String cause) {
        Double c = confidences(d).get(cause);
        return c != null && c >= Certainty.REPORT;
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The cause definition, for text. */
    Optional<CauseDef> cause(String id) {
        return kb.cause(id);
    }
}
