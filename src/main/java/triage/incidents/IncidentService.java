package triage.incidents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The store and the notifier together, as the service uses them: record what was received and
 * concluded, announce what is new, prune by the retention settings (at start and hourly).
 */
public final class IncidentService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

    private final IncidentStore store;
    private final Notifier notifier;
    private final NotificationConfig config;
    private final ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "triage-retention");
        t.setDaemon(true);
        return t;
    });

    public IncidentService(IncidentStore store, NotificationConfig config) {
        this.store = store;
        this.config = config;
        this.notifier = new Notifier(store, config);
        retention.scheduleWithFixedDelay(this::prune, 0, 1, TimeUnit.HOURS);
    }

    public IncidentStore store() {
        return store;
    }

    /** Records a receipt and, when it made a new incident or revision, sends it on (asynchronously). */
    public IncidentStore.Recorded record(Receipt receipt) {
        IncidentStore.Recorded rec = store.record(receipt);
        notifier.recorded(rec);
        return rec;
    }

    private void prune() {
        try {
            int n = store.prune(config.retention().maxAge(), config.retention().maxCount());
            if (n > 0) {
                log.atInfo().setMessage("incidents pruned").addKeyValue("deleted", n).log();
            }
        } catch (RuntimeException e) {
            log.atWarn().setMessage("pruning incidents failed").addKeyValue("error", e.getMessage()).log();
        }
    }

    @Override
    public void close() throws InterruptedException {
        retention.shutdownNow();
        notifier.close();
        store.close();
    }
}
