package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/monitoring.drl: 003 11.1 ALERTS NOT FIRING, 11.2 DASHBOARD NOT SHOWING DATA; 002 ports check. */
class MonitoringRulesTest {

    private static final String NOTIFY_FAILED = "Apr 14 %s hft-mon-01 alertmanager[1188]: ts=2026-04-14T%sZ caller=dispatch.go:353 level=error component=dispatcher msg=\"Notify for alerts failed\" num_alerts=1 err=\"hft-oncall/slack[0]: notify retry canceled due to unrecoverable error after 1 attempts: channel \\\"#hft-alerts\\\": unexpected status code 404: no_service\"";

    @Test
    void alertmanagerFailingToNotifySlackIsABrokenNotificationChannel() {
        Diagnosis d = evidence("journalctl-alertmanager.txt", lines(
                String.format(NOTIFY_FAILED, "09:41:38", "09:41:38.513"),
                String.format(NOTIFY_FAILED, "09:46:38", "09:46:38.526"),
                String.format(NOTIFY_FAILED, "09:51:38", "09:51:38.523")),
                "alertmanager-metrics.txt", lines(
                "alertmanager_notifications_failed_total{integration=\"slack\",reason=\"clientError\"} 31",
                "alertmanager_notifications_failed_total{integration=\"webhook\",reason=\"clientError\"} 0"));
        assertThat(d).ranksFirst("monitoring.notification-channel-broken").doesNotReport("monitoring.alert-routing-misconfigured");
    }

    @Test
    void anActiveAlertRoutedToANullReceiverIsMisrouted() {
        Diagnosis d = evidence("api-v2-alerts.json", "[{\"labels\":{\"alertname\":\"HighOrderLatency\",\"severity\":\"critical\"},"
                        + "\"annotations\":{\"summary\":\"HFT order latency p99 above 1ms\"},\"receivers\":[{\"name\":\"null\"}],"
                        + "\"status\":{\"state\":\"active\",\"silencedBy\":[],\"inhibitedBy\":[]},\"startsAt\":\"2026-04-14T13:58:47.212Z\"}]\n",
                "operator-shell.txt", lines(
                "hft@hft-mon-01:~$ amtool --alertmanager.url=http://localhost:9093 config routes test alertname=HighOrderLatency severity=critical",
                "null"));
        assertThat(d).ranksFirst("monitoring.alert-routing-misconfigured").doesNotReport("monitoring.notification-channel-broken");
    }

    @Test
    void aRealReceiverWithFailingDeliveriesFlipsRoutingToTheChannel() {
        Diagnosis routing = given(seen("monitoring.route-to-empty-receiver"), seen("monitoring.alert-firing"));
        Diagnosis channel = given(seen("monitoring.route-reaches-receiver"), seen("monitoring.alert-firing"), seen("monitoring.notify-failed", 5));
        assertThat(routing).ranksFirst("monitoring.alert-routing-misconfigured");
        assertThat(channel).ranksFirst("monitoring.notification-channel-broken").doesNotReport("monitoring.alert-routing-misconfigured");
    }

    @Test
    void promtoolRejectingTheRulesMeansTheRulesAreNotLoaded() {
        Diagnosis d = evidence("operator-shell.txt", lines(
                "hft@hft-mon-01:~$ promtool check rules /etc/prometheus/alerts/*.yml",
                "Checking /etc/prometheus/alerts/hft.yml",
                "  FAILED:",
                "/etc/prometheus/alerts/hft.yml: 12:11: group \"hft\", rule 2, \"HighOrderLatency\": could not parse expression: 1:31: parse error: unexpected right parenthesis ')'"),
                "journalctl-prometheus.txt", lines(
                "Apr 14 06:00:01 hft-mon-01 prometheus[900]: ts=2026-04-14T06:00:01.204Z caller=manager.go:1010 level=error component=\"rule manager\" msg=\"loading groups failed\" err=\"/etc/prometheus/alerts/hft.yml: 12:11: group \\\"hft\\\", rule 2, \\\"HighOrderLatency\\\": could not parse expression\""));
        assertThat(d).ranksFirst("monitoring.alert-rules-not-loaded");
    }

