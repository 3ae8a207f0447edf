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
 *                 only those the knowledge base holds are kept
 * @param areas    areas whose other causes it also puts in play, after the listed ones
 */
public record Complaint(String id, String text, List<String> keywords, List<String> guide,
                        List<String> symptoms, List<String> causes, List<String> areas) {

    public Complaint {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        guide = guide == null ? List.of() : List.copyOf(guide);
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
        causes = causes == null ? List.of() : List.copyOf(causes);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }
}
