package triage.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers: a random session id (the HttpOnly, SameSite=Strict cookie) with its own CSRF
 * token, which every form carries back. Sessions live in memory and expire after {@link #IDLE_MS} idle.
 */
final class Sessions {

    static final String COOKIE = "triage_session";
    static final long IDLE_MS = 8L * 3600 * 1000;

    record Session(String id, String csrf, long lastSeen) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Session create() {
        Session s = new Session(token(), token(), System.currentTimeMillis());
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        long now = System.currentTimeMillis();
        if (s == null || now - s.lastSeen() > IDLE_MS) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.csrf(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    void remove(String id) {
        sessions.remove(id);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
