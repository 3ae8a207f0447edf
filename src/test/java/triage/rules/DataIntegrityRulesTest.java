package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/data-integrity.drl: 000 Position Synchronization / Data Quality / Database Recovery, 001 Corrupt Data Files, 004 Data Issues. */
class DataIntegrityRulesTest {

    @Test
    void discrepanciesWithAFailingSyncArePositionMismatch() {
        Diagnosis d = evidence("nautilus-integration.log", lines(
                "2026-06-02 10:17:29,441 ERROR    PositionSyncService: sync cycle aborted: push to F8 portfolio failed: httpx.ReadTimeout: timed out (attempt 3/3); pending: EURUSD",
                "2026-06-02 10:18:29,239 ERROR    PositionSyncService: sync cycle aborted: push to F8 portfolio failed: httpx.ReadTimeout: timed out (attempt 3/3); pending: EURUSD",
                "2026-06-02 10:19:59,682 WARNING  ReconciliationMonitor: position discrepancy EURUSD nautilus=+1000000 broker=+1000000 f8_portfolio=+1250000",
                "2026-06-02 10:19:59,687 WARNING  ReconciliationMonitor: portfolio value mismatch: nautilus NAV 12,418,861 USD vs F8 NAV 12,112,639 USD",
                "2026-06-02 10:24:59,682 WARNING  ReconciliationMonitor: position discrepancy EURUSD nautilus=+1000000 broker=+1000000 f8_portfolio=+1250000"));
        assertThat(d).ranksFirst("data-integrity.position-mismatch").doesNotReport("data-integrity.position-valuation-incorrect");
    }

    @Test
    void valuesThatDisagreeWhileQuantitiesMatchAreAValuationProblem() {
        Diagnosis d = evidence("data-quality.log", lines(
                "2026-06-02 10:19:59,687 WARNING  DataQuality: portfolio value mismatch: nautilus NAV 12,418,861 USD vs F8 NAV 12,112,639 USD",
                "2026-06-02 10:20:01,001 WARNING  DataQuality: position value mismatch EURUSD stored=1087500.00 recalculated=1084210.00 (stale price 1.0875)",
                "2026-06-02 10:20:01,002 WARNING  DataQuality: position value mismatch GBPUSD stored=-634000.00 recalculated=-636150.00 (stale price 1.2680)"));
        assertThat(d).ranksFirst("data-integrity.position-valuation-incorrect").doesNotReport("data-integrity.position-mismatch");
    }

    @Test
    void quantitiesThatDisagreeFlipValuationToPositionMismatch() {
        Diagnosis valuation = given(seen("data-integrity.portfolio-value-mismatch", 3), seen("data-integrity.valuation-error", 2));
        Diagnosis positions = given(seen("data-integrity.portfolio-value-mismatch", 3), seen("data-integrity.valuation-error", 2),
                seen("data-integrity.position-discrepancy", 4));
        assertThat(valuation).ranksFirst("data-integrity.position-valuation-incorrect");
        assertThat(positions).ranksFirst("data-integrity.position-mismatch").doesNotReport("data-integrity.position-valuation-incorrect");
    }

    @Test
    void brokerTransactionsMissingLocallyAreMissingRecords() {
        Diagnosis d = evidence("reconcile.txt", lines(
                "oncall@tmt-prod-01:~$ ./scripts/reconcile-broker-transactions.sh",
                "[reconcile] broker transactions 2026-07-20: 412, local transactions.log: 409",
                "[reconcile] transaction_id=91850 missing from transactions.log (ORDER_FILL EUR_USD 25000)",
                "[reconcile] transaction_id=91853 missing from transactions.log (ORDER_FILL USD_JPY 10000)"));
        assertThat(d).ranksFirst("data-integrity.missing-transaction-records");
    }

    @Test
    void postgresCorruptionIsDatabaseCorruptionAndStopsTradingFirst() {
        Diagnosis d = evidence("postgresql.log", lines(
                "2026-03-04 02:11:09.412 UTC [48213] ERROR:  invalid page in block 1842 of relation base/16384/16721",
                "2026-03-04 02:11:12.006 UTC [48213] ERROR:  index \"positions_pkey\" contains unexpected zero page at block 77",
                "2026-03-04 02:11:12.006 UTC [48213] HINT:  Please REINDEX it."));
        assertThat(d).ranksFirst("data-integrity.database-corruption").planStartsByStoppingDamage();
    }

