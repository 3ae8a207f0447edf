package triage.consult;

import org.junit.jupiter.api.Test;

class EvalDebugTest {
    @Test
    void one() {
        for (String cause : System.getProperty("causes", "auth.user-account-missing-or-inactive").split(",")) {
            SimulatedUser user = new SimulatedUser(cause, SimulatedUser.bundleOf(cause).orElseThrow(), Boolean.getBoolean("strict"));
            String complaint = Scripted.COMPLAINTS.all().stream().filter(c -> c.causes().contains(cause))
                    .map(Complaint::id).findFirst().orElse(null);
            int[] n = {0};
            Scripted.Run run = Scripted.person(Scripted.consultation(complaint), id -> n[0]++ >= 30 ? "quit" : user.answer(id));
            System.out.println("=== " + cause + " " + user.symptoms());
            System.out.println(run.transcript().lines().filter(l -> !l.startsWith("#  ") ).limit(120).reduce("", (a, b) -> a + b + "\n"));
        }
    }
}
