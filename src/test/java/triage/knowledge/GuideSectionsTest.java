package triage.knowledge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every section the catalog cites is a heading detected in the five guides. */
class GuideSectionsTest {

    private static final Path SHARED = Path.of("../shared").toAbsolutePath().normalize();

    @Test
    void everyCatalogSourceNamesADetectedHeading() throws IOException {
        Path catalog = SHARED.resolve("contract/causes.yaml");
        triage.testing.SharedData.require(catalog);
        Set<String> headings = new HashSet<>();
        try (var guides = Files.list(SHARED.resolve("seeds"))) {
            for (Path g : guides.filter(p -> p.toString().endsWith(".txt")).toList()) {
                for (GuideSections.Heading h : GuideSections.headings(Files.readString(g))) {
                    headings.add(g.getFileName() + "#" + h.title());
                }
            }
        }
        Matcher m = Pattern.compile("\"(\\d{3}_[0-9a-f]+\\.txt#[^\"]+)\"").matcher(Files.readString(catalog));
        List<String> missing = new java.util.ArrayList<>();
        while (m.find()) {
            if (!headings.contains(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void codeBlockCommentsAreNotHeadings() {
        List<GuideSections.Heading> hs = GuideSections.headings("## Real\n```bash\n# Check service status\n```\n2.1 TITLE\n---------\n");
        assertThat(hs).extracting(GuideSections.Heading::title).containsExactly("Real", "2.1 TITLE");
    }
}
