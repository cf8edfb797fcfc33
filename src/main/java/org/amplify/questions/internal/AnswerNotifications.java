package org.amplify.questions.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.amplify.questions.SubquestionsAnswered;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Answers recorded on any node reach the pages open on every node: each insert into
 * {@code sub_answers} sends a PostgreSQL notification (the trigger {@code sub_answers_notify}, V26;
 * delivered when the transaction commits, never when it rolls back),
 * and each node listens on a connection of its own and publishes {@link SubquestionsAnswered} for
 * them. A lost connection (the database restarting, say) is opened again, with a growing pause.
 */
@Component
public class AnswerNotifications implements SmartLifecycle {

    /** The channel the trigger {@code sub_answers_notify} (V26) sends on. */
    static final String CHANNEL = "amplify_answers";

    private static final Logger log = LoggerFactory.getLogger(AnswerNotifications.class);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private Thread listener;

    AnswerNotifications(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    static List<SubquestionsAnswered.Answered> parse(String payload) {
        List<SubquestionsAnswered.Answered> answered = new ArrayList<>();
        for (String pair : payload.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                try {
                    answered.add(new SubquestionsAnswered.Answered(Long.parseLong(pair.substring(0, colon)),
                            Long.parseLong(pair.substring(colon + 1))));
                } catch (NumberFormatException e) {
                    log.debug("Not a notification of ours: {}", pair);
                }
            }
        }
        return answered;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "answer-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long pause = 250;
        while (running) {
            try (Connection connection = open()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                pause = 250;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            List<SubquestionsAnswered.Answered> answered = parse(notification.getParameter());
                            if (!answered.isEmpty()) {
                                events.publishEvent(new SubquestionsAnswered(answered));
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.debug("Listening for answers failed, again in {} ms: {}", pause, e.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    /** A connection of its own, outside the pool when the pool says how (it is held for as long as the app runs). */
    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
            com.zaxxer.hikari.HikariDataSource hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
            if (hikari.getJdbcUrl() != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.putAll(hikari.getDataSourceProperties());
                if (hikari.getUsername() != null) {
                    properties.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    properties.setProperty("password", hikari.getPassword());
                }
                return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            }
        }
        return dataSource.getConnection();
    }
}
