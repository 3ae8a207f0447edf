package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/auth.drl: 003 2.2 / 8.1-8.3, 001 API Authentication Fails, 000 Authentication and Authorization Errors. */
class AuthRulesTest {

    @Test
    void theExchangeRejectingTheKeyRanksAnInvalidKeyFirst() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-05-06 09:10:01,120 ERROR binance: APIError(code=-2014): API-key format invalid.",
                "2026-05-06 09:10:31,120 ERROR kraken: KrakenAPIError: ['EAPI:Invalid key']"));
        assertThat(d).ranksFirst("auth.exchange-api-key-invalid")
                .firedRule("The exchange rejecting the API key means the key is invalid");
    }

    @Test
    void anAmbiguousMinus2015IsOnlyACandidate() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-05-06 09:10:01,120 ERROR binance: APIError(code=-2015): Invalid API-key, IP, or permissions for action.",
                "2026-05-06 09:10:31,120 ERROR binance: APIError(code=-2015): Invalid API-key, IP, or permissions for action."));
        assertThat(d).doesNotReport("auth.exchange-api-key-invalid").hasCandidate("auth.exchange-api-key-invalid");
    }

    @Test
    void minus2015NamingTheSourceIpIsNotAnInvalidKey() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-03-09 08:00:16.824] [exchanges] [error] binance: REST GET /api/v3/account 401 latency_us: 10962 body: {\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}",
                "[2026-03-09 08:00:33.332] [exchanges] [error] binance: Access denied: IP not allowed for API key ****Qm7x (egress 203.0.113.47)"));
        assertThat(d).doesNotReport("auth.exchange-api-key-invalid").doesNotReport("auth.trading-permission-missing");
    }


    /** Twin of the above: the line naming the source IP is what makes it an IP restriction. */
    @Test
    void minus2015NamingTheSourceIpIsAnIpRestriction() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-03-09 08:00:16.824] [exchanges] [error] binance: REST GET /api/v3/account 401 latency_us: 10962 body: {\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}",
                "[2026-03-09 08:00:33.332] [exchanges] [error] binance: Access denied: IP not allowed for API key ****Qm7x (egress 203.0.113.47)"));
        assertThat(d).ranksFirst("exchange.ip-restricted");
    }

    @Test
    void invalidSignatureWithASynchronisedClockIsAWrongSecret() {
        Diagnosis d = given(seen("auth.invalid-signature", 4), no("host.clock-offset"));
        assertThat(d).ranksFirst("auth.exchange-api-key-invalid").doesNotReport("host.clock-drift");
    }

    @Test
    void invalidSignatureWithADriftingClockIsClockDrift() {
        Diagnosis d = given(seen("auth.invalid-signature", 4), valued("host.clock-offset", 3.2));
        assertThat(d).ranksFirst("host.clock-drift").doesNotReport("auth.exchange-api-key-invalid");
    }

    @Test
    void keysMissingFromTheServiceEnvironmentAreNotLoadedNotInvalid() {
        Diagnosis d = evidence("journalctl-trading.txt", lines(
                "Mar 17 12:58:42 pyrt-paper-01 market-data[30361]: ERROR market_data: auth rejected: [{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]",
                "Mar 17 12:58:42 pyrt-paper-01 market-data[30361]: ERROR market_data: Failed to authenticate with Alpaca",
                "Mar 17 12:58:43 pyrt-paper-01 execution-engine[30402]: ERROR execution_engine: GET /v2/account failed: 401 Unauthorized body={\"message\": \"unauthorized\"}"),
                "operator-shell.txt", lines(
                "algo@pyrt-paper-01:/opt/RustAlgorithmTrading$ curl -s -o /tmp/acct.json -w \"%{http_code}\\n\" -H \"APCA-API-KEY-ID: $APCA_API_KEY_ID\" -H \"APCA-API-SECRET-KEY: $APCA_API_SECRET_KEY\" https://paper-api.alpaca.markets/v2/account",
                "200",
                "algo@pyrt-paper-01:/opt/RustAlgorithmTrading$ sudo systemctl show trading-execution-engine -p Environment -p EnvironmentFiles",
                "Environment=RUST_LOG=info RUST_BACKTRACE=1",
                "EnvironmentFiles=",
                "algo@pyrt-paper-01:/opt/RustAlgorithmTrading$ sudo cat /proc/$(pgrep -x execution-engine)/environ | tr '\\0' '\\n' | grep APCA_ ; echo \"exit=$?\"",
                "exit=1"));
        assertThat(d).ranksFirst("auth.exchange-api-keys-not-loaded").ranksAbove("auth.exchange-api-keys-not-loaded", "auth.exchange-api-key-invalid")
                .doesNotReport("auth.exchange-api-key-invalid");
    }

    @Test
    void theSameRejectionWithoutEnvironmentEvidenceIsAnInvalidKey() {
        Diagnosis d = evidence("journalctl-trading.txt", lines(
                "Mar 17 12:58:42 pyrt-paper-01 market-data[30361]: ERROR market_data: Failed to authenticate with Alpaca",
                "Mar 17 12:58:43 pyrt-paper-01 execution-engine[30402]: ERROR execution_engine: GET /v2/account failed: 401 Unauthorized body={\"message\": \"unauthorized\"}"));
        assertThat(d).ranksFirst("auth.exchange-api-key-invalid").doesNotReport("auth.exchange-api-keys-not-loaded");
    }

    @Test
    void aMissingKeyVariableIsKeysNotLoaded() {
        Diagnosis d = evidence("signal.log", lines(
                "2026-02-01 09:30:00,001 - execution - ERROR - KeyError: 'APCA_API_KEY_ID'"));
        assertThat(d).ranksFirst("auth.exchange-api-keys-not-loaded");
    }

    @Test
    void coinbaseInvalidPassphraseIsThePassphrase() {
        Diagnosis d = evidence("exchanges.log", lines(
                "(node:52581) UnhandledPromiseRejectionWarning: AuthenticationError: coinbasepro GET https://api.pro.coinbase.com/accounts 401 Unauthorized {\"message\":\"Invalid Passphrase\"}",
                "(node:52581) UnhandledPromiseRejectionWarning: AuthenticationError: coinbasepro GET https://api.pro.coinbase.com/orders 401 Unauthorized {\"message\":\"Invalid Passphrase\"}"));
        assertThat(d).ranksFirst("auth.exchange-passphrase-invalid").ranksAbove("auth.exchange-passphrase-invalid", "auth.exchange-api-key-invalid");
    }

    @Test
    void invalidNoncesWithASyncedClockMeanASharedKey() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-01-10 11:00:01,001 ERROR kraken: KrakenAPIError: ['EAPI:Invalid nonce']",
                "2026-01-10 11:00:04,001 ERROR kraken: KrakenAPIError: ['EAPI:Invalid nonce']",
                "2026-01-10 11:00:09,001 ERROR kraken: KrakenAPIError: ['EAPI:Invalid nonce']"),
                "chronyc-tracking.txt", lines("System time     : 0.000012113 seconds slow of NTP time"));
        assertThat(d).ranksFirst("auth.api-key-shared-across-systems").doesNotReport("host.clock-drift");
    }

    @Test
    void invalidNoncesWithADriftingClockAreClockDrift() {
        Diagnosis d = given(seen("auth.invalid-nonce", 5), seen("exchange.timestamp-rejected", 5), valued("host.clock-offset", 2.5));
        assertThat(d).ranksFirst("host.clock-drift").doesNotReport("auth.api-key-shared-across-systems");
    }

    @Test
    void aKeyRefusedTheActionLacksTradingPermission() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2018-01-01 03:53:23 (ERROR):\t[kraken.js] (addOrder) returned an irrecoverable error: EGeneral:Permission denied",
                "2026-01-10 11:00:04,001 ERROR binance: {\"code\":-2010,\"msg\":\"This action is disabled on this account.\"}"));
        assertThat(d).ranksFirst("auth.trading-permission-missing").doesNotReport("auth.exchange-api-key-invalid");
    }

    @Test
    void loginRejectedForAnActiveUserIsAWrongPassword() {
        Diagnosis d = evidence("uvicorn.log", lines(
                "INFO:     10.60.12.41:51234 - \"POST /auth/login HTTP/1.1\" 401 Unauthorized",
                "INFO:     10.60.12.41:51240 - \"POST /auth/login HTTP/1.1\" 401 Unauthorized"),
                "operator-shell.txt", lines(
                "ops@nt-prod-01:~$ psql -d nautilus_db -c \"SELECT id, email, is_active FROM users WHERE email='trader@example.com';\"",
                " id |       email        | is_active",
                "----+--------------------+-----------",
                " 42 | trader@example.com | t",
                "(1 row)"));
        assertThat(d).ranksFirst("auth.user-credentials-invalid").doesNotReport("auth.user-account-missing-or-inactive")
                .doesNotReport("auth.exchange-api-key-invalid");
    }

    @Test
    void loginRejectedForAMissingUserIsTheAccount() {
        Diagnosis d = evidence("uvicorn.log", lines(
                "INFO:     10.60.12.41:51234 - \"POST /auth/login HTTP/1.1\" 401 Unauthorized"),
                "operator-shell.txt", lines(
                "ops@nt-prod-01:~$ psql -d nautilus_db -c \"SELECT id, email, is_active FROM users WHERE email='trader@example.com';\"",
                " id | email | is_active",
                "----+-------+-----------",
                "(0 rows)"));
        assertThat(d).ranksFirst("auth.user-account-missing-or-inactive").doesNotReport("auth.user-credentials-invalid");
    }

    @Test
    void expiredTokensWhileLoginWorksAreAStaleSession() {
        Diagnosis d = evidence("backend.log", lines(
                "INFO:     10.60.12.41:51234 - \"POST /auth/login HTTP/1.1\" 200 OK",
                "2026-05-06 09:21:04,120 - backend.auth - WARNING - jwt.exceptions.ExpiredSignatureError: Signature has expired",
                "INFO:     10.60.12.41:51301 - \"GET /api/user/profile HTTP/1.1\" 401 Unauthorized"));
        assertThat(d).ranksFirst("auth.session-token-expired").doesNotReport("auth.user-credentials-invalid");
    }

    @Test
    void oneMistypedPasswordThatThenSucceedsIsSilent() {
        Diagnosis d = evidence("uvicorn.log", lines(
                "INFO:     10.60.12.41:51234 - \"POST /auth/login HTTP/1.1\" 401 Unauthorized",
                "INFO:     10.60.12.41:51240 - \"POST /auth/login HTTP/1.1\" 200 OK"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void anInvalidJwtSignatureIsAUserTokenNotAnExchangeSecret() {
        Diagnosis d = evidence("api.log", lines(
                "2026-05-06T09:21:04.120Z auth JsonWebTokenError: invalid signature",
                "2026-05-06T09:21:09.120Z auth JsonWebTokenError: invalid signature"));
        assertThat(d).doesNotReport("auth.exchange-api-key-invalid").ranksFirst("auth.session-token-expired");
    }

    @Test
    void rejectedLoginsForAUserRowWithExtraColumnsReadTheActiveFlagNextToTheEmail() {
        String log = lines(
                "2026-02-09 08:02:41,138 - app.auth - WARNING - login failed email=m.ito@desk.example reason=invalid_password",
                "2026-02-09 08:02:41,435 - uvicorn.access - INFO - 10.1.4.31:58900 - \"POST /auth/login HTTP/1.1\" 401",
                "2026-02-09 08:03:05,646 - uvicorn.access - INFO - 10.1.4.31:50231 - \"POST /auth/login HTTP/1.1\" 401",
                "2026-02-09 08:03:40,409 - uvicorn.access - INFO - 10.1.4.31:57359 - \"POST /auth/login HTTP/1.1\" 401");
        String active = lines("ops@app:~$ psql -d app -c \"SELECT id, email, is_active, failed_logins FROM users WHERE email='m.ito@desk.example';\"",
                " 41 | m.ito@desk.example | t         |             3");
        String inactive = lines("ops@app:~$ psql -d app -c \"SELECT id, email, is_active, deactivated_at FROM users WHERE email='m.ito@desk.example';\"",
                " 41 | m.ito@desk.example | f         | 2026-02-01 02:00:04+00");
        assertThat(evidence("app.log", log, "db.txt", active)).ranksFirst("auth.user-credentials-invalid");
        assertThat(evidence("app.log", log, "db.txt", inactive)).ranksFirst("auth.user-account-missing-or-inactive")
                .doesNotReport("auth.user-credentials-invalid");
    }

    @Test
    void theAuthServiceNamingAnInactiveUserPointsAtTheAccountNotThePassword() {
        Diagnosis d = evidence("app.log", lines(
                "2026-02-09 08:02:41,138 - app.auth - WARNING - login failed email=m.ito@desk.example reason=account_disabled",
                "2026-02-09 08:02:41,435 - uvicorn.access - INFO - 10.1.4.31:58900 - \"POST /auth/login HTTP/1.1\" 401"));
        assertThat(d).recognises("auth.user-missing-or-inactive").ranksFirst("auth.user-account-missing-or-inactive");
    }

    @Test
    void aFreshTokenRejectedAgainstACachedSessionRightAfterLoginIsAStaleSessionToken() {
        String login = "2026-02-09 09:06:10,936 - uvicorn.access - INFO - 10.1.4.40:50027 - \"POST /auth/login HTTP/1.1\" 200";
        String rejected = "2026-02-09 09:06:11,363 - app.auth.tokens - WARNING - access token rejected for user 7: jti mismatch with cached session";
        assertThat(evidence("app.log", lines(login, rejected))).ranksFirst("auth.session-token-expired");
        assertThat(evidence("app.log", lines(login))).doesNotReport("auth.session-token-expired");
    }
}
