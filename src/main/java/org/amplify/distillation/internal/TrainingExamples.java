package org.amplify.distillation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.amplify.models.TextExample;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.Feedback;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
import org.amplify.questions.Transcript;
import org.amplify.questions.Verdict;

/**
 * What a round trains on, from a snapshot's transcripts: each final answer (a hard target); each
 * corrected sub-answer (hard: the correction wins); each accepted one, the small model's copies' or
 * a language model's (an endpoint), as the copies' vote shares (soft, {@link #shares(SubAnswer)})
 * where they voted, else hard; each answer a person gave in a workspace of its own (hard).
 * Sub-answers nobody judged are not targets. The held-out part is a share of the transcripts, chosen
 * by the seed, so the same snapshot and seed always split the same way.
 */
public final class TrainingExamples {

    private TrainingExamples() {
    }

    /** The examples of the transcripts, split into training and held-out. */
    public static Split split(List<Transcript> transcripts, double heldOutShare, long seed, boolean majorityOnly) {
        List<TextExample> train = new ArrayList<>();
        List<TextExample> heldOut = new ArrayList<>();
        for (Transcript transcript : transcripts) {
            (isHeldOut(transcript, heldOutShare, seed) ? heldOut : train).addAll(of(transcript, majorityOnly));
        }
        if (train.isEmpty() && !heldOut.isEmpty()) { // a tiny snapshot: train on something
            train.add(heldOut.remove(heldOut.size() - 1));
        }
        return new Split(train, heldOut);
    }

    /** Whether the transcript is in the held-out part: fixed by the seed and the transcript, whatever else is in the snapshot. */
    static boolean isHeldOut(Transcript transcript, double heldOutShare, long seed) {
        return new SplittableRandom(seed * 1_000_003L + transcript.workspaceId()).nextDouble() < heldOutShare;
    }

    /** The examples of one transcript. */
    public static List<TextExample> of(Transcript transcript, boolean majorityOnly) {
        List<TextExample> examples = new ArrayList<>();
        if (transcript.answer() != null && !transcript.answer().isBlank()) {
            examples.add(hard(transcript.question(), transcript.answer()));
        }
        for (Subquestion sub : transcript.subquestions()) {
            Feedback verdict = sub.feedback().stream().filter(f -> f.verdict() != Verdict.EXPAND)
                    .reduce((a, b) -> b).orElse(null);
            SubAnswer person = sub.answers().stream().filter(a -> a.source() == AnswerSource.PERSON)
                    .reduce((a, b) -> b).orElse(null);
            if (verdict != null && verdict.verdict() == Verdict.CORRECT) {
                examples.add(hard(sub.text(), verdict.correctedAnswer()));
            } else if (person != null) {
                examples.add(hard(sub.text(), person.answer()));
            } else if (verdict != null && verdict.verdict() == Verdict.ACCEPT && sub.latestAnswer() != null
                    && sub.latestAnswer().answer() != null) {
                SubAnswer accepted = sub.latestAnswer();
                examples.add(accepted.votes().isEmpty() || majorityOnly ? hard(sub.text(), accepted.answer())
                        : new TextExample(sub.text(), shares(accepted)));
            }
        }
        return examples;
    }

    /**
     * The soft targets of an accepted answer: the answer the copies gave, with the agreement they
     * recorded (the share of the majority), and the rest of the votes sharing what is left. Where the
     * copies' votes are answers of a closed set (the small model's), that is each answer's share of
     * the votes. Where they are a language model's samples, grouped by meaning (an endpoint: its
     * majority group's shortest member is the answer), the answer gets its group's share even though
     * the group's other samples are worded otherwise, and each other group its share under its shortest
     * sample (the groups recorded with the answer); where no groups were recorded, the rest is spread
     * evenly over the samples worded otherwise than the answer.
     */
    static Map<String, Double> shares(SubAnswer accepted) {
        String answer = accepted.answer().strip();
        List<Integer> groups = accepted.voteGroups();
        if (!groups.isEmpty() && groups.size() == accepted.votes().size()) {
            return groupShares(answer, accepted.votes(), groups);
        }
        Double agreement = accepted.agreement();
        List<String> others = accepted.votes().stream().map(String::strip).filter(v -> !v.equals(answer)).toList();
        if (agreement == null || !(agreement > 0) || agreement > 1) {
            return shares(accepted.votes());
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put(answer, agreement);
        if (agreement < 1) {
            others.forEach(vote -> shares.merge(vote, (1 - agreement) / others.size(), Double::sum));
        }
        return shares;
    }

    /** Each group's share of the votes: group 0 (the majority's) under the answer, the others under their shortest vote. */
    static Map<String, Double> groupShares(String answer, List<String> votes, List<Integer> groups) {
        Map<Integer, String> names = new java.util.TreeMap<>();
        Map<Integer, Integer> sizes = new java.util.TreeMap<>();
        for (int i = 0; i < votes.size(); i++) {
            int group = groups.get(i);
            String vote = votes.get(i).strip();
            sizes.merge(group, 1, Integer::sum);
            names.merge(group, group == 0 ? answer : vote, (a, b) -> b.length() < a.length() ? b : a);
        }
        names.put(0, answer);
        Map<String, Double> shares = new LinkedHashMap<>();
        sizes.forEach((group, size) -> shares.merge(names.get(group), (double) size / votes.size(), Double::sum));
        return shares;
    }

    /** Each answer's share of the votes. */
    static Map<String, Double> shares(List<String> votes) {
        Map<String, Double> shares = new LinkedHashMap<>();
        votes.forEach(vote -> shares.merge(vote, 1.0 / votes.size(), Double::sum));
        return shares;
    }

    private static TextExample hard(String question, String answer) {
        return new TextExample(question, Map.of(answer.strip(), 1.0));
    }

    /** Training and held-out examples. */
    public record Split(List<TextExample> train, List<TextExample> heldOut) {}
}
