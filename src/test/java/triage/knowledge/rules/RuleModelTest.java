package triage.knowledge.rules;

import org.junit.jupiter.api.Test;
import triage.knowledge.rules.RuleModel.Kind;
import triage.knowledge.rules.RuleModel.RuleDef;
import triage.testing.TestTriage;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleModelTest {

    static final String DRL = """
            package triage.rules;
            import triage.facts.*;
            import triage.engine.Certainty;

            rule "Repeated rate limits mean throttling"
                @guide("003 2.2", "003 8.1")
            when
                $s : Symptom( id == "exchange.http-429", count >= 3 )
                not Symptom( id in ("network.exchange-unreachable", "network.dns-lookup-failed") )
                Answer( symptom == "exchange.api-key-valid", reply == Reply.NO )
            then
                insertLogical(Support.of("exchange.rate-limited", $s.count() >= 10 ? Certainty.CONCLUSIVE : 0.8, drools));
                insertLogical(Against.of("exchange.api-outage", Certainty.HINT, drools));
                insertLogical(new Finding("exchange.throttled"));
            end
            """;

    @Test
    void aRuleIsReadIntoItsConditionsConclusionsAndGuideSections() {
        RuleModel model = RuleModel.parse(Map.of("rules/demo.drl", DRL));
        assertThat(model.problems()).isEmpty();
        RuleDef r = model.rules().get(0);
        assertThat(r.name()).isEqualTo("Repeated rate limits mean throttling");
        assertThat(r.file()).isEqualTo("rules/demo.drl");
        assertThat(r.line()).isEqualTo(5);
        assertThat(r.guide()).isEqualTo("003 2.2; 003 8.1");
        assertThat(r.conditions()).hasSize(3);
        assertThat(r.conditions().get(0).kind()).isEqualTo(Kind.SYMPTOM);
        assertThat(r.conditions().get(0).binding()).isEqualTo("$s");
        assertThat(r.conditions().get(0).negated()).isFalse();
        assertThat(r.conditions().get(1).negated()).isTrue();
        assertThat(r.conditions().get(1).ids()).containsExactlyInAnyOrder("network.exchange-unreachable", "network.dns-lookup-failed");
        assertThat(r.conditions().get(2).reply()).isEqualTo("NO");
        assertThat(r.supports()).containsExactly("exchange.rate-limited");
        assertThat(r.cfFor("exchange.rate-limited", false)).isEqualTo(0.9);
        assertThat(r.opposes()).containsExactly("exchange.api-outage");
        assertThat(r.cfFor("exchange.api-outage", true)).isEqualTo(0.3);
        assertThat(r.findings()).containsExactly("exchange.throttled");
    }

    @Test
    void aSyntaxErrorIsAProblemWithItsFileAndLine() {
        RuleModel model = RuleModel.parse(Map.of("rules/broken.drl", DRL.replace("count >= 3 )", "count >= )")));
        assertThat(model.problems()).isNotEmpty();
        assertThat(model.problems().get(0).file()).isEqualTo("rules/broken.drl");
        assertThat(model.problems().get(0).line()).isEqualTo(8);
    }

    @Test
    void everyProjectRuleIsInTheModel() {
        RuleModel model = RuleModel.parse(TestTriage.get().rules().sources());
        assertThat(model.problems()).isEmpty();
        long ruleCount = TestTriage.get().rules().sources().values().stream()
                .mapToLong(t -> t.lines().filter(l -> l.startsWith("rule ")).count()).sum();
        assertThat(model.rules()).hasSize((int) ruleCount);
        assertThat(model.rules()).allSatisfy(r -> assertThat(r.conclusions().isEmpty() && r.findings().isEmpty())
                .as("%s concludes something", r.name()).isFalse());
    }
}
