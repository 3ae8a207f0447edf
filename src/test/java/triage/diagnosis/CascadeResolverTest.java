package triage.diagnosis;

import org.junit.jupiter.api.Test;
import triage.knowledge.CauseDef;
import triage.knowledge.ComponentDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Severity;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reported causes an upstream one explains: by its explains list, or by component dependencies. */
class CascadeResolverTest {

    /** api needs the websocket manager, which needs redis; the two gateways need each other. */
    private static final Map<String, ComponentDef> COMPONENTS = Map.of(
            "redis", new ComponentDef("redis", "", List.of()),
            "websocket", new ComponentDef("websocket", "", List.of("redis")),
            "api", new ComponentDef("api", "", List.of("websocket")),
            "gateway-a", new ComponentDef("gateway-a", "", List.of("gateway-b")),
            "gateway-b", new ComponentDef("gateway-b", "", List.of("gateway-a")));

    private static CauseDef cause(String id, String component, boolean explainedByUpstream, String... explains) {
        return new CauseDef(id, id, "x", Severity.HIGH, component, "", List.of(), List.of(), List.of(),
                Arrays.asList(explains), explainedByUpstream);
    }

    private static CascadeResolver resolver(CauseDef... causes) {
        Map<String, CauseDef> byId = new LinkedHashMap<>();
        for (CauseDef c : causes) {
            byId.put(c.id(), c);
        }
        return new CascadeResolver(new KnowledgeBase(Path.of("."), byId, Map.of(), List.of(), List.of(), List.of(),
                COMPONENTS, List.of()));
    }

    private static CauseHypothesis reported(CauseDef cause) {
        return new CauseHypothesis(cause, 0.8, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Map<String, List<String>> resolved(CascadeResolver resolver, CauseDef... ranked) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        resolver.resolve(Arrays.stream(ranked).map(CascadeResolverTest::reported).toList())
                .forEach(h -> out.put(h.id(), h.explains()));
        return out;
    }

    @Test
    void aCauseListedInTheUpstreamsExplainsIsReportedUnderIt() {
        CauseDef down = cause("redis.down", "redis", false, "api.slow");
        CauseDef slow = cause("api.slow", "api", false);
        assertThat(resolved(resolver(down, slow), slow, down)).containsExactly(Map.entry("redis.down", List.of("api.slow")));
    }

    @Test
    void aCauseMarkedExplainedByUpstreamIsExplainedByAComponentItNeedsThroughAnother() {
        CauseDef down = cause("redis.down", "redis", false);
        CauseDef slow = cause("api.slow", "api", true);
        CascadeResolver r = resolver(down, slow);
        assertThat(r.dependsOn("api", "redis")).isTrue();
        assertThat(r.dependsOn("redis", "api")).isFalse();
        assertThat(r.explains(down, slow)).isTrue();
        assertThat(r.explains(slow, down)).isFalse();
    }

    @Test
    void withoutTheMarkOrTheDependencyNothingIsExplained() {
        CauseDef down = cause("redis.down", "redis", false);
        assertThat(resolver().explains(down, cause("api.slow", "api", false))).isFalse();
        assertThat(resolver().explains(cause("api.slow", "api", false), cause("redis.full", "redis", true))).isFalse();
        assertThat(resolver().explains(down, cause("redis.slow", "redis", true))).as("same component").isFalse();
        assertThat(resolver().explains(cause("x.a", "", false), cause("api.slow", "api", true))).as("no component").isFalse();
        assertThat(resolver().explains(down, cause("x.b", "", true))).as("no component downstream").isFalse();
    }

    @Test
    void aDownstreamCauseThatListsTheUpstreamOneIsNotExplainedByIt() {
        CauseDef down = cause("redis.down", "redis", false);
        CauseDef slow = cause("api.slow", "api", true, "redis.down");
        assertThat(resolver(down, slow).explains(down, slow)).isFalse();
        assertThat(resolver(down, slow).explains(slow, down)).as("its own list says the opposite").isTrue();
    }

    @Test
    void componentsThatNeedEachOtherExplainNeitherAndTheWalkEnds() {
        CascadeResolver r = resolver();
        assertThat(r.dependsOn("gateway-a", "gateway-b")).isTrue();
        assertThat(r.dependsOn("gateway-a", "redis")).isFalse();
        assertThat(r.explains(cause("a.down", "gateway-a", true), cause("b.down", "gateway-b", true))).isFalse();
    }

    @Test
    void anExplainedCauseExplainsNothingItselfAndUnexplainedOnesKeepTheirRank() {
        CauseDef first = cause("a.first", "", false, "b.second");
        CauseDef second = cause("b.second", "", false, "c.third");
        CauseDef third = cause("c.third", "", false);
        CauseDef other = cause("d.other", "", false);
        assertThat(resolved(resolver(first, second, third, other), other, first, second, third)).containsExactly(
                Map.entry("d.other", List.of()), Map.entry("a.first", List.of("b.second")), Map.entry("c.third", List.of()));
    }

    @Test
    void aCauseTwoUpstreamOnesExplainIsListedUnderTheHigherRankedOnly() {
        CauseDef db = cause("db.down", "", false, "api.slow");
        CauseDef redis = cause("redis.down", "", false, "api.slow");
        CauseDef slow = cause("api.slow", "", false);
        assertThat(resolved(resolver(db, redis, slow), redis, slow, db)).containsExactly(
                Map.entry("redis.down", List.of("api.slow")), Map.entry("db.down", List.of()));
    }
}
