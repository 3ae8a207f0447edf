package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/ui.drl: 000 Frontend Connection Issues / UI Performance Issues, 002 WebSocket Connections Failing. */
class UiRulesTest {

    @Test
    void chromeBlockingByCorsPolicyIsCorsMisconfigured() {
        Diagnosis d = evidence("browser-console.txt", lines(
                "Access to fetch at 'http://app-01:8001/api/v1/sprint3/risk/limits' from origin 'http://ui.trading.internal' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
                "useWebSocketManager.ts:72 WebSocket connection to 'ws://app-01:8001/ws/system/health' failed: "),
                "backend.txt", lines(
                "backend-1  | INFO:     10.60.12.41:50122 - \"OPTIONS /api/v1/sprint3/risk/limits HTTP/1.1\" 400 Bad Request",
                "backend-1  | 2026-05-06 09:05:18,330 - backend.websocket - WARNING - handshake refused for /ws/system/health: Origin 'http://ui.trading.internal' not in CORS_ALLOWED_ORIGINS"));
        assertThat(d).ranksFirst("ui.cors-misconfigured").doesNotReport("ui.browser-cache-stale");
    }

    @Test
    void staleChunksWhileTheServerWorksAreTheBrowserCache() {
        Diagnosis d = evidence("browser-console.txt", lines(
                "Uncaught (in promise) ChunkLoadError: Loading chunk 847 failed.",
                "WebSocket connection to 'ws://localhost:8080/ws' failed: "),
                "operator-shell.txt", lines(
                "ops@nt-prod-01:~$ wscat -c ws://localhost:8080/ws",
                "Connected (press CTRL+C to quit)"));
        assertThat(d).ranksFirst("ui.browser-cache-stale").doesNotReport("ui.cors-misconfigured");
    }

    @Test
    void corsErrorsFlipTheBrowserFailureFromCacheToCors() {
        Diagnosis cache = given(seen("ui.browser-websocket-failed", 3), seen("ui.server-websocket-works"), seen("ui.stale-assets"));
        Diagnosis cors = given(seen("ui.browser-websocket-failed", 3), seen("ui.server-websocket-works"), seen("ui.cors-blocked-in-browser", 3));
        assertThat(cache).ranksFirst("ui.browser-cache-stale");
        assertThat(cors).ranksFirst("ui.cors-misconfigured").doesNotReport("ui.browser-cache-stale");
    }

    @Test
    void anUnreachableFrontendWithAHealthyBackendIsTheFrontendDown() {
        Diagnosis d = evidence("ports-check.txt", lines(
                "❌ Frontend (port 3000): Not accessible",
                "✅ Backend API (port 8001): Available",
                "✅ PostgreSQL (port 5432): Available"),
                "health.json", "{\"status\": \"healthy\", \"version\": \"2026.05.1\"}\n");
        assertThat(d).ranksFirst("ui.frontend-service-down");
    }

    @Test
    void aSlowPageWithALargeHeapIsFrontendPerformance() {
        Diagnosis d = evidence("browser-console.txt", lines(
                "page-load: 9512.33 ms",
                "Memory usage: 1480.2 MB",
                "Memory usage: 1512.7 MB"));
        assertThat(d).ranksFirst("ui.frontend-performance-degraded");
    }

    @Test
    void aFastPageIsSilent() {
        Diagnosis d = evidence("browser-console.txt", lines("page-load: 812.5 ms", "Memory usage: 88.1 MB"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void webSocketUpgradesAnswered404FromOneBrowserWhileWscatConnectsAreAnOldCachedBuild() {
        String access = lines(
                "2026-07-01 09:12:31,497 - uvicorn.access - INFO - 10.30.1.9:56236 - \"GET /ws/stream HTTP/1.1\" 404",
                "2026-07-01 09:13:02,118 - uvicorn.access - INFO - 10.30.1.9:56301 - \"GET /ws/stream HTTP/1.1\" 404",
                "2026-07-01 09:13:40,002 - uvicorn.access - INFO - 10.30.1.9:56388 - \"GET /ws/stream HTTP/1.1\" 404");
        String wscat = lines("ops@ui-01:~$ wscat -c ws://localhost:8080/ws/v2", "Connected (press CTRL+C to quit)");
        assertThat(evidence("backend.log", access, "checks.txt", wscat))
                .recognises("ui.ws-path-not-found").ranksFirst("ui.browser-cache-stale").doesNotReport("ui.cors-misconfigured");
        assertThat(evidence("checks.txt", wscat)).doesNotReport("ui.browser-cache-stale");
    }
}
