package org.amplify;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts SQL statements in tests: while a {@link Recording} is open on a thread, every statement
 * that thread prepares or executes is recorded, and so are those of the asynchronous tasks it
 * submits (an {@code @ApplicationModuleListener} after its commit, say), with their thread's name.
 * Outside a recording it only passes calls through.
 */
@Component
public class StatementRecorder implements BeanPostProcessor, TaskDecorator {

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

    /** Starts recording on this thread and the tasks it submits; close it to stop. */
    public static Recording start() {
        Recording recording = new Recording();
        CURRENT.set(recording);
        return recording;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Recorded)) {
            return new Recorded(dataSource);
        }
        return bean;
    }

    @Override
    public Runnable decorate(Runnable task) {
        Recording recording = CURRENT.get();
        if (recording == null) {
            return task;
        }
        return () -> {
            CURRENT.set(recording);
            try {
                task.run();
            } finally {
                CURRENT.remove();
            }
        };
    }

    /** One statement: on which thread, and its SQL. */
    public record Executed(String thread, String sql) {

        /** Whether it reads or writes one of the tables (as a word of its SQL). */
        public boolean touches(List<String> tables) {
            String lower = sql.toLowerCase(java.util.Locale.ROOT);
            return tables.stream().anyMatch(t -> lower.matches("(?s).*\\b" + t + "\\b.*"));
        }
    }

    /** The statements recorded since {@link #start()}. */
    public static final class Recording implements AutoCloseable {

        private final List<Executed> statements = new ArrayList<>();

        public synchronized List<Executed> statements() {
            return List.copyOf(statements);
        }

        synchronized void add(String sql) {
            statements.add(new Executed(Thread.currentThread().getName(), sql));
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }

    private static final class Recorded extends DelegatingDataSource {

        Recorded(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return proxy(Connection.class, super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return proxy(Connection.class, super.getConnection(username, password));
        }
    }

    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            record(method, args);
            try {
                Object result = method.invoke(target, args);
                if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                    return proxy(Statement.class, statement);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private static void record(Method method, Object[] args) {
        Recording recording = CURRENT.get();
        if (recording == null || args == null || args.length == 0 || !(args[0] instanceof String sql)) {
            return;
        }
        String name = method.getName();
        if (name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch")) {
            recording.add(sql);
        }
    }
}
