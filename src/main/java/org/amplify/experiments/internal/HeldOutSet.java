package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;

/**
 * Held-out questions with their true answers, the same for every run with the same seed and size
 * (so IA and SL are compared on the very same questions). Every level is equally represented.
 */
final class HeldOutSet {

    private static final int QUESTIONS_PER_CONTEXT = 10;

    private final List<ModelInput> inputs = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final int[] truths;

    HeldOutSet(AlgorithmicDomain domain, int size, int levels, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed_4e1dL);
        List<Integer> answers = new ArrayList<>();
        Context context = null;
        for (int i = 0; i < count; i++) {
            if (i % QUESTIONS_PER_CONTEXT == 0) {
                context = domain.generate(size, random);
            }
            Question question = domain.randomQuestion(context, 1 + i % levels, random);
            inputs.add(new ModelInput(context.facts(), question));
            kinds.add(domain.kind(question));
            answers.add(domain.solve(context, question));
        }
        truths = answers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Overall accuracy and accuracy per kind of the model's answers. */
    Evaluation evaluate(AnswerModel model, int batch) {
        int correct = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        for (int start = 0; start < inputs.size(); start += batch) {
            List<ModelInput> chunk = inputs.subList(start, Math.min(inputs.size(), start + batch));
            int[] answers = model.answer(chunk);
            for (int i = 0; i < answers.length; i++) {
                boolean right = answers[i] == truths[start + i];
                correct += right ? 1 : 0;
                int[] tally = byKind.computeIfAbsent(kinds.get(start + i), k -> new int[2]);
                tally[0] += right ? 1 : 0;
                tally[1]++;
            }
        }
        Map<String, Double> accuracyByKind = new TreeMap<>();
        byKind.forEach((kind, tally) -> accuracyByKind.put(kind, tally[0] / (double) tally[1]));
        return new Evaluation(correct / (double) inputs.size(), accuracyByKind);
    }

    record Evaluation(double accuracy, Map<String, Double> accuracyByKind) {}
}
