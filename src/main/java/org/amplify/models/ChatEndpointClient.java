package org.amplify.models;

import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.amplify.models.EndpointCallException.Reason;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import tools.jackson.core.JacksonException;

/**
 * The client of one chat endpoint (one model version): Spring AI's {@link OpenAiChatModel} on the
 * OpenAI Java SDK, built once and used from many threads. Each call is one sample, blocking, within
 * the endpoint's timeout; HTTP 429 is retried with back-off (honouring {@code Retry-After} when it
 * fits in the time left); the SDK's own retries are off, so that the timeout is the whole call's.
 *
 * <p>No key is given to the SDK (its no-auth mode): an interceptor adds {@code Authorization: Bearer}
 * to each request with the key read at that moment, so a key put in the environment or changed later
 * takes effect without a new client, and the key never sits in the SDK's options.
 */
final class ChatEndpointClient {

    /** The first back-off after a 429 without {@code Retry-After}; it doubles up to {@link #MAX_BACKOFF}. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** A {@code Retry-After} longer than this is not waited for (the call gives up as rate limited). */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    /** The key read for the call under way on this thread (OkHttp runs a blocking call's interceptors on it). */
    private static final ThreadLocal<String> CURRENT_KEY = new ThreadLocal<>();

    private final EndpointSettings settings;
    private final Supplier<String> key;
    private final OpenAiChatModel chat;

