package triage.web;

import triage.consult.Complaint;
import triage.consult.Consultation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consultations under way in the web console, each owned by the browser session that started it;
 * the engine is the same {@link Consultation} as {@code triage consult}. At most {@link #MAX} are kept,
 * the least recently used going first.
 */
final class ConsultSessions {

    static final int MAX = 200;

    /** One consultation: its engine, whose session owns it, and the answers given in words, for the page. */
    static final class Entry {
        final String id;
        final String owner;
        final Consultation consultation;
        final List<String> transcript = new ArrayList<>();
        Long savedIncident;

        Entry(String id, String owner, Consultation consultation) {
            this.id = id;
            this.owner = owner;
            this.consultation = consultation;
        }

        Optional<Complaint> complaint() {
            return Optional.ofNullable(consultation.complaint());
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    synchronized Entry start(String owner, Consultation consultation) {
        byte[] b = new byte[12];
        random.nextBytes(b);
        Entry e = new Entry(HexFormat.of().formatHex(b), owner, consultation);
        entries.put(e.id, e);
        while (entries.size() > MAX) {
            entries.remove(entries.keySet().iterator().next());
        }
        return e;
    }

    /** The consultation, if this session owns it. */
    synchronized Optional<Entry> find(String id, String owner) {
        Entry e = entries.get(id);
        return e != null && e.owner.equals(owner) ? Optional.of(e) : Optional.empty();
    }
}
