package org.amplify.models;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.amplify.ChatCompletionsServer;
import org.amplify.models.EndpointCallException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chat client of one endpoint (Spring AI's OpenAI client) against the in-test chat-completions
 * server: answers with usage, 429 retried with back-off, and every way a call can fail mapped to its
 * reason; many calls at once are all in flight at the server together.
 */
class ChatEndpointClientTests {

    private final ChatCompletionsServer server = ChatCompletionsServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private EndpointSettings settings(String baseUrl, int timeoutMs) {
        return new EndpointSettings(baseUrl, "llama3.2:1b", null, false, 0.7, 64, Duration.ofMillis(timeoutMs), null);
    }

    private ChatEndpointClient client(int timeoutMs) {
        return new ChatEndpointClient(settings(server.baseUrl(), timeoutMs), () -> null);
    }

    @Test
    void anAnswerComesWithItsUsageAndTheRequestCarriesTheSettings() {
        server.answering(seen -> "Yes: " + seen.user());
        ChatReply reply = client(5000).complete(new ChatPrompt("Answer briefly.", "Is water wet?"));

        assertThat(reply.text()).isEqualTo("Yes: Is water wet?");
        assertThat(reply.promptTokens()).isEqualTo(5); // "Answer briefly." + "Is water wet?"
        assertThat(reply.completionTokens()).isEqualTo(4);
        assertThat(reply.totalTokens()).isEqualTo(9);
        ChatCompletionsServer.Seen seen = server.lastRequest();
        assertThat(seen.model()).isEqualTo("llama3.2:1b");
        assertThat(seen.system()).isEqualTo("Answer briefly.");
        assertThat(seen.user()).isEqualTo("Is water wet?");
        assertThat(seen.messages()).extracting(ChatCompletionsServer.Message::role).containsExactly("system", "user");
        assertThat(seen.temperature()).isEqualTo(0.7);
        assertThat(seen.maxTokens()).isEqualTo(64);
        assertThat(seen.stream()).isFalse();
        assertThat(seen.authorization()).isNull();
    }

    @Test
    void theKeyIsSentAsABearerTokenReadAtEachRequest() {
        List<String> keys = new ArrayList<>(List.of("sk-first", "sk-second"));
        ChatEndpointClient client = new ChatEndpointClient(settings(server.baseUrl(), 5000), () -> keys.get(0));
        client.complete(new ChatPrompt("s", "u"));
        assertThat(server.lastRequest().authorization()).isEqualTo("Bearer sk-first");
        keys.remove(0);
        client.complete(new ChatPrompt("s", "u"));
        assertThat(server.lastRequest().authorization()).isEqualTo("Bearer sk-second");
    }

    @Test
    void aKeyThatCannotBeReadIsAnErrorWithItsReasonAndNoRequestIsSent() {
        ChatEndpointClient client = new ChatEndpointClient(settings(server.baseUrl(), 5000), () -> {
            throw new IllegalStateException("the stored key cannot be decrypted with this node's endpoint secret");
        });
        assertThatThrownBy(() -> client.complete(new ChatPrompt("s", "u"))).isInstanceOf(EndpointCallException.class)
                .hasMessageContaining("cannot be decrypted")
                .extracting(e -> ((EndpointCallException) e).reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void twoRateLimitedAnswersAreRetriedThenTheAnswerComes() {
        server.answering("Paris").rateLimitedFirst(2, Duration.ofMillis(50));
        ChatReply reply = client(5000).complete(new ChatPrompt("s", "The capital of France?"));

        assertThat(reply.text()).isEqualTo("Paris");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void alwaysRateLimitedGivesUpAsRateLimitedWithinTheTimeout() {
        server.alwaysRateLimited(Duration.ofMillis(100));
        assertReason(() -> client(1000).complete(new ChatPrompt("s", "u")), Reason.RATE_LIMITED);
        assertThat(server.requestCount()).isGreaterThan(1);
    }

    @Test
    void aRetryAfterLongerThanTheTimeoutIsNotWaitedFor() {
        server.alwaysRateLimited(Duration.ofSeconds(20));
        assertReason(() -> client(2000).complete(new ChatPrompt("s", "u")), Reason.RATE_LIMITED);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsAnHttpError() {
        server.failing();
        assertThatThrownBy(() -> client(5000).complete(new ChatPrompt("s", "u")))
                .isInstanceOf(EndpointCallException.class).hasMessageContaining("HTTP 500")
                .extracting(e -> ((EndpointCallException) e).reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeout() {
        server.latency(Duration.ofSeconds(3));
        assertReason(() -> client(300).complete(new ChatPrompt("s", "u")), Reason.TIMEOUT);
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ChatEndpointClient client = new ChatEndpointClient(settings("http://127.0.0.1:" + port + "/v1", 2000),
                () -> null);
        assertReason(() -> client.complete(new ChatPrompt("s", "u")), Reason.UNREACHABLE);
    }

    @Test
    void aMalformedAnswerIsABadResponse() {
        server.malformed();
        assertReason(() -> client(5000).complete(new ChatPrompt("s", "u")), Reason.BAD_RESPONSE);
    }

    @Test
    void twentyFourCallsAtOnceAreAllInFlightAtTheServerTogether() throws Exception {
        // each answer waits until all 24 requests have arrived: only calls that really run at once finish
        CountDownLatch arrived = new CountDownLatch(24);
        server.answering(seen -> {
            arrived.countDown();
            try {
                return arrived.await(20, TimeUnit.SECONDS) ? "together" : "alone";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
        ChatEndpointClient client = client(30_000);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<ChatReply>> replies = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String question = "question " + i;
                replies.add(pool.submit(() -> client.complete(new ChatPrompt("s", question))));
            }
            for (Future<ChatReply> reply : replies) {
                assertThat(reply.get(60, TimeUnit.SECONDS).text()).isEqualTo("together");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.maxInFlight()).isEqualTo(24);
        assertThat(server.requestCount()).isEqualTo(24);
    }

    private static void assertReason(Runnable call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOf(EndpointCallException.class)
                .extracting(e -> ((EndpointCallException) e).reason()).isEqualTo(reason);
    }
}
