package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/config.drl: 003 2.1 / 12.1, 001 Configuration File Parse Error, 000 Configuration Recovery. */
class ConfigRulesTest {

    @Test
    void aMissingConfigurationFileRanksFileMissingFirst() {
        Diagnosis d = evidence("system.log", lines(
                "2026-03-02 07:00:01.114 [main] ERROR hft::config - Failed to load configuration from /opt/hft_system/config/production.json: No such file or directory (os error 2)",
                "2026-03-02 07:00:06.201 [main] ERROR hft::config - Failed to load configuration from /opt/hft_system/config/production.json: No such file or directory (os error 2)"),
                "operator-shell.txt", lines(
                "hft@hft-ny4-01:/opt/hft_system$ ls -l /opt/hft_system/config/production.json",
                "ls: cannot access '/opt/hft_system/config/production.json': No such file or directory"));
        assertThat(d).ranksFirst("config.file-missing")
                .firedRule("A configuration file that does not exist cannot be loaded")
                .doesNotReport("config.parse-error");
    }

    @Test
    void serdeJsonTrailingCommaIsAParseError() {
        Diagnosis d = evidence("journalctl-trading.txt", lines(
                "Feb 09 13:55:06 algo-rt-01 market-data[24707]: ERROR common: Failed to parse config: trailing comma at line 45 column 5",
                "Feb 09 13:55:06 algo-rt-01 systemd[1]: trading-market-data.service: Main process exited, code=exited, status=1/FAILURE",
                "Feb 09 13:55:11 algo-rt-01 risk-manager[24736]: ERROR common: Failed to parse config: expected value at line 12 column 5"));
        assertThat(d).ranksFirst("config.parse-error").doesNotReport("config.file-missing");
    }

    @Test
    void pythonJsonDecodeErrorAndTomlErrorsAreParseErrors() {
        Diagnosis d = evidence("nautilus.log", lines(
                "2026-04-01 08:00:02,311 - nautilus_integration.core.config - ERROR - json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 14 column 1 (char 312)",
                "2026-04-01 08:00:03,002 - risk - ERROR - toml.decoder.TomlDecodeError: Key name found without value. Reached end of line. (line 7 column 2 char 118)"));
        assertThat(d).ranksFirst("config.parse-error").recognises("config.parse-failed");
    }

    @Test
    void aFileThatParsesButHasInvalidValuesIsInvalidSettings() {
        Diagnosis d = evidence("nautilus.log", lines(
                "2026-04-01 08:00:02,311 - nautilus_integration.core.config - ERROR - pydantic_core._pydantic_core.ValidationError: 2 validation errors for IntegrationSettings",
                "2026-04-01 08:00:02,312 - nautilus_integration.core.config - ERROR - Configuration validation failed: max_position_size must be > 0 (got -500)"));
        assertThat(d).ranksFirst("config.invalid-settings").doesNotReport("config.parse-error");
    }

    @Test
    void theSameFileGivingALineAndColumnFlipsMissingToParseError() {
        Diagnosis missing = given(seen("config.load-failed", 3), seen("config.file-not-found", 2));
        Diagnosis broken = given(seen("config.load-failed", 3), seen("config.parse-failed", 2));
        assertThat(missing).ranksFirst("config.file-missing");
        assertThat(broken).ranksFirst("config.parse-error").doesNotReport("config.file-missing");
    }

    @Test
    void aSubscriberHearingNothingWhilePublisherPublishesIsAWrongEndpoint() {
        Diagnosis d = evidence("journalctl-trading.txt", lines(
                "Mar 17 10:00:02 pyrt-paper-01 market-data[2211]:  INFO market_data: quotes=1104 trades=339 in last 30s, publish tcp://127.0.0.1:5555 ok",
                "Mar 17 10:00:31 pyrt-paper-01 risk-manager[2240]:  WARN risk_manager: No market data received for 30 seconds",
                "Mar 17 10:00:41 pyrt-paper-01 market-data[2211]:  INFO market_data: quotes=1678 trades=566 in last 30s, publish tcp://127.0.0.1:5555 ok",
                "Mar 17 10:01:01 pyrt-paper-01 risk-manager[2240]:  WARN risk_manager: No market data received for 30 seconds",
                "Mar 17 10:01:11 pyrt-paper-01 market-data[2211]:  INFO market_data: quotes=1336 trades=506 in last 30s, publish tcp://127.0.0.1:5555 ok"));
        assertThat(d).ranksFirst("config.wrong-service-endpoint");
    }

    @Test
    void connectionsRefusedOnAPortNobodyListensOnWhileTheServiceListensElsewhere() {
        Diagnosis d = evidence("risk.log", lines(
                "2026-05-02 10:00:01,001 ERROR risk_client: connect ECONNREFUSED 127.0.0.1:8010",
                "2026-05-02 10:00:06,001 ERROR risk_client: connect ECONNREFUSED 127.0.0.1:8010"),
                "operator-shell.txt", lines(
                "ops@host:~$ ss -ltn",
                "State  Recv-Q Send-Q Local Address:Port Peer Address:Port",
                "LISTEN 0      128    127.0.0.1:8001    0.0.0.0:*"));
        assertThat(d).ranksFirst("config.wrong-service-endpoint");
    }

    @Test
    void aLiveEndpointWithPaperTradingOnIsAnEnvironmentMismatchAndStopsTradingFirst() {
        Diagnosis d = evidence("operator-shell.txt", lines(
                "algo@pyrt-01:/opt/RustAlgorithmTrading$ grep APCA_API_BASE_URL .env",
                "APCA_API_BASE_URL=https://api.alpaca.markets",
                "algo@pyrt-01:/opt/RustAlgorithmTrading$ grep paper_trading config/system.json",
                "  \"paper_trading\": true"));
        assertThat(d).ranksFirst("config.trading-environment-mismatch").planStartsByStoppingDamage();
    }

