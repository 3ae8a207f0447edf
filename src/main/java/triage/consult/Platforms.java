package triage.consult;

import triage.facts.Citation;
import triage.facts.Symptom;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which platform the evidence comes from, when its files or lines name one. */
final class Platforms {

    /** Words that name a platform in file names and log lines. */
    private static final Map<String, String> MARKERS = Map.of(
            "nautilus", "nautilus", "hft_system", "hft", "hft-", "hft", "py_rt", "pyrt", "pyrt", "pyrt",
            "tmt-", "tmt", "tmt_", "tmt", "sprint3", "sprint3", "sprint 3", "sprint3");

    private Platforms() {
    }

    static Optional<String> detect(Collection<Symptom> symptoms, Collection<String> known) {
        for (Symptom s : symptoms) {
            for (Citation c : s.citations()) {
                String text = (c.source() + " " + c.text()).toLowerCase(Locale.ROOT);
                for (Map.Entry<String, String> m : MARKERS.entrySet()) {
                    if (text.contains(m.getKey()) && known.contains(m.getValue())) {
                        return Optional.of(m.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
