package org.amplify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps background work alive across a database outage. JobRunr's background job server stops
 * itself when it cannot reach its storage for a while (it then stays stopped, and health says
 * {@code JobRunr: DOWN}); this watchdog checks every few seconds, and once the database answers again
 * it starts the server anew, so rounds and experiments queued after the outage run without a restart
 * of the app. It starts watching when the application is ready (the job server starts then) and stops
 * when the application closes.
 */
@Component
class BackgroundJobServerWatchdog {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobServerWatchdog.class);

    private final ObjectProvider<BackgroundJobServer> server;
    private final DataSource dataSource;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    BackgroundJobServerWatchdog(ObjectProvider<BackgroundJobServer> server, DataSource dataSource,
            @Value("${amplify.jobs.watchdog-interval:5s}") Duration interval) {
        this.server = server;
        this.dataSource = dataSource;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        if (server.getIfAvailable() == null) {
            return; // no job server on this node
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-server-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stopWatching() {
        ScheduledExecutorService running = timer;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** Starts the job server again when it stopped and the database answers; true when it did. */
    boolean check() {
        BackgroundJobServer jobs = server.getIfAvailable();
        if (jobs == null || jobs.isRunning() || !databaseAnswers()) {
            return false;
        }
        try {
            log.warn("The background job server had stopped (the database was unreachable); starting it again");
            jobs.start();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not start the background job server again yet: {}", e.toString());
            return false;
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
