package org.amplify.amplification;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The bounded pool of threads that send the endpoint copies' calls, all at once and off the request
 * thread: {@code amplify.amplification.endpoint-threads} threads, a queue of {@code endpoint-queue}
 * calls behind them; a call beyond that is refused at once (its subquestion goes to people). Not an
 * {@link Executor} bean, so that Spring's own task executor (the listeners') stays as it is.
 */
@Component
class EndpointCallPool implements DisposableBean {

    private final ThreadPoolExecutor executor;

    EndpointCallPool(AmplificationProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "endpoint-copy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = new ThreadPoolExecutor(properties.endpointThreads(), properties.endpointThreads(), 60,
                TimeUnit.SECONDS, properties.endpointQueue() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new LinkedBlockingQueue<>(properties.endpointQueue()), threads,
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    Executor executor() {
        return executor;
    }

    /** Calls running now. */
    int active() {
        return executor.getActiveCount();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
