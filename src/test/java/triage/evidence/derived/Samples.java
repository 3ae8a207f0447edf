package triage.evidence.derived;

import java.util.ArrayList;
import java.util.List;

/** Series for the derivation tests: one sample per value, one millisecond apart, in order. */
final class Samples {

    private Samples() {
    }

    static List<Sample> values(double... v) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(new Sample(0, i, v[i]));
        }
        return out;
    }
}
