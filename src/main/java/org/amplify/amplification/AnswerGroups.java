package org.amplify.amplification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The copies' answers in words, grouped by meaning: two answers are in one group when their
 * normalised text is equal or, where there are embeddings, their cosine similarity is at or above
 * the threshold (an answer joins the first group it is close to any member of). The largest group
 * (on a tie, the one formed first) is the majority: its share of the copies asked is the agreement,
 * its shortest member (on a tie, the first given) the answer shown.
 *
 * @param answer the majority group's shortest member
 * @param agreeing the majority group's size
 * @param agreement {@code agreeing} over the copies asked (a copy that gave no answer agrees with none)
 * @param groups the group of each answer, in the order given: 0 the majority's, then by size
 * @param byMeaning whether embeddings grouped them (else normalised text alone)
 */
record AnswerGroups(String answer, int agreeing, double agreement, List<Integer> groups, boolean byMeaning) {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[\\s.!?;:,…]+$");

    AnswerGroups {
        groups = List.copyOf(groups);
    }

    /**
     * @param answers the copies' answers, at least one
     * @param copies how many copies were asked (at least {@code answers.size()})
     * @param embeddings {@code [member][answer]} L2-normalised embeddings, the similarity averaged over
     *     the members; null: normalised text alone
     */
    static AnswerGroups of(List<String> answers, int copies, float[][][] embeddings, double threshold) {
        if (answers.isEmpty() || copies < answers.size()) {
            throw new IllegalArgumentException("need 1 to " + copies + " answers, got " + answers.size());
        }
        List<String> normalized = answers.stream().map(AnswerGroups::normalize).toList();
        List<List<Integer>> formed = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            List<Integer> joined = null;
            for (List<Integer> group : formed) {
                for (int j : group) {
                    if (normalized.get(i).equals(normalized.get(j))
                            || embeddings != null && similarity(embeddings, i, j) + 1e-9 >= threshold) {
                        joined = group;
                        break;
                    }
                }
                if (joined != null) {
                    break;
                }
            }
            if (joined == null) {
                joined = new ArrayList<>();
                formed.add(joined);
            }
            joined.add(i);
        }
        List<List<Integer>> bySize = new ArrayList<>(formed);
        bySize.sort(Comparator.comparingInt((List<Integer> g) -> -g.size())); // stable: ties keep their order
        Integer[] groupOf = new Integer[answers.size()];
        for (int g = 0; g < bySize.size(); g++) {
            for (int i : bySize.get(g)) {
                groupOf[i] = g;
            }
        }
        List<Integer> majority = bySize.get(0);
        int shortest = majority.get(0);
        for (int i : majority) {
            if (answers.get(i).strip().length() < answers.get(shortest).strip().length()) {
                shortest = i;
            }
        }
        return new AnswerGroups(answers.get(shortest).strip(), majority.size(), (double) majority.size() / copies,
                List.of(groupOf), embeddings != null);
    }

    /** Lower case, runs of white space as one space, no final punctuation: "Yes." and " yes" are one answer. */
    static String normalize(String answer) {
        String spaced = SPACES.matcher(answer.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return FINAL_PUNCTUATION.matcher(spaced).replaceAll("");
    }

    /** The answers' cosine similarity averaged over the members (each row L2-normalised). */
    static double similarity(float[][][] embeddings, int a, int b) {
        double sum = 0;
        for (float[][] member : embeddings) {
            float[] x = member[a];
            float[] y = member[b];
            for (int d = 0; d < x.length; d++) {
                sum += x[d] * y[d];
            }
        }
        return sum / embeddings.length;
    }
}
