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
}
