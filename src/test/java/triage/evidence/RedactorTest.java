package triage.evidence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets never survive into anything the tool keeps or prints. */
class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A | vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
            "APCA-API-SECRET-KEY: 9xZqLm3Ktp0aBcDeFgHiJkLmNoPqRsTuVwXyZ012 | 9xZqLm3Ktp0aBcDeFgHiJkLmNoPqRsTuVwXyZ012",
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "postgresql://trader:S3cr3tPassw0rd@db.internal:5432/trading | S3cr3tPassw0rd",
            "GET /api/v3/order?symbol=BTCUSDT&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71 | c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
            "BINANCE_API_SECRET=NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j | NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
            "\"api_key\": \"abcd1234efgh5678\" | abcd1234efgh5678",
            "password=hunter2hunter2 | hunter2hunter2",
            "slack_api_url: https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX | T000/B000/XXXXXXXXXXXXXXXX",
            "-----BEGIN RSA PRIVATE KEY----- | BEGIN RSA PRIVATE KEY",
    })
    void secretsAreMasked(String line, String secret) {
        String redacted = Redactor.redact(line);
        assertThat(redacted).doesNotContain(secret).contains(Redactor.MASK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "binance 429 Too Many Requests {\"code\":-1003}",
            "Nov 12 12:50:01 tmt-prod-01 uvicorn[2101]: INFO: 127.0.0.1:40919 - \"GET /health HTTP/1.1\" 200 OK",
            "FATAL:  password authentication failed for user \"trader\"",
    })
    void ordinaryLinesAreLeftAlone(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }
}