    /** @param key gives the API key at each request, or null when the endpoint needs none */
    ChatEndpointClient(EndpointSettings settings, Supplier<String> key) {
        this.settings = settings;
        this.key = key;
        OpenAiChatOptions defaults = options(settings.timeout()).mutate()
                .baseUrl(settings.baseUrl())
                // empty: Spring AI's no-auth mode (no Authorization header); the interceptor adds ours
                .apiKey("")
                .maxRetries(0)
                .build();
        this.chat = OpenAiChatModel.builder()
                .options(defaults)
                .httpClientBuilderCustomizer(http -> http.interceptor(chain -> {
                    String current = CURRENT_KEY.get();
                    String bearer = current != null ? current : key.get();
                    if (bearer == null || bearer.isEmpty()) {
                        return chain.proceed(chain.request());
                    }
                    return chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + bearer)
                            .build());
                }))
                .build();
    }

    EndpointSettings settings() {
        return settings;
    }

    /** One sample; see {@link ChatEndpoints#complete}. */
    ChatReply complete(ChatPrompt prompt) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Duration backoff = FIRST_BACKOFF;
        int rateLimited = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw rateLimited > 0
                        ? new EndpointCallException(Reason.RATE_LIMITED, "still rate limited (HTTP 429) after "
                                + rateLimited + " tries within the timeout of " + settings.timeout().toMillis() + " ms",
                                null)
                        : timeout(null);
            }
            String bearer;
            try {
                bearer = key.get();
            } catch (RuntimeException e) {
                // e.g. a stored key encrypted under another node's secret; the message never holds the key
                throw new EndpointCallException(Reason.HTTP_ERROR, "the endpoint's key cannot be read: "
                        + firstLine(e.getMessage()), null);
            }
            CURRENT_KEY.set(bearer == null ? "" : bearer);
            try {
                return reply(chat.call(new Prompt(List.of(new SystemMessage(orEmpty(prompt.system())),
                        new UserMessage(orEmpty(prompt.user()))), options(Duration.ofNanos(left)))));
            } catch (RateLimitException e) {
                rateLimited++;
                Duration wait = retryAfter(e).orElse(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                if (wait.compareTo(MAX_RETRY_AFTER) > 0 || System.nanoTime() + wait.toNanos() >= deadline) {
                    throw new EndpointCallException(Reason.RATE_LIMITED, "rate limited (HTTP 429) " + rateLimited
                            + " time(s); the endpoint asks to wait " + wait.toMillis() + " ms, beyond the timeout of "
                            + settings.timeout().toMillis() + " ms", e);
                }
                sleep(wait);
            } catch (OpenAIServiceException e) {
                throw new EndpointCallException(Reason.HTTP_ERROR, "HTTP " + e.statusCode() + ": "
                        + firstLine(e.getMessage()), e);
            } catch (OpenAIIoException e) {
                EndpointCallException failure = io(e);
                if (rateLimited > 0 && failure.reason() == Reason.TIMEOUT) { // a retry that the deadline cut short
                    throw new EndpointCallException(Reason.RATE_LIMITED, "still rate limited (HTTP 429) after "
                            + rateLimited + " tries; the last try ran out of the timeout of "
                            + settings.timeout().toMillis() + " ms", e);
                }
                throw failure;
            } catch (OpenAIInvalidDataException | JacksonException e) {
                throw new EndpointCallException(Reason.BAD_RESPONSE, "the answer is not a chat completion: "
                        + firstLine(e.getMessage()), e);
            } catch (OpenAIException e) {
                throw new EndpointCallException(Reason.BAD_RESPONSE, firstLine(e.getMessage()), e);
            } catch (EndpointCallException e) {
                throw e;
            } catch (RuntimeException e) {
                // anything else the client throws on an odd answer: still a reason, never an escape
                throw new EndpointCallException(Reason.BAD_RESPONSE, "the answer could not be read: "
                        + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()), e);
            } finally {
                CURRENT_KEY.remove();
            }
        }
    }

    private OpenAiChatOptions options(Duration timeout) {
        return OpenAiChatOptions.builder()
                .model(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(timeout)
                .build();
    }

    private static ChatReply reply(ChatResponse response) {
        List<Generation> generations = response.getResults();
        if (generations == null || generations.isEmpty() || generations.get(0).getOutput() == null) {
            throw new EndpointCallException(Reason.BAD_RESPONSE, "the answer has no choices", null);
        }
        String text = generations.get(0).getOutput().getText();
        if (text == null) {
            throw new EndpointCallException(Reason.BAD_RESPONSE, "the answer has no content", null);
        }
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        int prompt = usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
        int completion = usage == null || usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        return new ChatReply(text, prompt, completion);
    }

    private EndpointCallException io(OpenAIIoException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new EndpointCallException(Reason.UNREACHABLE, "the endpoint cannot be reached: "
                        + cause.getClass().getSimpleName() + " " + firstLine(cause.getMessage()), e);
            }
            if (cause instanceof InterruptedIOException) {
                return timeout(e);
            }
        }
        return new EndpointCallException(Reason.UNREACHABLE, "the connection to the endpoint failed: "
                + firstLine(e.getCause() == null ? e.getMessage() : e.getCause().toString()), e);
    }

    private EndpointCallException timeout(Throwable cause) {
        return new EndpointCallException(Reason.TIMEOUT, "no answer within the timeout of "
                + settings.timeout().toMillis() + " ms", cause);
    }

    /** {@code retry-after-ms} (OpenAI's), else {@code Retry-After} in seconds; a date is not honoured. */
    private static Optional<Duration> retryAfter(OpenAIServiceException e) {
        try {
            List<String> millis = e.headers().values("retry-after-ms");
            if (!millis.isEmpty()) {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get(0).trim()))));
            }
            List<String> seconds = e.headers().values("retry-after");
            if (!seconds.isEmpty()) {
                return Optional.of(Duration.ofMillis(Math.max(0,
                        (long) (Double.parseDouble(seconds.get(0).trim()) * 1000))));
            }
        } catch (NumberFormatException notANumber) {
            // an HTTP date: fall back to the back-off
        }
        return Optional.empty();
    }

    private static void sleep(Duration wait) {
        // a little jitter, so that copies limited together do not retry together
        long millis = wait.toMillis() + ThreadLocalRandom.current().nextLong(0, 1 + wait.toMillis() / 10);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointCallException(Reason.TIMEOUT, "interrupted while waiting to retry", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
