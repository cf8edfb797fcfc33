package org.amplify.amplification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.amplify.models.ChatEndpoints;
import org.amplify.models.ChatPrompt;
import org.amplify.models.ChatReply;
import org.amplify.models.EndpointCallException;
import org.amplify.models.EndpointSettings;
import org.amplify.models.ModelVersion;
import org.amplify.questions.CopiesPort;
import org.amplify.questions.CopyAnswer;
import org.amplify.questions.CopyPrompt;
import org.amplify.questions.SubquestionToAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The copies of a language model behind a chat-completions endpoint (a {@code text} version of kind
 * ENDPOINT): k copies of a subquestion are k independent samples, and every sample of every
 * subquestion of a batch is sent at once, from a bounded pool of threads of its own
 * ({@link EndpointCallPool}). A prompt holds the tree's system prompt, the subquestion and the context
 * its workspace passed down, nothing else of the tree. The samples are grouped by meaning
 * ({@link AnswerGroups}, with the small text model's embeddings where there is one); the majority's
 * share is the agreement, and below the threshold the subquestion goes to people. A call that gives no
 * answer (a timeout, an HTTP error, still rate-limited after the client's retries, an endpoint that
 * cannot be reached) agrees with no one; with none answered, the subquestion goes to people with a
 * note that says what happened. Each subquestion's answer is recorded as soon as its copies are all
 * in, so that the workspace shows it as it comes; every call counts against the tree's model-call
 * budget, and the tokens the endpoint counted are recorded with the answer.
 */
@Service
public class EndpointCopies {

    private static final Logger log = LoggerFactory.getLogger(EndpointCopies.class);
    /** How long after the endpoint's own timeout a sample that did not return is given up here. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final ChatEndpoints endpoints;
    private final CopiesPort port;
    private final AnswerEmbeddings embeddings;
    private final EndpointCallPool pool;
    private final AmplificationProperties properties;
    private final AtomicLong calls = new AtomicLong();
    /** Per tree, the calls of the subquestions being answered now (not recorded yet). */
    private final Map<Long, Integer> reserved = new java.util.concurrent.ConcurrentHashMap<>();

    EndpointCopies(ChatEndpoints endpoints, CopiesPort port, AnswerEmbeddings embeddings, EndpointCallPool pool,
            AmplificationProperties properties) {
        this.endpoints = endpoints;
        this.port = port;
        this.embeddings = embeddings;
        this.pool = pool;
        this.properties = properties;
    }

    /**
     * Answers the subquestions with the endpoint's copies and records each answer as it comes (an
     * identical subquestion remembered, or a tree's budget spent: at once, without a call). Returns
     * when every answer is recorded.
     *
     * @param endpoint the {@code text} version of kind ENDPOINT the copies sample
     * @return the answers recorded, in the order of {@code subs}
     */
    public List<CopyAnswer> answer(ModelVersion endpoint, List<SubquestionToAnswer> subs) {
        Optional<EndpointSettings> settings = endpoints.settings(endpoint.id());
        String which = settings.map(s -> s.model() + ", ").orElse("") + "text v" + endpoint.version();
        Duration giveUp = settings.map(EndpointSettings::timeout).orElse(Duration.ofMinutes(1)).plus(GRACE);
        int k = properties.copies();
        Optional<ModelVersion> encoder = embeddings.encoder(); // read once, not on the threads that record
        List<CopyAnswer> immediate = new ArrayList<>();
        List<CompletableFuture<CopyAnswer>> pending = new ArrayList<>();
        for (SubquestionToAnswer sub : subs) {
            if (sub.remembered() != null) {
                immediate.add(new CopyAnswer.Remembered(sub.id(), sub.remembered(), endpoint.id()));
                continue;
            }
            if (!reserve(sub, k)) {
                immediate.add(new CopyAnswer.Unanswered(sub.id(), "The tree's budget of model calls is spent."));
                continue;
            }
            ChatPrompt prompt = new ChatPrompt(sub.systemPrompt(),
                    CopyPrompt.userMessage(sub.text(), sub.passedContext())); // the passed context only
            List<CompletableFuture<Sample>> samples = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                samples.add(sample(endpoint, prompt, giveUp));
            }
            pending.add(CompletableFuture.allOf(samples.toArray(CompletableFuture[]::new)).thenApply(done -> {
                try {
                    CopyAnswer answer = decide(sub, endpoint, which, encoder, samples.stream()
                            .map(CompletableFuture::join).toList());
                    port.record(List.of(answer)); // its own transaction, on the thread that got the last sample
                    return answer;
                } finally {
                    reserved.computeIfPresent(sub.treeId(), (tree, calls) -> calls - k <= 0 ? null : calls - k);
                }
            }));
        }
        if (!immediate.isEmpty()) { // not on this thread: its transaction would hold the tree's lock until all are in
            pending.add(0, CompletableFuture.supplyAsync(() -> {
                port.record(immediate);
                return null;
            }, pool.executor()));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        List<CopyAnswer> recorded = new ArrayList<>(immediate);
        pending.stream().map(CompletableFuture::join).filter(a -> a != null).forEach(recorded::add);
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < subs.size(); i++) {
            order.put(subs.get(i).id(), i);
        }
        recorded.sort(java.util.Comparator.comparingInt(a -> order.get(a.subquestionId())));
        return recorded;
    }

    /**
     * Reserves the subquestion's calls in its tree's budget: what the tree had left when it was read,
     * less the calls of subquestions still being answered on this node (recorded, they are in what is
     * read). So the subquestions asked at once do not all spend the same calls.
     */
    private boolean reserve(SubquestionToAnswer sub, int k) {
        boolean[] granted = {false};
        reserved.compute(sub.treeId(), (tree, calls) -> {
            int inFlight = calls == null ? 0 : calls;
            granted[0] = sub.modelCallsLeft() - inFlight >= k;
            int now = granted[0] ? inFlight + k : inFlight;
            return now == 0 ? null : now;
        });
        return granted[0];
    }

    /** Calls made to endpoints since the start, failed ones included. */
    public long calls() {
        return calls.get();
    }

    private CompletableFuture<Sample> sample(ModelVersion endpoint, ChatPrompt prompt, Duration giveUp) {
        calls.incrementAndGet();
        CompletableFuture<ChatReply> call;
        try {
            call = CompletableFuture.supplyAsync(() -> endpoints.complete(endpoint, prompt), pool.executor());
        } catch (RejectedExecutionException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.orTimeout(giveUp.toMillis(), TimeUnit.MILLISECONDS).handle((reply, failure) -> {
            if (failure == null && reply != null && reply.text() != null && !reply.text().isBlank()) {
                return new Sample(reply, null);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null) {
                cause = new EndpointCallException(EndpointCallException.Reason.BAD_RESPONSE, "an empty answer", null);
            }
            return new Sample(reply, cause);
        });
    }

    /** @param which the endpoint's model and version, "llama3.2, text v4" */
    private CopyAnswer decide(SubquestionToAnswer sub, ModelVersion endpoint, String which,
            Optional<ModelVersion> encoder, List<Sample> samples) {
        String label = "endpoint copies (" + which + ")";
        int k = samples.size();
        List<String> votes = new ArrayList<>();
        int tokens = 0;
        Map<String, Integer> failures = new java.util.LinkedHashMap<>();
        String firstMessage = null;
        for (Sample sample : samples) {
            if (sample.reply() != null) {
                tokens += Math.max(0, sample.reply().totalTokens());
            }
            if (sample.failure() == null) {
                votes.add(sample.reply().text().strip());
            } else {
                failures.merge(what(sample.failure()), 1, Integer::sum);
                if (firstMessage == null) {
                    firstMessage = sample.failure().getMessage();
                }
            }
        }
        String failed = failures.isEmpty() ? null : failureNote(failures, k, which, firstMessage);
        if (failed != null && votes.isEmpty()) {
            log.warn("The endpoint copies of text v{} gave no answer to subquestion {}: {}", endpoint.version(),
                    sub.id(), failed);
        }
        if (votes.isEmpty()) {
            return new CopyAnswer.Unanswered(sub.id(), failed + ": a person should answer this.",
                    new CopyAnswer.Calls(label, List.of(), k, tokens));
        }
        float[][][] vectors = encoder.flatMap(e -> embeddings.of(e, votes)).orElse(null);
        AnswerGroups groups = AnswerGroups.of(votes, k, vectors, properties.answerSimilarityThreshold());
        boolean trusted = Agreement.reaches(groups.agreement(), properties.agreementThreshold());
        String note = trusted ? null : Agreement.below(groups.agreeing(), k, properties.agreementThreshold());
        if (failed != null) {
            note = note == null ? failed + "." : failed + "; " + note;
        }
        return new CopyAnswer.Voted(sub.id(), groups.answer(), votes, groups.agreement(), trusted, endpoint.id(), note,
                new CopyAnswer.Calls(label, groups.groups(), k, tokens));
    }

    /** What happened to a call that gave no answer, in a few words. */
    private static String what(Throwable failure) {
        if (failure instanceof EndpointCallException e) {
            return switch (e.reason()) {
                case TIMEOUT -> "timed out";
                case RATE_LIMITED -> "were still rate-limited (HTTP 429) after the retries";
                case HTTP_ERROR -> "failed with an HTTP error";
                case UNREACHABLE -> "could not reach the endpoint";
                case BAD_RESPONSE -> "gave no usable answer";
            };
        }
        if (failure instanceof TimeoutException) {
            return "timed out";
        }
        if (failure instanceof RejectedExecutionException) {
            return "were refused: too many endpoint calls are waiting";
        }
        return "failed (" + failure.getClass().getSimpleName() + ")";
    }

    /** "3 of 3 calls to the endpoint (llama3.2, text v4) timed out (no answer within the timeout of 2000 ms)". */
    private static String failureNote(Map<String, Integer> failures, int k, String which, String message) {
        StringBuilder note = new StringBuilder();
        failures.forEach((what, count) -> note.append(note.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%d of %d calls to the endpoint (%s) %s", count, k, which,
                        what)));
        if (message != null && !message.isBlank()) {
            String shortened = message.strip().replaceAll("\\s+", " ");
            note.append(" (").append(shortened.length() > 120 ? shortened.substring(0, 119) + "…" : shortened)
                    .append(')');
        }
        return note.toString();
    }

    /** One copy's sample: the reply, or why there is none. */
    private record Sample(ChatReply reply, Throwable failure) {}
}
