package triage.consult;

import java.util.List;

/**
 * A top-level complaint a consultation can start from, as support staff would put it
 * ({@code knowledge-base/complaints.yaml}).
 *
 * @param id       stable kebab-case id
 * @param text     the complaint as shown in the list
 * @param keywords words and phrases that match typed text to this complaint
 * @param guide    the guide sections it comes from ({@code <seed file>#<section heading>})
 * @param symptoms symptoms the complaint itself asserts (present, as if answered yes)
 * @param causes   the causes it puts in play, most likely first (the order the guide checks them);
 *                 only those the knowledge base holds are kept. In the YAML an entry may be a list: a
 *                 step of the guide whose causes are equally likely (e.g. "network reachable?": DNS,
 *                 firewall, routing)
 * @param areas    areas whose other causes it also puts in play, after the listed ones
 * @param ranks    for each of {@code causes}, its step (0 first): the prior of a cause falls with its step
 * @param checks   the symptoms the guide's own procedure checks, in its order: among questions that are
 *                 nearly as informative as the best, these are asked first, in this order
 */
public record Complaint(String id, String text, List<String> keywords, List<String> guide,
                        List<String> symptoms, List<String> causes, List<String> areas, List<Integer> ranks,
                        List<String> checks) {

    public Complaint {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        guide = guide == null ? List.of() : List.copyOf(guide);
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
        causes = causes == null ? List.of() : List.copyOf(causes);
        areas = areas == null ? List.of() : List.copyOf(areas);
        if (ranks == null || ranks.size() != causes.size()) {
            List<Integer> r = new java.util.ArrayList<>();
            for (int i = 0; i < causes.size(); i++) {
                r.add(i);
            }
            ranks = r;
        }
        ranks = List.copyOf(ranks);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public Complaint(String id, String text, List<String> keywords, List<String> guide,
                     List<String> symptoms, List<String> causes, List<String> areas) {
        this(id, text, keywords, guide, symptoms, causes, areas, null, null);
    }

    /** The step of a cause among {@code causes}, or -1. */
    public int rank(String cause) {
        int i = causes.indexOf(cause);
        return i < 0 ? -1 : ranks.get(i);
    }
}
