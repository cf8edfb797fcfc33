package org.amplify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Amplify: iterated amplification and distillation as a web application.
 *
 * <p>One modular monolith; each direct sub-package is an application module (see DESIGN.md).
 * Asynchronous execution is on, so that Modulith's {@code @ApplicationModuleListener}s (the copies
 * answering a subquestion) run on Boot's task executor after the request's commit, never on the
 * request's thread.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class AmplifyApplication {

    public static void main(String[] args) {
        preventModelDownloads();
        SpringApplication.run(AmplifyApplication.class, args);
    }

    /**
     * DJL looks for engines and model zoos on the network unless told it is offline. The PyTorch
     * native library comes from the Maven dependency, so nothing is ever fetched at run time.
     */
    static void preventModelDownloads() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
