package triage.output;

import triage.diagnosis.Diagnosis;

/** Turns a diagnosis into text for people or machines. */
public interface Renderer {
    String render(Diagnosis diagnosis, boolean explain);

    static Renderer forFormat(String format) {
        return Format.parse(format).renderer();
    }
}
