package triage.consult;

import org.junit.jupiter.api.Test;
import triage.facts.Reply;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven defects of issue 16, each shown through the line protocol: what a support engineer types and
 * what the consultation prints back.
 */
class ConsultDefectsTest {

    private static String firstQuestion(String complaint) {
        Scripted.Run run = Scripted.script(Scripted.consultation(complaint), false, "", null);
        return run.questions().get(0).substring(2).split(" ", 2)[0];
    }

    /** A consultation from the complaint, with the answers given so far, whose next question is about {@code symptom}. */
    private static Scripted.Run askedAbout(String complaint, String symptom, String answer) {
        boolean[] done = {false};
        return Scripted.person(Scripted.consultation(complaint), id -> {
            if (done[0]) {
                return null;
            }
            if (id.equals(symptom)) {
                done[0] = true;
                return answer;
            }
            // the family the symptom belongs to: the person reads that screen, so the member is asked next
            if (Scripted.QUESTIONS.group(id).map(g -> g.members().contains(symptom)).orElse(false)) {
                return "yes";
            }
            return "unknown";
        });
    }

    // 1 ---------------------------------------------------------------- numbers against the threshold

    @Test
    void aValueBelowTheThresholdIsRecordedAsNoAndEchoed() {
        Scripted.Run run = askedAbout("slow-or-high-latency", "network.rtt-high", "24");
        assertThat(run.lines()).contains("# recorded: network.rtt-high 24 ms -> below 100 ms: no");
        assertThat(run.outcome().asked()).last().isEqualTo("network.rtt-high");
        assertThat(run.outcome().diagnosis().causes()).noneMatch(h -> h.id().equals("network.high-rtt-to-exchange"));
    }

    @Test
    void aValueAtOrAboveTheThresholdIsRecordedAsYes() {
        Scripted.Run run = askedAbout("slow-or-high-latency", "network.rtt-high", "180");
        assertThat(run.lines()).contains("# recorded: network.rtt-high 180 ms -> at or above 100 ms: yes");
    }

    @Test
    void aValueBelowAThresholdThatIsAlsoTheSymptomsMinimumIsAnAnswerNotOutOfRange() {
        // "3000 ms or more" is both the question's threshold and the symptom's minimum: a page that loads in
        // 1500 ms is a "no", not a value to be asked again (a person answering truthfully was stuck in a loop)
        Scripted.Run run = askedAbout("dashboard-or-websocket", "ui.page-load-slow", "1500");
        assertThat(run.transcript()).doesNotContain("! out of range");
        assertThat(run.lines()).contains("# recorded: ui.page-load-slow 1500 ms -> below 3000 ms: no");
        assertThat(run.lines()).anyMatch(l -> l.startsWith("? ui.page-load-slow ") && !l.contains("3000.."));
    }

    @Test
    void aNegativeOrImpossibleValueIsAskedAgain() {
        Scripted.Run run = Scripted.script(Scripted.consultation("slow-or-high-latency"), false, "-5\n", null);
        assertThat(run.questions().get(0)).startsWith("? network.rtt-high ");
        assertThat(run.transcript()).contains("! ");
        assertThat(run.outcome().asked()).isEmpty();
    }

    @Test
    void aYesNoQuestionTakesNoNumberUnlessItAsksHowMany() {
        String q = firstQuestion("orders-not-placed");
        Scripted.Run run = Scripted.script(Scripted.consultation("orders-not-placed"), false, "7\nno\n", null);
        assertThat(run.transcript()).contains("! a number is not an answer to this question");
        assertThat(run.lines()).contains("# recorded: " + q + ": no");
        assertThat(run.outcome().asked()).containsExactly(q);
    }

    @Test
    void everyAnswerIsEchoedAsRecorded() {
        String q = firstQuestion("orders-not-placed");
        Scripted.Run run = Scripted.script(Scripted.consultation("orders-not-placed"), false, "unknown\n", null);
        assertThat(run.lines()).contains("# recorded: " + q + ": unknown");
    }

    // 2 ---------------------------------------------------------------- no early stop

    @Test
    void aWrongSecretIsNotEstablishedWhileTheClockItAssumesInSyncIsUnasked() {
        // invalid signatures make a wrong secret only "while the clock shows no offset": the clock is asked,
        // and a clock in sync leaves the wrong secret established
        Set<String> network = Set.of("network.dns-lookup-failed", "network.connect-timeout", "network.exchange-unreachable",
                "network.route-missing", "network.firewall-denies-outgoing", "exchange.api-unavailable",
                "auth.api-key-rejected", "exchange.http-429", "host.clock-offset");
        Scripted.Run run = Scripted.person(Scripted.consultation("exchange-connection-failed"),
                Scripted.answering(Set.of("auth.invalid-signature"), network));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("auth.invalid-signature", "host.clock-offset");
        assertThat(run.outcome().asked().indexOf("host.clock-offset")).isGreaterThan(run.outcome().asked().indexOf("auth.invalid-signature"));
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("auth.exchange-api-key-invalid");
    }

