package triage.output;

import java.util.Locale;

/** The formats a diagnosis is printed in; {@code --format} takes their names (and {@code md}). */
public enum Format {
    TEXT, JSON, MARKDOWN;

    public Renderer renderer() {
        return switch (this) {
            case TEXT -> new TextRenderer();
            case JSON -> new JsonRenderer();
            case MARKDOWN -> new MarkdownRenderer();
        };
    }

    /** The one conversion from a command-line word: text, json, markdown or md, in any case. */
    public static Format parse(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "text" -> TEXT;
            case "json" -> JSON;
            case "markdown", "md" -> MARKDOWN;
            default -> throw new IllegalArgumentException("unknown format '" + word + "' (use text, json or markdown)");
        };
    }
}