    @Test
    void aFileThatCannotBeDecodedAndFailsItsChecksumIsCorrupt() {
        Diagnosis d = evidence("journalctl.txt", lines(
                "Aug 04 13:31:49 pyrt-01 position-tracker[40812]: ERROR position_tracker: Failed to deserialize position data: unexpected end of file",
                "Aug 04 13:31:50 pyrt-01 signal-bridge[40813]: ERROR signal_bridge: Cannot read model file models/trading_model.onnx: Protobuf parsing failed"),
                "operator-shell.txt", lines(
                "algo@pyrt-01:/opt/RustAlgorithmTrading$ sha256sum -c checksums.txt",
                "data/positions.dat: FAILED",
                "models/trading_model.onnx: FAILED",
                "sha256sum: WARNING: 2 computed checksums did NOT match"));
        assertThat(d).ranksFirst("data-integrity.corrupt-data-file");
    }

    @Test
    void aModelFileThatDoesNotExistIsNotCorrupt() {
        Diagnosis d = evidence("journalctl.txt", lines(
                "Aug 04 13:31:49 pyrt-live-01 signal-bridge[40812]: ERROR signal_bridge: Failed to load ONNX model: File not found: models/trading_model.onnx (No such file or directory (os error 2))"));
        assertThat(d).doesNotReport("data-integrity.corrupt-data-file");
    }

    @Test
    void aSyncThatFailsOnceAndThenSucceedsIsSilent() {
        Diagnosis d = evidence("nautilus-integration.log", lines(
                "2026-06-11 07:30:24,913 - nautilus_integration.services.position_sync - INFO - position sync ok instruments=6 discrepancies=0 duration_ms=54",
                "2026-06-11 07:31:24,913 - nautilus_integration.services.position_sync - ERROR - position sync failed: httpx.ReadTimeout: timed out",
                "2026-06-11 07:32:59,866 - nautilus_integration.services.position_sync - INFO - position sync ok instruments=6 discrepancies=0 duration_ms=62"));
        assertThat(d).reportsNoCause();
    }

    // ------------------------------------------------------------ reconciliation counts and revaluation dry runs

    @Test
    void aReconciliationCountingBrokerTransactionsMissingLocallyMeansMissingRecords() {
        var d = evidence("reconciliation.txt", lines(
                "tmt@tmt-prod-01:/opt/tmt$ ./scripts/reconcile-broker-transactions.sh --account 001-004-5531203-001",
                "[reconcile] matched ............ 92",
                "[reconcile] missing locally .... 9",
                "[reconcile] unknown at broker .. 0"));
        assertThat(d).ranksFirst("data-integrity.missing-transaction-records");
    }

    @Test
    void aReconciliationWithNothingMissingLocallyIsClean() {
        var d = evidence("reconciliation.txt", lines(
                "tmt@tmt-prod-01:/opt/tmt$ ./scripts/reconcile-broker-transactions.sh --account 001-004-5531203-001",
                "[reconcile] matched ............ 101",
                "[reconcile] missing locally .... 0",
                "[reconcile] unknown at broker .. 0"));
        assertThat(d).doesNotReport("data-integrity.missing-transaction-records");
    }

    @Test
    void aRevaluationDryRunThatWouldChangeMarketValuesMeansWrongValuations() {
        var d = evidence("checks.txt", lines(
                "ops@nt-02:/opt/nautilus-integration$ venv/bin/python scripts/recalculate_positions.py --dry-run",
                "2 positions would change (unrealized_pnl and market value); quantities unchanged",
                "ops@nt-02:/opt/nautilus-integration$ venv/bin/python scripts/data_quality_check.py",
                "[dq] portfolio value jump .... FAIL (+22.02M USD between 10:04 and 10:05 with no fills)"));
        assertThat(d).ranksFirst("data-integrity.position-valuation-incorrect");
    }
}