    @Test
    void theSameInvalidSignaturesWithTheClockOffAreTheClocksDoing() {
        Set<String> no = Set.of("network.dns-lookup-failed", "network.connect-timeout", "network.exchange-unreachable",
                "network.route-missing", "network.firewall-denies-outgoing", "exchange.api-unavailable",
                "auth.api-key-rejected", "exchange.http-429");
        Scripted.Run run = Scripted.person(Scripted.consultation("exchange-connection-failed"),
                Scripted.answering(Set.of("auth.invalid-signature", "host.clock-offset"), no));
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("host.clock-drift");
    }

    /**
     * Not met yet: if the key were also used from an unknown network, the compromised key would reach 0.85 and
     * suspicious trading 0.9, so the rules say that answer overturns nothing and it is not asked (docs/consultation.md).
     */
    @Test
    @org.junit.jupiter.api.Tag("target")
    void aCauseIsNotEstablishedWhileARivalThatExplainsTheSameAnswerIsUnchecked() {
        // unattributed orders are what both a compromised key and suspicious trading produce: the key's
        // own checks must be asked before either is established
        Scripted.Run run = Scripted.person(Scripted.consultation("suspicious-activity"),
                Scripted.answering(Set.of("security.unattributed-orders"), Set.of()));
        assertThat(run.outcome().asked()).hasSizeGreaterThan(1);
        assertThat(run.outcome().asked().get(0)).isEqualTo("security.unattributed-orders");
    }

    @Test
    void unattributedOrdersAreNotEstablishedAsSuspiciousTradingBeforeTheKeysOriginIsAsked() {
        // 004: suspicious trading and a compromised key are told apart by where the key was used from
        Scripted.Run run = Scripted.person(Scripted.consultation("suspicious-activity"),
                Scripted.answering(Set.of("security.unattributed-orders", "security.key-used-from-unknown-network"), Set.of()));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("security.key-used-from-unknown-network");
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("security.api-key-compromised");
    }

    @Test
    void unattributedOrdersFromAKnownNetworkAreSuspiciousTrading() {
        Scripted.Run run = Scripted.person(Scripted.consultation("suspicious-activity"),
                Scripted.answering(Set.of("security.unattributed-orders"), Set.of("security.key-used-from-unknown-network")));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("security.key-used-from-unknown-network");
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("security.suspicious-trading-activity");
        assertThat(run.outcome().reason()).isEqualTo(ConsultRunner.Reason.ESTABLISHED);
    }

    @Test
    void aPositionMismatchIsNotEstablishedBeforeAskingWhetherTheExchangeFilledTheOrder() {
        // 003 4.4: the exchange reporting the order filled while our position disagrees is a missed fill event
        Set<String> no = Set.of("orders.submission-timed-out", "orders.fill-not-found", "orders.fill-write-failed",
                "orders.fill-received", "data-integrity.position-sync-failing");
        Scripted.Run run = Scripted.person(Scripted.consultation("orders-stuck-or-fills-missing"),
                Scripted.answering(Set.of("data-integrity.position-discrepancy", "orders.exchange-reports-filled"), no));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("orders.exchange-reports-filled");
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("orders.fill-event-missed");
    }

    @Test
    void aPositionMismatchWhoseOrderTheExchangeDidNotFillStaysAPositionMismatch() {
        Set<String> no = Set.of("orders.submission-timed-out", "orders.fill-not-found", "orders.fill-write-failed",
                "orders.exchange-reports-filled");
        Scripted.Run run = Scripted.person(Scripted.consultation("orders-stuck-or-fills-missing"),
                Scripted.answering(Set.of("data-integrity.position-discrepancy"), no));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("orders.exchange-reports-filled");
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("data-integrity.position-mismatch");
    }

