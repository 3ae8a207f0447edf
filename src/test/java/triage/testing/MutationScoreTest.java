package triage.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MutationScoreTest {

    private static String mutation(String status, boolean detected, String mutatedClass) {
        return "<mutation detected='" + detected + "' status='" + status + "' numberOfTestsRun='1'>"
                + "<sourceFile>X.java</sourceFile><mutatedClass>" + mutatedClass + "</mutatedClass>"
                + "<mutatedMethod>plan</mutatedMethod><methodDescription>()V</methodDescription><lineNumber>12</lineNumber>"
                + "<mutator>org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator</mutator>"
                + "<indexes><index>3</index></indexes><blocks><block>1</block></blocks><killingTest/>"
                + "<description>negated conditional</description></mutation>\n";
    }

    @Test
    void scoresEachPackageAsDetectedOverAllMutantsAndStrengthOverTheCoveredOnes(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("mutations.xml");
        Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"true\">\n"
                + mutation("KILLED", true, "triage.plan.RemediationPlanner")
                + mutation("TIMED_OUT", true, "triage.plan.RemediationPlanner")
                + mutation("SURVIVED", false, "triage.plan.RemediationPlanner")
                + mutation("NO_COVERAGE", false, "triage.plan.RemediationPlanner")
                + mutation("KILLED", true, "triage.engine.Certainty")
                + "</mutations>\n");

        List<MutationScore.Tally> rows = MutationScore.byPackage(MutationScore.read(xml));

        assertThat(rows).containsExactly(
                new MutationScore.Tally("triage.engine", 1, 1, 0, 0),
                new MutationScore.Tally("triage.plan", 4, 2, 1, 1),
                new MutationScore.Tally("all", 5, 3, 1, 1));
        assertThat(rows.get(1).score()).isEqualTo(50);
        assertThat(rows.get(1).strength()).isEqualTo(67);
        assertThat(MutationScore.table(rows)).contains("triage.plan").contains("50%").contains("67%");
    }

    @Test
    void aReportLeftOpenByARunStoppedOnItsTimeBoundIsReadUpToItsLastWholeMutant(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("mutations.xml");
        String finished = mutation("KILLED", true, "triage.plan.RemediationPlanner")
                + mutation("SURVIVED", false, "triage.plan.RemediationPlanner");
        Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"true\">\n" + finished
                + "<mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>X.ja");

        assertThat(MutationScore.isPartial(Files.readString(xml))).isTrue();
        assertThat(MutationScore.byPackage(MutationScore.read(xml)))
                .contains(new MutationScore.Tally("triage.plan", 2, 1, 1, 0));
        Files.writeString(xml, "<mutations>\n" + finished + "</mutations>\n");
        assertThat(MutationScore.isPartial(Files.readString(xml))).isFalse();
    }
}
