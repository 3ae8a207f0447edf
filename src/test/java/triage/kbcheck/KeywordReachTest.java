package triage.kbcheck;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which alternatives of a regex a line can reach only through one of the pattern's keywords. */
class KeywordReachTest {

    private static List<String> dead(String regex, String... keywords) {
        return KeywordReach.unreachable(RegexTree.parse(regex), List.of(keywords));
    }

    @Test
    void anAlternativeWithoutAKeywordIsDead() {
        assertThat(dead("(?i)connection refused|ECONNREFUSED|connect failed", "connection refused", "econnrefused"))
                .containsExactly("connect failed");
    }

    @Test
    void alternativesInsideTheOutermostGroupAreNamedOneByOne() {
        assertThat(dead("(?i)\\b(?:order rejected|insufficient (?:balance|margin)|too many requests)\\b",
                "rejected", "insufficient"))
                .containsExactly("too many requests");
    }

    @Test
    void aKeywordInEveryAlternativeOfARequiredGroupReachesTheWhole() {
        assertThat(dead("exchange (?:timeout|timed out) after (?<value>\\d+) ?ms", "timeout", "timed out")).isEmpty();
        assertThat(dead("exchange (?:timeout|timed out) after (?<value>\\d+) ?ms", "timeout")).containsExactly("timed out");
    }

    @Test
    void onlyTextEveryMatchContainsCounts() {
        // the keyword sits in an optional part, or is split by \s+, or is case-folded differently: all may be missed
        assertThat(dead("disk(?: full)? error", "full")).containsExactly("disk(?: full)? error");
        assertThat(dead("listen ?key failed", "listen key")).containsExactly("listen ?key failed");
        assertThat(dead("connection\\s+reset", "connection reset")).containsExactly("connection\\s+reset");
        assertThat(dead("(?i)Connection Reset by peer", "connection reset")).isEmpty();
        assertThat(dead("ab+c", "abbc")).containsExactly("ab+c");
        assertThat(dead("ab+c", "bc")).isEmpty();
    }

    @Test
    void anchorsAndBoundariesDoNotSplitTheText() {
        assertThat(dead("^ERROR\\b: feed down$", "error: feed")).isEmpty();
    }

    @Test
    void aKeywordSpelledAcrossAGroupAndTheTextBeforeItReachesEachAlternative() {
        assertThat(dead("code=-10(?:03|15)\\b", "-1003", "-1015")).isEmpty();
        assertThat(dead("code=-10(?:03|15|16)\\b", "-1003", "-1015")).containsExactly("16");
        assertThat(dead("(?i)slow (?:request|response|query) took", "slow request", "slow query")).containsExactly("response");
    }

    @Test
    void aLookaheadEveryAlternativeOfWhichHasAKeywordReachesTheLine() {
        assertThat(dead("(?=.*(?:halted|stopped)).*trading", "halted", "stopped")).isEmpty();
        assertThat(dead("(?=.*(?:halted|stopped)).*trading", "halted")).hasSize(1);
    }

    @Test
    void anOptionalPieceIsJudgedBothLeftOutAndThere() {
        assertThat(dead("listen ?key failed", "listen key", "listenkey")).isEmpty();
        assertThat(dead("trading (?:is )?halted", "trading halted", "trading is halted")).isEmpty();
        assertThat(dead("trading (?:is )?halted", "trading halted")).hasSize(1);
    }

    @Test
    void aSmallCharacterClassIsAChoiceOfItsCharacters() {
        assertThat(dead("risk[ _-]check failed", "risk check", "risk_check", "risk-check")).isEmpty();
        assertThat(dead("risk[ _-]check failed", "risk check", "risk_check")).containsExactly("risk[ _-]check failed");
        assertThat(dead("code -100[1-3]", "-1001", "-1002", "-1003")).isEmpty();
        assertThat(dead("risk[^a]check", "risk check")).hasSize(1);
    }

    @Test
    void aCompoundKeywordReachesWhereEveryPartIsInEveryMatch() {
        assertThat(dead("(?i)(?:\\b(?:quote|tick)s?\\s+(?<subject>[A-Z]\\w*)\\s+received\\b|\\d+ ticks/s)",
                "received && tick", "received && quote", "ticks/")).isEmpty();
        assertThat(dead("(?i)(?:\\b(?:quote|tick)s?\\s+(?<subject>[A-Z]\\w*)\\s+received\\b|\\d+ ticks/s)",
                "received && tick", "ticks/")).containsExactly("\\b(?:quote|tick)s?\\s+(?<subject>[A-Z]\\w*)\\s+received\\b");
        assertThat(dead("(?i)^(?=.*\\border\\b).*?\\blatency_us\\s*[:=]\\s*(?<value>\\d+)", "latency_us && order")).isEmpty();
        assertThat(dead("(?i)^.*?\\blatency_us\\s*[:=]\\s*(?<value>\\d+)", "latency_us && order")).hasSize(1);
    }
}
