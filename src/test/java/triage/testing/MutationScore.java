package triage.testing;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutation score per package from PIT's {@code mutations.xml}: the figures the closing notes quote.
 * Depends on the JDK only, so CI runs it as a source file:
 * {@code java src/test/java/triage/testing/MutationScore.java target/pit-reports/&#42;/mutations.xml [--survivors]}.
 *
 * <p>The score is PIT's: detected mutants (killed, timed out, crashing the JVM) over all mutants;
 * "strength" leaves out the mutants no test reaches.
 */
public final class MutationScore {

    /** One mutant as PIT reports it. */
    public record Mutant(String mutatedClass, String method, int line, String mutator, String status, boolean detected,
                         String description) {

        public String packageName() {
            int dot = mutatedClass.lastIndexOf('.');
            return dot < 0 ? "" : mutatedClass.substring(0, dot);
        }

        public boolean covered() {
            return !status.equals("NO_COVERAGE");
        }
    }

    /** The counts of one package. */
    public record Tally(String packageName, int mutants, int detected, int survived, int uncovered) {

        public Tally plus(Mutant m) {
            return new Tally(packageName, mutants + 1, detected + (m.detected() ? 1 : 0),
                    survived + (m.status().equals("SURVIVED") ? 1 : 0), uncovered + (m.covered() ? 0 : 1));
        }

        /** Detected over all mutants, in percent. */
        public int score() {
            return mutants == 0 ? 0 : Math.round(100f * detected / mutants);
        }

        /** Detected over the mutants some test reaches, in percent. */
        public int strength() {
            int covered = mutants - uncovered;
            return covered == 0 ? 0 : Math.round(100f * detected / covered);
        }
    }

    private MutationScore() {
    }

    public static List<Mutant> read(Path mutationsXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        String xml = Files.readString(mutationsXml);
        if (isPartial(xml)) {
            // PIT writes the mutants of each finished unit as it goes; a run stopped by its time bound leaves the
            // document open after the last whole mutant
            int last = xml.lastIndexOf("</mutation>");
            if (last < 0) {
                return List.of();
            }
            xml = xml.substring(0, last + "</mutation>".length()) + "\n</mutations>\n";
        }
        NodeList nodes = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)))
                .getElementsByTagName("mutation");
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            mutants.add(new Mutant(text(e, "mutatedClass"), text(e, "mutatedMethod"), Integer.parseInt(text(e, "lineNumber")),
                    shortMutator(text(e, "mutator")), e.getAttribute("status"), Boolean.parseBoolean(e.getAttribute("detected")),
                    text(e, "description")));
        }
        return mutants;
    }

    /** Whether the report is of a run that did not finish: the document is not closed. */
    public static boolean isPartial(String xml) {
        return !xml.stripTrailing().endsWith("</mutations>");
    }

    /** Per package, in name order, and a last row {@code all} over every package. */
    public static List<Tally> byPackage(List<Mutant> mutants) {
        Map<String, Tally> tallies = new TreeMap<>();
        Tally all = new Tally("all", 0, 0, 0, 0);
        for (Mutant m : mutants) {
            tallies.merge(m.packageName(), new Tally(m.packageName(), 0, 0, 0, 0).plus(m), (a, b) -> a.plus(m));
            all = all.plus(m);
        }
        List<Tally> rows = new ArrayList<>(tallies.values());
        rows.add(all);
        return rows;
    }

    public static String table(List<Tally> rows) {
        StringBuilder out = new StringBuilder(String.format("%-22s %8s %8s %8s %10s %6s %9s%n",
                "package", "mutants", "killed", "survived", "no-cover", "score", "strength"));
        for (Tally t : rows) {
            out.append(String.format("%-22s %8d %8d %8d %10d %5d%% %8d%%%n", t.packageName(), t.mutants(), t.detected(),
                    t.survived(), t.uncovered(), t.score(), t.strength()));
        }
        return out.toString();
    }

    private static String text(Element e, String tag) {
        NodeList list = e.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent();
    }

    private static String shortMutator(String mutator) {
        return mutator.substring(mutator.lastIndexOf('.') + 1);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: MutationScore MUTATIONS.XML... [--survivors]");
            System.exit(2);
        }
        List<Mutant> mutants = new ArrayList<>();
        boolean survivors = false;
        int read = 0;
        for (String arg : args) {
            if (arg.equals("--survivors")) {
                survivors = true;
                continue;
            }
            Path xml = Path.of(arg);
            if (!Files.isRegularFile(xml)) {
                System.err.println("mutation-score: " + xml + ": no such file (did PIT run?)");
                continue;
            }
            read++;
            mutants.addAll(read(xml));
            if (isPartial(Files.readString(xml))) {
                System.out.println("mutation-score: " + xml + " is partial (its run was stopped): the units PIT had finished");
            }
        }
        if (read == 0) {
            System.exit(2);
        }
        System.out.print(table(byPackage(mutants)));
        if (survivors) {
            for (Mutant m : mutants) {
                if (!m.detected()) {
                    System.out.printf("%s %s:%d %s %s: %s%n", m.status(), m.mutatedClass(), m.line(), m.method(),
                            m.mutator(), m.description());
                }
            }
        }
    }
}
