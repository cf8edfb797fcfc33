package org.amplify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small HTTP server for tests that speaks OpenAI's chat-completions protocol ({@code POST
 * /v1/chat/completions}), so that the real client runs against it: base URL {@link #baseUrl()}. The
 * responses follow the protocol's documentation (a {@code chat.completion} object with {@code choices}
 * and {@code usage}; with {@code "stream":true} server-sent {@code chat.completion.chunk} events ending
 * {@code data: [DONE]}; errors as {@code {"error":{"message","type","param","code"}}}).
 *
 * <p>Scriptable per test, from any thread: what it answers ({@link #answering}), a fixed latency
 * ({@link #latency}, also the way to be slower than a client's timeout), HTTP 500 ({@link #failing}),
 * 429 for the first N requests then answers ({@link #rateLimitedFirst}), always 429
 * ({@link #alwaysRateLimited}), a malformed body ({@link #malformed}). It records every request
 * ({@link #requests()}, with the Authorization header) and the most requests in flight at once
 * ({@link #maxInFlight()}). Its executor has 64 threads, so 24 requests (8 subquestions × 3 copies) are
 * served at once.
 */
public final class ChatCompletionsServer implements AutoCloseable {

    /** One message of a request. */
    public record Message(String role, String content) {}

    /**
     * A request as the server saw it.
     *
     * @param headers the request's headers, names in lower case (first value of each)
     * @param temperature null when the request gave none
     * @param maxTokens {@code max_tokens} or {@code max_completion_tokens}; null when the request gave none
     */
    public record Seen(String model, List<Message> messages, Double temperature, Integer maxTokens, boolean stream,
            Map<String, String> headers, String body) {

        /** The Authorization header, or null when none was sent. */
        public String authorization() {
            return headers.get("authorization");
        }

        /** The content of the first message of the role, or null. */
        public String content(String role) {
            return messages.stream().filter(m -> role.equals(m.role())).map(Message::content).findFirst().orElse(null);
        }

        public String system() {
            return content("system");
        }

        public String user() {
            return content("user");
        }
    }

    private enum Mode {
        ANSWER, FAIL, RATE_LIMITED_FIRST, ALWAYS_RATE_LIMITED, MALFORMED
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger rateLimitedLeft = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();

    private volatile Function<Seen, String> replies = seen -> "OK";
    private volatile Duration latency = Duration.ZERO;
    private volatile Mode mode = Mode.ANSWER;
    private volatile Duration retryAfter = Duration.ZERO;

    private ChatCompletionsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(64, runnable -> {
            Thread thread = new Thread(runnable, "chat-completions-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** Starts a server on a free port of the loopback address; it answers "OK" until told otherwise. */
    public static ChatCompletionsServer start() {
        try {
            return new ChatCompletionsServer();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the chat-completions server", e);
        }
    }

    /** The base URL to register, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers every request with the text the function gives for it (and goes back to answering). */
    public ChatCompletionsServer answering(Function<Seen, String> replies) {
        this.replies = Objects.requireNonNull(replies);
        this.mode = Mode.ANSWER;
        return this;
    }

    /** Answers every request with this text (and goes back to answering). */
    public ChatCompletionsServer answering(String text) {
        return answering(seen -> text);
    }

    /** Waits this long before every response (errors included); a latency over the client's timeout is a slow answer. */
    public ChatCompletionsServer latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency);
        return this;
    }

    /** Answers every request with HTTP 500 and an error body. */
    public ChatCompletionsServer failing() {
        this.mode = Mode.FAIL;
        return this;
    }

    /** Answers the next {@code n} requests with HTTP 429 and {@code Retry-After}, then answers normally. */
    public ChatCompletionsServer rateLimitedFirst(int n, Duration retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter);
        this.rateLimitedLeft.set(n);
        this.mode = Mode.RATE_LIMITED_FIRST;
        return this;
    }

    /** Answers every request with HTTP 429 and {@code Retry-After}. */
    public ChatCompletionsServer alwaysRateLimited(Duration retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter);
        this.mode = Mode.ALWAYS_RATE_LIMITED;
        return this;
    }

    /** Answers every request with HTTP 200 and a body that is not valid JSON (a cut-off completion). */
    public ChatCompletionsServer malformed() {
        this.mode = Mode.MALFORMED;
        return this;
    }

    /** Every request seen so far, in the order they arrived. */
    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** The last request seen; fails when there was none. */
    public Seen lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request yet");
        }
        return requests.get(requests.size() - 1);
    }

    /** The most requests that were being handled at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Forgets the requests seen and the most in flight (the script stays). */
    public void resetCounts() {
        requests.clear();
        maxInFlight.set(inFlight.get());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendError(exchange, 405, "Method not allowed", "invalid_request_error", "method_not_allowed");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Seen seen;
            try {
                seen = parse(body, exchange.getRequestHeaders());
            } catch (RuntimeException e) {
                sendError(exchange, 400, "We could not parse the JSON body of your request.", "invalid_request_error",
                        null);
                return;
            }
            requests.add(seen);
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            respond(exchange, seen);
        } catch (IOException e) {
            // the client went away (e.g. its timeout): nothing to answer
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void respond(HttpExchange exchange, Seen seen) throws IOException {
        switch (mode) {
            case FAIL -> sendError(exchange, 500,
                    "The server had an error while processing your request. Sorry about that!", "server_error", null);
            case ALWAYS_RATE_LIMITED -> sendRateLimited(exchange, seen);
            case RATE_LIMITED_FIRST -> {
                if (rateLimitedLeft.getAndDecrement() > 0) {
                    sendRateLimited(exchange, seen);
                } else {
                    answer(exchange, seen);
                }
            }
            case MALFORMED -> send(exchange, 200, "application/json",
                    "{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":");
            case ANSWER -> answer(exchange, seen);
        }
    }

    private void answer(HttpExchange exchange, Seen seen) throws IOException {
        String text = replies.apply(seen);
        String id = "chatcmpl-" + ids.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        int promptTokens = seen.messages().stream().mapToInt(m -> words(m.content())).sum();
        int completionTokens = words(text);
        if (!seen.stream()) {
            ObjectNode completion = JSON.createObjectNode();
            completion.put("id", id);
            completion.put("object", "chat.completion");
            completion.put("created", created);
            completion.put("model", seen.model());
            ObjectNode choice = completion.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", text);
            message.putNull("refusal");
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
            completion.set("usage", usage(promptTokens, completionTokens));
            completion.putNull("system_fingerprint");
            send(exchange, 200, "application/json", JSON.writeValueAsString(completion));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> pieces = new ArrayList<>();
        pieces.add(null);
        for (String piece : text.split("(?<= )")) {
            pieces.add(piece);
        }
        for (String piece : pieces) {
            ObjectNode delta = JSON.createObjectNode();
            if (piece == null) {
                delta.put("role", "assistant");
                delta.put("content", "");
            } else {
                delta.put("content", piece);
            }
            writeEvent(out, chunk(id, created, seen.model(), delta, null));
        }
        writeEvent(out, chunk(id, created, seen.model(), JSON.createObjectNode(), "stop"));
        JsonNode options = JSON.readTree(seen.body()).path("stream_options");
        if (options.path("include_usage").asBoolean(false)) {
            ObjectNode last = JSON.createObjectNode();
            last.put("id", id);
            last.put("object", "chat.completion.chunk");
            last.put("created", created);
            last.put("model", seen.model());
            last.putArray("choices");
            last.set("usage", usage(promptTokens, completionTokens));
            writeEvent(out, JSON.writeValueAsString(last));
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String chunk(String id, long created, String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return JSON.writeValueAsString(chunk);
    }

    private static void writeEvent(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode usage(int promptTokens, int completionTokens) {
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return usage;
    }

    private void sendRateLimited(HttpExchange exchange, Seen seen) throws IOException {
        long millis = retryAfter.toMillis();
        exchange.getResponseHeaders().set("Retry-After", Long.toString((millis + 999) / 1000));
        exchange.getResponseHeaders().set("retry-after-ms", Long.toString(millis));
        sendError(exchange, 429, "Rate limit reached for " + seen.model() + " on requests per min (RPM): Limit 3,"
                + " Used 3, Requested 1. Please try again in " + millis + "ms.", "requests", "rate_limit_exceeded");
    }

    private static void sendError(HttpExchange exchange, int status, String message, String type, String code)
            throws IOException {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode inner = error.putObject("error");
        inner.put("message", message);
        inner.put("type", type);
        inner.putNull("param");
        if (code == null) {
            inner.putNull("code");
        } else {
            inner.put("code", code);
        }
        send(exchange, status, "application/json", JSON.writeValueAsString(error));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Seen parse(String body, Headers requestHeaders) {
        JsonNode request = JSON.readTree(body);
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            String text;
            if (content.isArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode part : content) {
                    joined.append(part.path("text").asString(""));
                }
                text = joined.toString();
            } else {
                text = content.asString("");
            }
            messages.add(new Message(message.path("role").asString(""), text));
        }
        Double temperature = request.hasNonNull("temperature") ? request.get("temperature").asDouble() : null;
        Integer maxTokens = request.hasNonNull("max_tokens") ? Integer.valueOf(request.get("max_tokens").asInt())
                : request.hasNonNull("max_completion_tokens")
                        ? Integer.valueOf(request.get("max_completion_tokens").asInt()) : null;
        Map<String, String> headers = new LinkedHashMap<>();
        requestHeaders.forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new Seen(request.path("model").asString(""), List.copyOf(messages), temperature, maxTokens,
                request.path("stream").asBoolean(false), Map.copyOf(headers), body);
    }

    private static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.trim().split("\\s+").length;
    }
}
