package org.amplify;

import jakarta.annotation.PostConstruct;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This node among the app's nodes on one PostgreSQL. Every node heartbeats in {@code app_nodes}; a
 * run (a round, an experiment, an adversarial search) records the node that claimed it. The node's id
 * ({@code amplify.node-id}) defaults to the host name and the data directory, so it is the same
 * after a restart: a starting node knows which runs it left behind when it stopped or was killed.
 *
 * <p>Every heartbeat, the modules' {@link OrphanedRuns} mark as INTERRUPTED the runs of nodes that
 * stopped heartbeating for longer than {@code amplify.nodes.timeout}; a live node's runs are never
 * touched.
 */
@Component
public class AppNodes {

    private static final Logger log = LoggerFactory.getLogger(AppNodes.class);

    /** What a module does with runs whose node is gone. */
    public interface OrphanedRuns {

        /** Marks INTERRUPTED the RUNNING runs of nodes that are gone (never QUEUED ones, never this node's). */
        void interruptOrphaned(AppNodes nodes);
    }

    private final JdbcTemplate jdbc;
    private final String id;
    private final Duration heartbeat;
    private final Duration timeout;
    private final ObjectProvider<OrphanedRuns> orphans;
    private ScheduledExecutorService timer;

    AppNodes(JdbcTemplate jdbc, AmplifyProperties amplify, ObjectProvider<OrphanedRuns> orphans,
            @Value("${amplify.node-id:}") String configuredId,
            @Value("${amplify.nodes.heartbeat:5s}") Duration heartbeat,
            @Value("${amplify.nodes.timeout:30s}") Duration timeout) {
        this.jdbc = jdbc;
        this.orphans = orphans;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
        this.id = configuredId.isBlank() ? hostName() + ":" + amplify.dataDir().toAbsolutePath().normalize()
                : configuredId;
    }

    /** This node's id, recorded in the runs it claims. */
    public String id() {
        return id;
    }

    /** How long a node may miss heartbeats before its runs count as orphaned, in seconds. */
    public double timeoutSeconds() {
        return timeout.toMillis() / 1000.0;
    }

    /** Whether another node heartbeated within the timeout (it may then take queued runs). */
    public boolean othersAlive() {
        Integer others = jdbc.queryForObject("""
                SELECT count(*) FROM app_nodes WHERE node_id <> ? AND heartbeat_at > now() - make_interval(secs => ?)""",
                Integer.class, id, timeoutSeconds());
        return others != null && others > 0;
    }

    /** The nodes alive now (this one included). */
    public List<String> alive() {
        return jdbc.queryForList("SELECT node_id FROM app_nodes WHERE heartbeat_at > now() - make_interval(secs => ?)",
                String.class, timeoutSeconds());
    }

    /** A condition on a run table's {@code status} and {@code owner_node}, with its parameters. */
    public record Condition(String sql, Object... parameters) {

        /** The parameters of a statement whose own parameter {@code first} comes before the condition's. */
        public Object[] after(Object first) {
            Object[] all = new Object[parameters.length + 1];
            all[0] = first;
            System.arraycopy(parameters, 0, all, 1, parameters.length);
            return all;
        }
    }

    /**
     * The runs a starting node marks INTERRUPTED: RUNNING ones it ran itself before it stopped, of no
     * recorded node, or of a node that is gone; QUEUED ones only when no other node is alive (one
     * that is may take them).
     */
    public Condition leftAtStart() {
        return new Condition("""
                (status = 'RUNNING' AND (owner_node IS NULL OR owner_node = ? OR owner_node NOT IN
                    (SELECT node_id FROM app_nodes WHERE heartbeat_at > now() - make_interval(secs => ?))))
                OR (status = 'QUEUED' AND ?)""", id, timeoutSeconds(), !othersAlive());
    }

    /** The RUNNING runs of nodes that stopped heartbeating; never this node's, never QUEUED ones. */
    public Condition orphaned() {
        return new Condition("""
                status = 'RUNNING' AND owner_node IS NOT NULL AND owner_node <> ? AND owner_node NOT IN
                    (SELECT node_id FROM app_nodes WHERE heartbeat_at > now() - make_interval(secs => ?))""",
                id, timeoutSeconds());
    }

    @PostConstruct
    void register() {
        beat();
        log.info("This node is '{}'", id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startHeartbeat() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void tick() {
        try {
            beat();
            orphans.orderedStream().forEach(runs -> runs.interruptOrphaned(this));
        } catch (RuntimeException e) {
            log.debug("heartbeat failed (is the database reachable?): {}", e.toString());
        }
    }

    private void beat() {
        jdbc.update("""
                INSERT INTO app_nodes (node_id) VALUES (?)
                ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()""", id);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
