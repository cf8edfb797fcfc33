package org.amplify.amplification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.models.ChampionChanged;
import org.amplify.models.Majority;
import org.amplify.models.ModelInput;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.ServedAnswerModel;
import org.amplify.models.ServedTextModel;
import org.amplify.models.TextAnswer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The copies of each domain's promoted model (its {@code champion}). The model is loaded once and
 * reloaded when the champion changes, without a restart. Each copy answers by sampling from the
 * model's answer distribution with a seed of its own, so a model that is unsure produces copies
 * that disagree: their votes and agreement say how far to trust it (reliability amplification).
 * One forward pass serves every copy of a batch of subquestions. The champion may be a model trained
 * here or an imported TorchScript one ({@link ModelRegistry#serve}).
 */
@Service
public class CopyPool {

    private final ModelRegistry registry;
    private final Map<String, Loaded> loaded = new HashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private LoadedText text;

    CopyPool(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The version the copies of the domain serve now, if one is promoted. */
    public Optional<ModelVersion> champion(String domain) {
        return registry.champion(domain);
    }

    /**
     * Every copy's answer to each question: {@code [question][copy]} answer tokens.
     *
     * @param seeds one per question, so a question's votes are reproducible
     */
    public synchronized Votes vote(AlgorithmicDomain domain, ModelVersion version, List<ModelInput> inputs,
            long[] seeds, int copies) {
        ServedAnswerModel model = model(domain, version);
        float[][] distributions = model.distributions(inputs);
        calls.addAndGet((long) inputs.size() * copies);
        int[][] votes = new int[inputs.size()][copies];
        for (int i = 0; i < inputs.size(); i++) {
            for (int c = 0; c < copies; c++) {
                votes[i][c] = sample(distributions[i], new SplittableRandom(seeds[i] * 1_000_003L + c));
            }
        }
        return new Votes(version.id(), votes);
    }

    /**
     * Every copy's answer to a {@code text} question: each copy is one member of the champion's
     * ensemble (members trained on different bootstrap samples), answering with the answer of the
     * nearest question it remembers. Uses as many copies as the model has members, at most {@code copies}.
     */
    public synchronized List<TextAnswer> textVotes(ModelVersion version, String question, int copies) {
        ServedTextModel model = textModel(version);
        List<TextAnswer> votes = new ArrayList<>();
        for (int m = 0; m < Math.min(copies, model.members()); m++) {
            votes.add(model.answer(m, question));
        }
        calls.addAndGet(votes.size());
        return votes;
    }

    /**
     * Every member's embeddings of the texts, by the {@code text} model the copies serve:
     * {@code [member][text]}, each row L2-normalised. Not a model call of any tree's budget.
     */
    public synchronized float[][][] textEmbeddings(ModelVersion version, List<String> texts) {
        ServedTextModel model = textModel(version);
        float[][][] embeddings = new float[model.members()][][];
        for (int m = 0; m < embeddings.length; m++) {
            embeddings[m] = model.embeddings(m, texts);
        }
        return embeddings;
    }

    /** Copy answers given since the start: each is one model call of a tree's budget. */
    public long calls() {
        return calls.get();
    }

    @EventListener
    synchronized void championChanged(ChampionChanged event) {
        Loaded old = loaded.remove(event.domain());
        if (old != null) {
            old.model().close();
        }
        if (text != null && event.domain().equals(text.domain())) {
            text.model().close();
            text = null;
        }
    }

    private ServedTextModel textModel(ModelVersion version) {
        if (text == null || text.versionId() != version.id()) {
            if (text != null) {
                text.model().close();
            }
            text = new LoadedText(version.id(), version.domain(), registry.serveText(version));
        }
        return text.model();
    }

    private ServedAnswerModel model(AlgorithmicDomain domain, ModelVersion version) {
        Loaded current = loaded.get(domain.name());
        if (current == null || current.versionId() != version.id()) {
            if (current != null) {
                current.model().close();
            }
            current = new Loaded(version.id(), registry.serve(version, domain));
            loaded.put(domain.name(), current);
        }
        return current.model();
    }

    private static int sample(float[] distribution, SplittableRandom random) {
        double u = random.nextDouble();
        double sum = 0;
        for (int token = 0; token < distribution.length; token++) {
            sum += distribution[token];
            if (u < sum) {
                return token;
            }
        }
        return distribution.length - 1;
    }

    /** The copies' answers: {@code votes[question][copy]}, from {@code versionId}. */
    public record Votes(long versionId, int[][] votes) {

        /** The majority answer of a question, how many copies gave it and out of how many. */
        public Majority<Integer> majority(int question) {
            return Majority.of(of(question));
        }

        public List<Integer> of(int question) {
            List<Integer> list = new ArrayList<>();
            for (int vote : votes[question]) {
                list.add(vote);
            }
            return list;
        }
    }

    private record Loaded(long versionId, ServedAnswerModel model) {}

    private record LoadedText(long versionId, String domain, ServedTextModel model) {}
}
