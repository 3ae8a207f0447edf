package triage.diagnosis;

import org.junit.jupiter.api.Test;
import triage.knowledge.CauseDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.testing.TestTriage;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reported cause is shown under which, on the real knowledge base's components. */
class CascadeResolverTest {

    private static final KnowledgeBase KB = new KnowledgeBaseLoader().load(TestTriage.projectRoot());
    private final CascadeResolver cascades = new CascadeResolver(KB);

    private static CauseDef cause(String id) {
        CauseDef c = KB.causes().get(id);
        assertThat(c).as(id).isNotNull();
        return c;
    }

    @Test
    void aMarketDataFeedOutageExplainsAnalyticsThatStoppedStreaming() {
        assertThat(cascades.explains(cause("market-data.feed-service-down"), cause("service.analytics-streaming-stalled"))).isTrue();
        assertThat(cascades.explains(cause("service.analytics-streaming-stalled"), cause("market-data.feed-service-down"))).isFalse();
    }

    @Test
    void theRiskBackendsCacheBeingDownExplainsAStoppedRiskMonitoringLoop() {
        assertThat(cascades.explains(cause("cache.redis-unavailable"), cause("risk.monitoring-stopped"))).isTrue();
        assertThat(cascades.explains(cause("risk.monitoring-stopped"), cause("cache.redis-unavailable"))).isFalse();
    }
}