    @Test
    void aTargetPrometheusCannotScrapeIsNotScraping() {
        Diagnosis d = evidence("targets.txt", lines(
                "hft@hft-mon-01:~$ curl -s http://localhost:9090/api/v1/targets | jq '.data.activeTargets[] | {job: .labels.job, health, lastError}'",
                "{",
                "  \"job\": \"hft_system\",",
                "  \"health\": \"down\",",
                "  \"lastError\": \"Get \\\"http://localhost:8080/metrics\\\": context deadline exceeded\"",
                "}"),
                "prometheus-metrics.txt", lines("up{job=\"hft_system\",instance=\"localhost:8080\"} 0", "up{job=\"prometheus\",instance=\"localhost:9090\"} 1"));
        assertThat(d).ranksFirst("monitoring.prometheus-not-scraping").doesNotReport("monitoring.stack-down");
    }

    @Test
    void grafanaFailingToQueryAHealthyPrometheusIsTheDatasource() {
        Diagnosis d = evidence("grafana.log", lines(
                "logger=tsdb.prometheus endpoint=queryData pluginId=prometheus t=2026-04-14T10:00:01.12Z level=error msg=\"Error received from data source\" error=\"Post \\\"http://localhost:9090/api/v1/query_range\\\": dial tcp 127.0.0.1:9090: connect: connection refused\"",
                "logger=tsdb.prometheus endpoint=queryData pluginId=prometheus t=2026-04-14T10:00:31.12Z level=error msg=\"Error received from data source\" error=\"Post \\\"http://localhost:9090/api/v1/query_range\\\": dial tcp 127.0.0.1:9090: connect: connection refused\""),
                "operator-shell.txt", lines(
                "ops@mon-01:~$ curl -s http://localhost:9090/-/healthy",
                "Prometheus Server is Healthy."),
                "prometheus-metrics.txt", lines("up{job=\"hft_system\",instance=\"localhost:8080\"} 1"));
        assertThat(d).ranksFirst("monitoring.grafana-datasource-broken").doesNotReport("monitoring.prometheus-not-scraping");
    }

    @Test
    void prometheusAndGrafanaPortsClosedAreTheStackDown() {
        Diagnosis d = evidence("ports-check.txt", lines(
                "✅ Backend API (port 8001): Available",
                "❌ Prometheus (port 9090): Not accessible",
                "❌ Grafana (port 3001): Not accessible"));
        assertThat(d).ranksFirst("monitoring.stack-down");
    }

    @Test
    void aHealthyPrometheusFlipsStackDownToTheDatasource() {
        Diagnosis down = given(seen("monitoring.stack-unreachable"), seen("monitoring.grafana-datasource-error", 3));
        Diagnosis datasource = given(seen("monitoring.prometheus-healthy"), seen("monitoring.grafana-datasource-error", 3), seen("monitoring.target-up"));
        assertThat(down).ranksFirst("monitoring.stack-down");
        assertThat(datasource).ranksFirst("monitoring.grafana-datasource-broken").doesNotReport("monitoring.stack-down");
    }

    @Test
    void aRouteTestEndingAtANullNamedReceiverIsRoutingMisconfigured() {
        String cmd = "mon@mon-01:~$ amtool config routes test --config.file=/etc/alertmanager/alertmanager.yml alertname=OrderRejects severity=critical";
        assertThat(evidence("amtool.txt", lines(cmd, "team-null"))).ranksFirst("monitoring.alert-routing-misconfigured");
        assertThat(evidence("amtool.txt", lines(cmd, "trading-oncall"))).doesNotReport("monitoring.alert-routing-misconfigured");
    }

    @Test
    void aPrometheusContainerInARestartLoopIsTheStackDownAboveTheNameLookupsItCauses() {
        Diagnosis d = evidence("compose.log", lines(
                "prometheus-1        | prometheus: error: unknown long flag '--storage.tsdb.retention', try --help",
                "prometheus-1 exited with code 1",
                "prometheus-1 exited with code 1",
                "prometheus-1 exited with code 1",
                "prometheus-1 exited with code 1",
                "grafana-1  | logger=tsdb.prometheus t=2026-11-30T07:15:32Z level=error msg=\"Prometheus request failed\" error=\"dial tcp: lookup prometheus on 127.0.0.11:53: server misbehaving\""));
        assertThat(d).ranksFirst("monitoring.stack-down");
    }
}
