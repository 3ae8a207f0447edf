package triage.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import triage.facts.Against;
import triage.facts.Finding;
import triage.facts.Support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one diagnosis session over a shared {@link RuleBase}: inserts the facts, fires the rules
 * under a firing limit and a time limit, and collects what the rules concluded. A limit hit stops
 * the rules and is a warning naming the busiest rule: what was concluded until then is kept. Thread-safe: every
 * call has its own session, taken from a pool over the shared, immutable KieBase and reset when the
 * call returns it (a pooled session costs about half of a new one).
 */
public final class SessionRunner implements AutoCloseable {

    public static final int DEFAULT_FIRING_LIMIT = 100_000;
    /**
     * The firing limit grows with the facts: rules whose joins relate their facts fire a few times per
     * fact, so only a loop (or a join of unrelated facts) reaches this many firings per fact.
     */
    static final int FIRINGS_PER_FACT = 20;
    public static final long DEFAULT_TIME_LIMIT_MS = 10_000;
    /**
     * The time limit grows with the facts too (100,000 facts: 50 s): matching costs time in proportion to
     * the facts, and the limit is there to stop a runaway, not a large but ordinary bundle.
     */
    static final double MS_PER_FACT = 0.5;

    private static volatile Consumer<String> firingObserver;

    private final RuleBase rules;
    private final int firingLimit;
    private final long timeLimitMs;
    private final ScheduledExecutorService watchdog;
    private volatile KieSessionsPool pool;

    public SessionRunner(RuleBase rules) {
        this(rules, DEFAULT_FIRING_LIMIT, DEFAULT_TIME_LIMIT_MS);
    }

    public SessionRunner(RuleBase rules, int firingLimit, long timeLimitMs) {
        this.rules = rules;
        this.firingLimit = firingLimit;
        this.timeLimitMs = timeLimitMs;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "triage-rule-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.pool = newPool();
    }

    /**
     * Extension point for the test suite, off by default: from now on the observer is told the name of
     * every rule that fires, in every session of every runner, on the thread that called {@link #run}.
     * The tests record with it which rules they exercise ({@code kb coverage} lists the rules none fires).
     * {@code null} switches it off again. Returns the observer it replaces, so that a test can put it back.
     */
    public static Consumer<String> observeFirings(Consumer<String> observer) {
        Consumer<String> previous = firingObserver;
        firingObserver = observer;
        return previous;
    }

    private KieSessionsPool newPool() {
        return rules.kieBase().newKieSessionsPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public SessionResult run(Collection<?> facts) {
        int firingLimit = (int) Math.min(Integer.MAX_VALUE,
                Math.max((long) this.firingLimit, (long) FIRINGS_PER_FACT * facts.size()));
        long timeLimitMs = Math.max(this.timeLimitMs, (long) (MS_PER_FACT * facts.size()));
        Justifications justifications = new Justifications();
        KieSessionsPool from = pool;
        KieSession session = from.newKieSession();
        AtomicBoolean timedOut = new AtomicBoolean();
        Consumer<String> observer = firingObserver;
        AgendaEventListener observing = observer == null ? null : new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                observer.accept(event.getMatch().getRule().getName());
            }
        };
        try {
            session.addEventListener((AgendaEventListener) justifications);
            if (observing != null) {
                session.addEventListener(observing);
            }
            session.addEventListener((RuleRuntimeEventListener) justifications);
            for (Object fact : facts) {
                session.insert(fact);
            }
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                timedOut.set(true);
                session.halt();
            }, timeLimitMs, TimeUnit.MILLISECONDS);
            int fired;
            try {
                fired = session.fireAllRules(firingLimit);
            } finally {
                alarm.cancel(false);
            }
            List<String> warnings = new ArrayList<>();
            if (timedOut.get()) {
                warnings.add(runaway("kept the rules firing for more than " + timeLimitMs + " ms", justifications));
            } else if (fired >= firingLimit) {
                warnings.add(runaway("fired past the limit of " + firingLimit + " rule firings", justifications));
            }
            List<Support> supports = new ArrayList<>();
            List<Against> against = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            Map<Object, SessionResult.Trace> traces = new IdentityHashMap<>();
            // the session hands its facts out in identity-hash order, which differs from run to run: listed in the
            // order they were concluded, the same evidence always gives the same diagnosis, down to its citations
            List<Object> concluded = new ArrayList<>(session.getObjects());
            concluded.sort(java.util.Comparator.comparingInt(o -> {
                Justifications.Justification j = justifications.of(o);
                return j == null ? Integer.MAX_VALUE : j.order();
            }));
            for (Object o : concluded) {
                if (o instanceof Support s) {
                    supports.add(s);
                } else if (o instanceof Against a) {
                    against.add(a);
                } else if (o instanceof Finding f) {
                    findings.add(f);
                } else {
                    continue;
                }
                Justifications.Justification j = justifications.of(o);
                if (j != null) {
                    traces.put(o, new SessionResult.Trace(j.rule(), j.facts()));
                }
            }
            return new SessionResult(supports, against, findings, traces::get, fired, warnings,
                    justifications.firingsByRule());
        } finally {
            session.removeEventListener((AgendaEventListener) justifications);
            session.removeEventListener((RuleRuntimeEventListener) justifications);
            if (observing != null) {
                session.removeEventListener(observing);
            }
            session.dispose(); // back to the pool, reset
            if (timedOut.get()) {
                // a halted session is not handed out again: start a fresh pool (runaways are rare)
                synchronized (this) {
                    if (pool == from) {
                        pool = newPool();
                        from.shutdown();
                    }
                }
            }
        }
    }

    /** A stopped session still holds what the rules concluded until then: that is reported, with this warning. */
    private String runaway(String what, Justifications justifications) {
        String rule = justifications.busiestRule();
        return rules.fileOf(rule) + ": rule \"" + rule + "\" " + what + " (" + justifications.firingsOf(rule)
                + " firings of " + justifications.total() + "); the diagnosis holds what was concluded until the rules were stopped";
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.shutdown();
    }
}
