package org.amplify.distillation.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What tells a running round on this node to stop at its next step: a cancel, or the application shutting down. */
@Component
public class RoundFlags {

    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    public void cancel(long roundId) {
        cancelled.add(roundId);
    }

    boolean isCancelled(long roundId) {
        return cancelled.contains(roundId);
    }

    void forget(long roundId) {
        cancelled.remove(roundId);
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    @EventListener(ContextClosedEvent.class)
    void onShutdown() {
        shuttingDown = true;
    }
}