    @Test
    void aRuleNeedingTwoUnaskedSignsIsTriedWithBothBeforeTheClockIsEstablished() {
        // 003 8.3: rejected timestamps point at the clock, but invalid nonces after the nonce went backwards are a
        // wraparound; the wraparound's rule needs both, so the what-if supposes both and asks them
        Set<String> no = Set.of("orders.insufficient-funds-rejection", "orders.minimum-size-rejection", "orders.lot-size-rejection",
                "orders.order-type-rejection", "orders.modification-rejected", "exchange.http-429", "auth.api-key-rejected");
        Scripted.Run run = Scripted.person(Scripted.consultation("orders-rejected"), Scripted.answering(
                Set.of("exchange.timestamp-rejected", "exchange.nonce-invalid", "exchange.nonce-went-backwards"), no));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("exchange.nonce-invalid", "exchange.nonce-went-backwards");
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("exchange.nonce-wraparound");
    }

    // 3 ---------------------------------------------------------------- polarity

    @Test
    void yesToTheSilentPublisherQuestionRecordsThePublisherSilent() {
        Scripted.Run run = askedAbout("no-market-data", "market-data.publisher-silent", "yes");
        assertThat(run.questions()).anyMatch(q -> q.startsWith("? market-data.publisher-silent Is the publisher silent"));
        assertThat(run.lines()).contains("# recorded: market-data.publisher-silent: yes");
    }

    // 4 ---------------------------------------------------------------- reachability, and ending without a cause

    @Test
    void aRunThatEndsWithoutACausePrintsCandidatesDecidingChecksAndTheEscalation() {
        Scripted.Run run = Scripted.script(Scripted.consultation("exchange-connection-failed"), false, "quit\n", null);
        assertThat(run.transcript()).contains("# no cause established; candidates: ");
        assertThat(run.transcript()).contains("# checks that would decide: network.");
        assertThat(run.transcript()).contains("# escalate: ");
    }

    @Test
    void aFamilyQuestionAnsweredYesLeadsToItsMembersAndTheCause() {
        // 003 5.1: interface errors are fourteenth of eighteen causes of high latency; one question about the
        // network path (ip -s link, mtr) reaches them instead of one question per sign of every cause before
        Scripted.Run run = Scripted.person(Scripted.consultation("slow-or-high-latency"),
                Scripted.answering(Set.of("group.network-path-trouble", "network.nic-errors"), Set.of("network.rtt-high",
                        "group.host-cpu-strain", "group.queue-backlog-signs", "service.order-latency-high", "network.hop-loss",
                        "network.link-saturated")));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("group.network-path-trouble", "network.nic-errors");
        assertThat(run.outcome().top().orElseThrow().id()).as(run.transcript()).isEqualTo("network.interface-errors");
        assertThat(run.outcome().questions()).as(run.transcript()).isLessThanOrEqualTo(15);
    }

    @Test
    void aFamilyQuestionAnsweredNoRulesOutEveryMember() {
        Scripted.Run run = Scripted.person(Scripted.consultation("slow-or-high-latency"),
                Scripted.answering(Set.of(), Set.of("group.network-path-trouble")));
        assertThat(run.outcome().asked()).as(run.transcript()).contains("group.network-path-trouble");
        assertThat(run.outcome().asked()).as(run.transcript())
                .doesNotContain("network.nic-errors", "network.hop-loss", "network.link-saturated", "network.rtt-jitter");
        assertThat(run.lines()).contains("# recorded: group.network-path-trouble: no");
    }

    @Test
    void aFamilyQuestionAnsweredUnknownIsNotFollowedByItsMembersOneByOne() {
        // who cannot read the host's CPU figures cannot read them one at a time either
        Scripted.Run run = Scripted.person(Scripted.consultation("slow-or-high-latency"), Scripted.answering(Set.of(), Set.of()));
        List<String> asked = run.outcome().asked();
        int family = asked.indexOf("group.host-cpu-strain");
        assertThat(family).as(run.transcript()).isGreaterThanOrEqualTo(0);
        Questions.Group g = Scripted.QUESTIONS.group("group.host-cpu-strain").orElseThrow();
        assertThat(asked.subList(family + 1, asked.size())).as(run.transcript()).doesNotContainAnyElementsOf(g.members());
    }

