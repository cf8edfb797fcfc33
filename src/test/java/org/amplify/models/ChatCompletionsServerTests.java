package org.amplify.models;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.amplify.ChatCompletionsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-test chat-completions server speaks the protocol as documented: a {@code chat.completion}
 * object, server-sent {@code chat.completion.chunk} events ending {@code data: [DONE]} (which Spring
 * AI's streaming client reads back into the answer), and errors as {@code {"error": {...}}} with
 * {@code Retry-After} on 429.
 */
class ChatCompletionsServerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ChatCompletionsServer server = ChatCompletionsServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-abc")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCompletionHasTheDocumentedFields() throws Exception {
        server.answering(seen -> "Hello there");
        HttpResponse<String> response = post("""
                {"model":"gpt-4o-mini","temperature":0.2,"messages":[{"role":"system","content":"Be kind."},
                 {"role":"user","content":"Hi"}]}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(response.body());
        assertThat(completion.get("id").asString()).startsWith("chatcmpl-");
        assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.get("created").asLong()).isPositive();
        assertThat(completion.get("model").asString()).isEqualTo("gpt-4o-mini");
        JsonNode choice = completion.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asString()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asString()).isEqualTo("Hello there");
        assertThat(choice.get("finish_reason").asString()).isEqualTo("stop");
        assertThat(completion.get("usage").get("prompt_tokens").asInt()).isEqualTo(3);
        assertThat(completion.get("usage").get("completion_tokens").asInt()).isEqualTo(2);
        assertThat(completion.get("usage").get("total_tokens").asInt()).isEqualTo(5);
        ChatCompletionsServer.Seen seen = server.lastRequest();
        assertThat(seen.authorization()).isEqualTo("Bearer sk-abc");
        assertThat(seen.temperature()).isEqualTo(0.2);
        assertThat(seen.system()).isEqualTo("Be kind.");
    }

    @Test
    void aStreamIsChunksEndingWithDone() throws Exception {
        server.answering("one two three");
        HttpResponse<String> response = post("""
                {"model":"m","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Count"}]}""");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        List<String> events = response.body().lines().filter(line -> line.startsWith("data: "))
                .map(line -> line.substring(6)).toList();
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.get("object").asString())
                .isEqualTo("chat.completion.chunk"));
        assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asString()).isEqualTo("assistant");
        String text = chunks.stream().filter(chunk -> !chunk.get("choices").isEmpty())
                .map(chunk -> chunk.get("choices").get(0).get("delta").path("content").asString(""))
                .collect(Collectors.joining());
        assertThat(text).isEqualTo("one two three");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.get("choices").isEmpty()).isTrue();
        assertThat(last.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void springAisStreamingClientReadsTheStream() {
        server.answering("streamed answer here");
        OpenAiChatModel chat = OpenAiChatModel.builder().options(OpenAiChatOptions.builder()
                .baseUrl(server.baseUrl()).apiKey("").model("m").maxRetries(0).timeout(Duration.ofSeconds(10))
                .build()).build();
        List<ChatResponse> responses = chat.stream(new Prompt(List.of(new UserMessage("Go")),
                OpenAiChatOptions.builder().model("m").build())).collectList().block(Duration.ofSeconds(10));
        String text = responses.stream().filter(r -> !r.getResults().isEmpty())
                .map(r -> r.getResult().getOutput().getText()).filter(t -> t != null).collect(Collectors.joining());
        assertThat(text).isEqualTo("streamed answer here");
        assertThat(server.lastRequest().stream()).isTrue();
    }

    @Test
    void errorsHaveTheDocumentedShape() throws Exception {
        server.alwaysRateLimited(Duration.ofMillis(1500));
        HttpResponse<String> limited = post("{\"model\":\"m\",\"messages\":[]}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.headers().firstValue("retry-after-ms")).contains("1500");
        assertThat(JSON.readTree(limited.body()).get("error").get("code").asString()).isEqualTo("rate_limit_exceeded");

        server.failing();
        HttpResponse<String> failed = post("{\"model\":\"m\",\"messages\":[]}");
        assertThat(failed.statusCode()).isEqualTo(500);
        JsonNode error = JSON.readTree(failed.body()).get("error");
        assertThat(error.get("type").asString()).isEqualTo("server_error");
        assertThat(error.has("message")).isTrue();
        assertThat(error.has("code")).isTrue();

        HttpResponse<String> notJson = post("{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(server.requestCount()).isEqualTo(2); // the unparsable request is not recorded

        server.rateLimitedFirst(1, Duration.ZERO);
        assertThat(post("{\"model\":\"m\",\"messages\":[]}").statusCode()).isEqualTo(429);
        assertThat(post("{\"model\":\"m\",\"messages\":[]}").statusCode()).isEqualTo(200);
    }
}
