package triage.output;

import triage.diagnosis.Diagnosis;

/** Turns a diagnosis into text for people or machines. */
public interface Renderer {
    String render(Diagnosis diagnosis, boolean explain);

    static Renderer forFormat(String format) {
        return switch (format) {
            case "json" -> new JsonRenderer();
            case "markdown", "md" -> new MarkdownRenderer();
            case "text" -> new TextRenderer();
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (use text, json or markdown)");
        };
    }
}