    @Test
    void aFamilysNoIsSavedAndReadAsTheNoForEachMemberOnceAndNothingElse() {
        // the host's CPU and the feed handler's load share a member (one thread pegged): denied once; a member
        // answered on its own keeps its own answer
        Consultation c = Scripted.consultation("slow-or-high-latency");
        c.answer(new Consultation.Given("host.cpu-busy", triage.facts.Reply.UNKNOWN, Double.NaN, 1));
        c.answer(new Consultation.Given("group.host-cpu-strain", triage.facts.Reply.NO, Double.NaN, 1));
        c.answer(new Consultation.Given("group.feed-handler-load", triage.facts.Reply.NO, Double.NaN, 1));
        String saved = SymptomFileWriter.render(c);
        assertThat(saved).doesNotContain("group.");
        assertThat(saved).contains("  - symptom: host.context-switches-high\n    answer: no\n");
        assertThat(saved.split("symptom: service.thread-pegged\n", -1)).hasSize(2);
        assertThat(saved).contains("  - symptom: service.thread-pegged\n    answer: no\n");
        assertThat(saved.split("symptom: host.cpu-busy\n", -1)).hasSize(2);
        assertThat(saved).contains("  - symptom: host.cpu-busy\n    answer: unknown\n");
        List<triage.facts.Answer> facts = c.answerFacts(c.answers());
        assertThat(facts.stream().filter(a -> a.symptom().equals("service.thread-pegged"))).hasSize(1);
        assertThat(facts).noneMatch(a -> a.symptom().startsWith("group."));
    }

    // 5 ---------------------------------------------------------------- the leader never contradicts the answers

    @Test
    void noToTheApiErrorsDropsTheApiOutageFromTheLeaders() {
        Scripted.Run run = Scripted.person(Scripted.consultation("exchange-connection-failed"),
                Scripted.answering(Set.of(), Set.of("network.dns-lookup-failed", "network.connect-timeout",
                        "network.exchange-unreachable", "exchange.api-unavailable")));
        List<String> lines = run.lines();
        int answered = lines.indexOf("# recorded: exchange.api-unavailable: no");
        assertThat(answered).isPositive();
        assertThat(lines.subList(answered, lines.size())).noneMatch(l -> l.startsWith("= exchange.api-outage"));
        // and an answered check is never asked again
        assertThat(run.outcome().asked()).doesNotHaveDuplicates();
    }

    // 6 ---------------------------------------------------------------- typed text is evidence

    @Test
    void aPastedErrorLineIsRecognisedAsEvidence() {
        Scripted.Run run = Scripted.script(Scripted.consultation(null), true,
                "FATAL:  password authentication failed for user \"hft_user\"\n", null);
        assertThat(run.transcript()).contains("# recognised in what you typed: database.auth-failed");
        assertThat(run.outcome().diagnosis().causes()).extracting(h -> h.id()).contains("database.wrong-credentials");
    }

    @Test
    void severalMatchingComplaintsAreListedToPickAndTheChoiceIsEchoed() {
        Scripted.Run run = Scripted.script(Scripted.consultation(null), true, "fills rejected\n3\n", null);
        assertThat(run.transcript()).contains("# several complaints match 'fills rejected':");
        assertThat(run.transcript()).contains("# complaint " + Scripted.COMPLAINTS.all().get(2).id() + ": ");
    }

    @Test
    void aComplaintGivenUpFrontIsEchoed() {
        Scripted.Run run = Scripted.script(Scripted.consultation("orders-not-placed"), false, "", null);
        assertThat(run.lines().get(1)).startsWith("# complaint orders-not-placed: ");
    }

    // 7 ---------------------------------------------------------------- plain language

    @Test
    void whyNamesTheRuleAsIfThen() {
        Scripted.Run run = Scripted.script(Scripted.consultation("orders-not-placed"), false, "why\n", null);
        assertThat(run.transcript()).containsPattern("# why [a-z.-]+: I am asking because rule \"[^\"]+\" \\([^)]+\\) needs it: if .+, then .+ \\(certainty 0\\.\\d+\\)");
    }

    @Test
    void suspectsAreShownFromTheFirstQuestionAndBackNamesTheAnswerItUndid() {
        String q = firstQuestion("orders-not-placed");
        Scripted.Run run = Scripted.script(Scripted.consultation("orders-not-placed"), false, "no\nback\n", null);
        assertThat(run.lines().get(2)).startsWith("# suspects: orders.trading-disabled");
        assertThat(run.lines()).contains("# undone: " + q + ": no");
    }

    @Test
    void theCpuQuestionSpeaksOfIdleLikeItsUnit() {
        assertThat(triage.testing.TestTriage.get().knowledgeBase().symptoms().get("host.cpu-busy").question()).contains("idle")
                .doesNotContain("busy");
    }

    @Test
    void theRecordedAnswerOfAValueIsNotAYesWhenBelow() {
        Consultation c = Scripted.consultation("slow-or-high-latency");
        Scripted.script(c, false, "24\n", null);
        assertThat(c.answers()).singleElement().satisfies(g -> assertThat(g.reply()).isEqualTo(Reply.NO));
    }
}
