package triage.knowledge.rules;

import org.junit.jupiter.api.Test;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.Problem;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UnrelatedJoinCheckTest {

    private static List<Problem> check(String when) {
        String drl = """
                package triage.rules;
                import triage.facts.*;

                rule "r"
                when
                %s
                then
                    insertLogical(Support.of("market-data.symbol-not-subscribed", 0.6, drools));
                end
                """.formatted(when);
        return UnrelatedJoinCheck.check(Map.of("rules/demo.drl", drl));
    }

    @Test
    void twoSymptomPatternsWithoutASharedBindingAreFlaggedAtTheRule() {
        List<Problem> problems = check("""
                    $q : Symptom( id == "market-data.symbol-no-quotes" )
                    $f : Symptom( id == "market-data.quotes-flowing" )
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("rules/demo.drl:4: rule \"r\" joins $f with $q without relating them");
            assertThat(p.message()).contains("exists");
        });
    }

    @Test
    void patternsRelatedOnlyByInequalityAreFlaggedLikeUnrelatedOnes() {
        List<Problem> problems = check("""
                    $a : Symptom( id == "service.connection-refused" )
                    $b : Symptom( id == "service.connection-refused", subject != $a.subject )
                    $c : Symptom( id == "service.connection-refused", subject != $a.subject, subject != $b.subject )
                """);
        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.message()).contains("only by `!=`");
            assertThat(p.message()).contains("exists", "collectSet");
        });
    }

    @Test
    void anEqualityBesideAnInequalityRelatesThePatterns() {
        assertThat(check("""
                    $a : Symptom( id == "host.oom-kill", $host : attributes["host"] )
                    $b : Symptom( id == "host.oom-kill", subject != $a.subject, attributes["host"] == $host )
                """)).isEmpty();
    }

    @Test
    void patternsRelatedByASharedFieldBindingPass() {
        assertThat(check("""
                    $q : Symptom( id == "market-data.symbol-no-quotes", $sym : subject )
                    $s : Symptom( id == "market-data.subscribed", subject.contains($sym) )
                """)).isEmpty();
    }

    @Test
    void patternsRelatedByThePatternBindingPass() {
        assertThat(check("""
                    $q : Symptom( id == "market-data.symbol-no-quotes" )
                    $s : Symptom( id == "market-data.subscribed", subject == $q.subject() )
                """)).isEmpty();
    }

    @Test
    void aSecondSymptomTestedWithExistsOrNotIsNoJoin() {
        assertThat(check("""
                    $q : Symptom( id == "market-data.symbol-no-quotes" )
                    exists Symptom( id == "market-data.quotes-flowing" )
                    not Symptom( id == "exchange.symbol-halted-status" )
                """)).isEmpty();
    }

    @Test
    void withTheKnowledgeBaseAJoinIsFlaggedOnlyWhenBothSidesCanBeManyFacts() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(TestTriage.projectRoot());
        String bothPerSymbol = """
                package triage.rules;
                import triage.facts.*;
                rule "r"
                when
                    $q : Symptom( id == "market-data.symbol-no-quotes" )
                    $f : Symptom( id == "market-data.quotes-flowing" )
                then
                end
                """;
        // neither symptom is ever recognised with a subject: at most one fact each
        String singletons = bothPerSymbol.replace("market-data.symbol-no-quotes", "config.paper-mode-enabled")
                .replace("market-data.quotes-flowing", "config.live-endpoint-configured");
        assertThat(UnrelatedJoinCheck.check(Map.of("a.drl", bothPerSymbol), kb)).hasSize(1);
        assertThat(UnrelatedJoinCheck.check(Map.of("b.drl", singletons), kb)).isEmpty();
        assertThat(UnrelatedJoinCheck.check(Map.of("b.drl", singletons))).hasSize(1);
    }

    @Test
    void theProjectsRulesHaveNoUnrelatedJoinOfPerSubjectSymptoms() throws IOException {
        Map<String, String> drl = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(TestTriage.projectRoot().resolve("rules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                drl.put(f.toString(), Files.readString(f));
            }
        }
        KnowledgeBase kb = new KnowledgeBaseLoader().load(TestTriage.projectRoot());
        assertThat(UnrelatedJoinCheck.check(drl, kb)).isEmpty();
    }
}
