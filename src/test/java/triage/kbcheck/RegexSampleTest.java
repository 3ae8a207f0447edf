package triage.kbcheck;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** RegexSample writes a string a gate admits, for the gates command-output patterns use. */
class RegexSampleTest {

    private static String admitted(String gate) {
        Pattern p = Pattern.compile(gate, Pattern.CASE_INSENSITIVE);
        return RegexSample.candidates(gate).stream().filter(c -> p.matcher(c).find()).findFirst().orElse(null);
    }

    @Test
    void writesACommandTheGateAdmits() {
        List<String> gates = List.of(
                "(?:^|\\W)du\\b",
                "systemctl\\s+(?:-\\S+\\s+)*status\\s+(?:-\\S+\\s+)*[\\w@.-]*redis[\\w@.-]*(?:\\s+-\\S+)*\\s*(?:\\|.*)?$",
                "^(?!.*(?:redis|postgres)).*systemctl",
                "(?i)websocket|ws[-_]?stats|/ws\\b",
                "(?i)count\\(\\*\\)\\s+FROM\\s+pg_stat_activity(?:\\s+WHERE\\s+datname\\s*=\\s*'\\w+')?\\s*;?\\s*[\"']?\\s*$",
                "-M\\s*do|-s\\s*1[3-4]\\d\\d|-s\\s*89\\d\\d|tracepath|pmtu",
                "(?i)redis-cli.*\\bp?subscribe\\b",
                "(?:/environ|printenv|(?<![.\\w/])env\\s*\\|).*(?:APCA_|API_KEY)");
        for (String gate : gates) {
            assertThat(admitted(gate)).as(gate).isNotNull();
        }
        assertThat(admitted("(?:^|\\W)du\\b")).isEqualTo("du");
        assertThat(admitted("systemctl\\s+status\\s+[\\w@.-]*redis")).isEqualTo("systemctl status redis");
    }

    @Test
    void aGateThatOnlyLooksAheadGetsNoGuess() {
        assertThat(admitted("(?i)^(?=.*pg_stat_statements)(?=.*\\bcalls\\b)")).isNull();
    }
}
