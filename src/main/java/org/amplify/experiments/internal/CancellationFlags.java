package org.amplify.experiments.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What tells a running experiment on this node to stop at its next step: a cancel (per experiment)
 * or the application shutting down (all of them). A cancel is also stored in the database, which a
 * run checks about once a second, so that a cancel made on another node reaches it too.
 */
@Component
public class CancellationFlags {

    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    public void cancel(long experimentId) {
        cancelled.add(experimentId);
    }

    public boolean isCancelled(long experimentId) {
        return cancelled.contains(experimentId);
    }

    public void forget(long experimentId) {
        cancelled.remove(experimentId);
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** Published before any bean is destroyed: runs stop while the database is still there. */
    @EventListener(ContextClosedEvent.class)
    void onShutdown() {
        shuttingDown = true;
    }
}