    @Test
    void aConsistentPaperSetupIsNotAMismatch() {
        Diagnosis d = evidence("operator-shell.txt", lines(
                "algo@pyrt-01:/opt/RustAlgorithmTrading$ grep APCA_API_BASE_URL .env",
                "APCA_API_BASE_URL=https://paper-api.alpaca.markets",
                "algo@pyrt-01:/opt/RustAlgorithmTrading$ grep paper_trading config/system.json",
                "  \"paper_trading\": true"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void goAndNodeJsonErrorsAreParseErrors() {
        Diagnosis d = evidence("gateway.log", lines(
                "2026/04/01 08:00:02 config: invalid character '}' looking for beginning of object key string",
                "2026-04-01T08:00:03.120Z frontend SyntaxError: Unexpected token } in JSON at position 1312"));
        assertThat(d).ranksFirst("config.parse-error");
    }

    @Test
    void aMissingEnvironmentFileIsAMissingConfigurationFile() {
        Diagnosis d = evidence("journalctl.txt", lines(
                "Mar 17 12:58:42 pyrt-01 systemd[1]: trading-market-data.service: Failed to load environment files: No such file or directory",
                "Mar 17 12:58:42 pyrt-01 systemd[1]: trading-market-data.service: Failed to run 'start' task: No such file or directory",
                "Mar 17 12:58:42 pyrt-01 systemd[1]: trading-market-data.service: Failed with result 'resources'."));
        assertThat(d).ranksFirst("config.file-missing");
    }

    // ------------------------------------------------------------ subscriber address with no listener

    private static final String LISTENERS = lines(
            "algo@pyrt-01:/opt/RustAlgorithmTrading$ ss -ltnp",
            "LISTEN 0      100        127.0.0.1:5555       0.0.0.0:*    users:((\"market-data\",pid=4410,fd=12))",
            "LISTEN 0      100        127.0.0.1:5557       0.0.0.0:*    users:((\"risk-manager\",pid=88120,fd=11))");

    @Test
    void aSubscriberConnectingToAPortNobodyListensOnIsAWrongEndpoint() {
        Diagnosis d = evidence("journal.txt", lines(
                "Jun 22 13:30:06 pyrt-01 risk-manager[88120]: 2026-06-22T13:30:06.701Z  INFO risk_manager::zmq: SUB connecting to tcp://127.0.0.1:5565 topics=[quote]",
                "Jun 22 13:31:03 pyrt-01 risk-manager[88120]: 2026-06-22T13:31:03.911Z  WARN risk_manager: No market data received for 30 seconds"),
                "ss.txt", LISTENERS);
        assertThat(d).ranksFirst("config.wrong-service-endpoint");
    }

    @Test
    void aSubscriberOnTheListeningPortIsNotAWrongEndpoint() {
        Diagnosis d = evidence("journal.txt", lines(
                "Jun 22 13:30:06 pyrt-01 risk-manager[88120]: 2026-06-22T13:30:06.701Z  INFO risk_manager::zmq: SUB connecting to tcp://127.0.0.1:5555 topics=[quote]",
                "Jun 22 13:31:03 pyrt-01 risk-manager[88120]: 2026-06-22T13:31:03.911Z  WARN risk_manager: No market data received for 30 seconds"),
                "ss.txt", LISTENERS);
        assertThat(d).doesNotReport("config.wrong-service-endpoint");
    }

    @Test
    void anUntimedPublisherCheckStillShowsThePublisherPublishing() {
        Diagnosis d = evidence("journal.txt", lines(
                "Jun 22 13:31:03 pyrt-01 risk-manager[88120]: 2026-06-22T13:31:03.911Z  WARN risk_manager: No market data received for 30 seconds",
                "Jun 22 13:31:33 pyrt-01 risk-manager[88120]: 2026-06-22T13:31:33.911Z  WARN risk_manager: No market data received for 30 seconds"),
                "monitor.txt", lines(
                "algo@pyrt-01:/opt/RustAlgorithmTrading$ python scripts/monitor_zmq.py --address tcp://127.0.0.1:5555 --seconds 10",
                "[monitor_zmq] ... 10s: 3412 messages (quote=2890 trade=514 bar=8), 341.2 msg/s"));
        assertThat(d).ranksFirst("config.wrong-service-endpoint");
    }

    @Test
    void validatorVerdictsOnValuesAreInvalidSettingsAndExplainThePoolTimeouts() {
        Diagnosis d = evidence("app.log", lines(
                "2026-07-07 08:53:23,265 - app.api - ERROR - GET /api/positions failed: sqlalchemy.exc.TimeoutError: QueuePool limit of size 0 overflow 0 reached, connection timed out, timeout 30.00",
                "2026-07-07 08:54:23,265 - app.api - ERROR - GET /api/positions failed: sqlalchemy.exc.TimeoutError: QueuePool limit of size 0 overflow 0 reached, connection timed out, timeout 30.00"),
                "validate.txt", lines(
                "ops@nt-01:/opt/app$ python scripts/validate_config.py",
                "[FAIL] DATABASE_POOL_SIZE=0          must be >= 1 (recommended 10)",
                "[FAIL] DATABASE_MAX_OVERFLOW=0       pool_size+max_overflow must be >= 1"));
        assertThat(d).ranksFirst("config.invalid-settings").doesNotReport("database.connection-pool-exhausted");
    }
}
