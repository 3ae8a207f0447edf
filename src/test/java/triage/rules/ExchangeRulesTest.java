package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/exchange.drl: 003 section 2.2, exchange connection failures. */
class ExchangeRulesTest {

    @Test
    void repeatedRateLimitResponsesRankRateLimitingFirst() {
        Diagnosis d = given(seen("exchange.http-429", 12));
        assertThat(d).ranksFirst("exchange.rate-limited")
                .firedRule("Repeated rate-limit responses mean the exchange is throttling us");
    }

    @Test
    void aSingleRateLimitThatRecoversIsNotReported() {
        Diagnosis d = given(seen("exchange.http-429", 1), seen("exchange.requests-succeed-after-backoff"));
        assertThat(d).doesNotReport("exchange.rate-limited");
    }

    @Test
    void binanceRateLimitLogLinesAreRecognised() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-05-06 09:10:01,120 - exchanges.binance - ERROR - binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests; current limit is 1200 requests per minute.\"}",
                "2026-05-06 09:10:02,311 - exchanges.binance - ERROR - binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests; current limit is 1200 requests per minute.\"}",
                "2026-05-06 09:10:03,007 - exchanges.binance - ERROR - APIError(code=-1003): Way too much request weight used; IP banned until 1618636066762."));
        assertThat(d).ranksFirst("exchange.rate-limited");
        org.assertj.core.api.Assertions.assertThat(d.causes().get(0).evidence())
                .anySatisfy(e -> org.assertj.core.api.Assertions.assertThat(e.source()).endsWith("exchanges.log:1"));
    }

    @Test
    void exchangeErrorsWithAWorkingNetworkMeanAnOutage() {
        Diagnosis d = given(seen("exchange.api-unavailable", 5), seen("exchange.connection-failed", 3));
        assertThat(d).ranksFirst("exchange.api-outage").planStartsByStoppingDamage();
    }

    @Test
    void exchangeErrorsWhileTheNetworkIsDownAreNotBlamedOnTheExchange() {
        Diagnosis d = given(seen("exchange.api-unavailable", 5), seen("network.dns-lookup-failed", 4));
        assertThat(d).ranksFirst("network.dns-resolution-failure").doesNotReport("exchange.api-outage");
    }
}
