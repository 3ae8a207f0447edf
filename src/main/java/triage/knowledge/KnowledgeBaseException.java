package triage.knowledge;

import java.util.List;

/** The knowledge base or rules could not be loaded; carries every problem with its location. */
public class KnowledgeBaseException extends RuntimeException {
    private final List<Problem> problems;

    public KnowledgeBaseException(List<Problem> problems) {
        super(problems.isEmpty() ? "knowledge base problem" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
