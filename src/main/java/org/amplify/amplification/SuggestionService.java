package org.amplify.amplification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amplify.amplification.internal.SuggestionStore;
import org.amplify.amplification.internal.SuggestionStore.SuggestionRow;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.questions.Decomposition;
import org.amplify.questions.QuestionRefusedException;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Subquestion;
import org.amplify.questions.Workspace;
import org.amplify.questions.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions for people: in a {@code text} workspace, the subquestions that experts asked when they
 * answered the most similar questions. The text champion embeds the workspace's question and every
 * answered question that was split into subquestions; the {@code suggestion-sources} nearest (cosine
 * similarity, averaged over the model's members) give their subquestions, nearest first and in the order
 * they were asked, without repeats and without what this workspace asked already, at most
 * {@code suggestions} of them. Each suggestion shown is recorded with the model version, and so is each
 * one taken, so that admins see the share taken per version ({@link #shares}).
 */
@Service
public class SuggestionService {

    private static final String TEXT = QuestionService.TEXT;
    private static final int MAX_CACHED = 50_000;

    private final QuestionService questions;
    private final WorkspaceService work;
    private final CopyPool copies;
    private final ModelRegistry registry;
    private final SuggestionStore store;
    private final AmplificationProperties properties;
    /** The champion's embeddings of answered questions ({@code [member][width]} each), for one version. */
    private final Map<String, float[][]> embedded = new HashMap<>();
    private long embeddedBy = -1;

    SuggestionService(QuestionService questions, WorkspaceService work, CopyPool copies, ModelRegistry registry,
            SuggestionStore store, AmplificationProperties properties) {
        this.questions = questions;
        this.work = work;
        this.copies = copies;
        this.registry = registry;
        this.store = store;
        this.properties = properties;
    }

    /**
     * The suggestions for a workspace now, recorded as shown. Nothing (with a note saying why) outside
     * {@code text}, in a submitted workspace, without a text champion, or when no answered question was
     * split into subquestions.
     */
    public Suggestions suggest(long workspaceId) {
        Workspace ws = questions.workspace(workspaceId);
        if (!TEXT.equals(ws.domain())) {
            return Suggestions.none(null, null, "Suggestions are made in text workspaces only.");
        }
        if (!ws.open()) {
            return Suggestions.none(null, null, "This workspace is answered.");
        }
        Optional<ModelVersion> champion = copies.champion(TEXT);
        if (champion.isEmpty()) {
            return Suggestions.none(null, null, "No suggestions: there is no text model yet.");
        }
        ModelVersion version = champion.get();
        List<Decomposition> sources = questions.decompositions(TEXT).stream()
                .filter(d -> d.questionId() != ws.questionId()).toList(); // not the other experts' answers to it
        if (sources.isEmpty() || properties.suggestions() == 0) {
            return Suggestions.none(version.id(), version.version(),
                    "No suggestions: no answered question was split into subquestions yet.");
        }
        double[] similarity = similarities(version, ws.question(), sources);
        List<Integer> nearest = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            nearest.add(i);
        }
        nearest.sort(Comparator.comparingDouble((Integer i) -> -similarity[i])
                .thenComparing(i -> -sources.get(i).workspaceId())); // a tie: the newest answer first
        Set<String> seen = new HashSet<>();
        for (Subquestion asked : ws.subquestions()) {
            seen.add(QuestionService.normalize(asked.text()));
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i : nearest.subList(0, Math.min(properties.suggestionSources(), nearest.size()))) {
            Decomposition source = sources.get(i);
            for (String text : source.subquestions()) {
                String normalized = QuestionService.normalize(text);
                if (suggestions.size() < properties.suggestions() && seen.add(normalized)) {
                    long id = store.shown(workspaceId, version.id(), text, normalized, source.workspaceId(),
                            source.question(), similarity[i]);
                    suggestions.add(new Suggestion(id, text, source.workspaceId(), source.question(), similarity[i]));
                }
            }
        }
        return new Suggestions(version.id(), version.version(), suggestions, suggestions.isEmpty()
                ? "No suggestions: this workspace asked every subquestion of the most similar answered questions."
                : null);
    }

    /**
     * Takes a suggestion: asks it in its workspace, as the expert would with Ask (nothing of the context
     * passed down), and records it as taken.
     *
     * @return the subquestion's id
     * @throws SuggestionNotFoundException if the workspace was shown no such suggestion
     * @throws QuestionRefusedException if it was taken already or asked meanwhile, or the workspace refuses it
     */
    @Transactional
    public long take(long workspaceId, long suggestionId, long expertId) {
        SuggestionRow suggestion = store.lock(suggestionId).filter(s -> s.workspaceId() == workspaceId)
                .orElseThrow(() -> new SuggestionNotFoundException(workspaceId, suggestionId));
        String normalized = QuestionService.normalize(suggestion.text());
        if (suggestion.taken() || questions.workspace(workspaceId).subquestions().stream()
                .anyMatch(s -> QuestionService.normalize(s.text()).equals(normalized))) {
            throw new QuestionRefusedException("suggestion", "'" + suggestion.text()
                    + "' is asked in this workspace already.");
        }
        long subquestion = work.ask(workspaceId, suggestion.text(), "", expertId);
        store.taken(suggestionId, subquestion, expertId);
        return subquestion;
    }

    /** Per text model version that made suggestions, newest first: how many were shown and taken. */
    public List<SuggestionShare> shares() {
        return store.counts().stream().map(c -> new SuggestionShare(c.modelVersionId(),
                registry.find(c.modelVersionId()).map(ModelVersion::version).orElse(null), c.shown(), c.taken()))
                .toList();
    }

    /** The question's cosine similarity to each source's question, averaged over the model's members. */
    private double[] similarities(ModelVersion version, String question, List<Decomposition> sources) {
        Map<String, float[][]> byText = embeddings(version, sources.stream().map(Decomposition::question).toList());
        float[][][] asked = copies.textEmbeddings(version, List.of(question));
        double[] similarity = new double[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            float[][] source = byText.get(sources.get(i).question());
            double sum = 0;
            for (int m = 0; m < asked.length; m++) {
                for (int d = 0; d < source[m].length; d++) {
                    sum += asked[m][0][d] * source[m][d];
                }
            }
            similarity[i] = Math.max(-1, Math.min(1, sum / asked.length));
        }
        return similarity;
    }

    /** The version's embeddings of the texts ({@code [member][width]} each), embedding only new ones. */
    private synchronized Map<String, float[][]> embeddings(ModelVersion version, List<String> texts) {
        if (embeddedBy != version.id() || embedded.size() > MAX_CACHED) {
            embedded.clear();
            embeddedBy = version.id();
        }
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
        missing.removeIf(embedded::containsKey);
        if (!missing.isEmpty()) {
            float[][][] rows = copies.textEmbeddings(version, missing); // [member][text]
            for (int t = 0; t < missing.size(); t++) {
                float[][] perMember = new float[rows.length][];
                for (int m = 0; m < rows.length; m++) {
                    perMember[m] = rows[m][t];
                }
                embedded.put(missing.get(t), perMember);
            }
        }
        Map<String, float[][]> result = new HashMap<>();
        for (String text : texts) {
            result.put(text, embedded.get(text));
        }
        return result;
    }
}
