package triage.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The section headings of a troubleshooting guide, as the guides write them: markdown headings
 * ({@code ## Issue: ...}, {@code ### 2. Authentication ...}) and underlined titles
 * ({@code 2.2 EXCHANGE CONNECTION FAILURES} over a line of {@code ---} or {@code ===}). Lines inside
 * fenced code blocks are commands and comments, never headings.
 */
public final class GuideSections {

    /**
     * A heading: its text as written (without the markdown hashes), its 1-based line and its level
     * (markdown: the number of hashes; underlined: 1 for {@code ===}, 2 for {@code ---}).
     */
    public record Heading(String title, int line, int level) {
    }

    private static final Pattern MARKDOWN = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern UNDERLINE = Pattern.compile("^\\s*(?:={3,}|-{3,})\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(?:```|~~~)");

    private GuideSections() {
    }

    public static List<Heading> headings(String text) {
        String[] lines = text.split("\\R", -1);
        List<Heading> out = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher md = MARKDOWN.matcher(line);
            if (md.matches()) {
                out.add(new Heading(md.group(1).trim(), i + 1, line.indexOf(' ')));
            } else if (i + 1 < lines.length && isUnderlinedTitle(line, lines[i + 1])) {
                out.add(new Heading(line.trim(), i + 1, lines[i + 1].trim().startsWith("=") ? 1 : 2));
            }
        }
        return out;
    }

    private static boolean isUnderlinedTitle(String line, String next) {
        String t = line.trim();
        return !t.isEmpty()
                && UNDERLINE.matcher(next).matches()
                && !UNDERLINE.matcher(line).matches()
                && !t.startsWith("|")
                && !t.contains("   ");   // a table header over a rule, not a title
    }
}
