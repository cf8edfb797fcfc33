package org.amplify.amplification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amplify.models.TextAnswer;
import org.amplify.models.TextExample;
import org.amplify.models.TextModel;
import org.amplify.models.TextParaphrases;
import org.amplify.models.TextTraining;

/**
 * Calibrates {@code amplify.amplification.text-similarity-threshold} (a measurement, not a test):
 * trains the text model on six phrasings of eight answered questions (seeds 1-5) and asks the copies
 * held-out questions: the two other phrasings of each (their right answer known), and eight phrasings
 * each of four questions nobody answered (every trusted answer to them is wrong). Prints, per
 * similarity threshold (agreement threshold 0.6667, 3 copies), the precision of the trusted answers
 * and the share of answerable questions trusted, median [min, max] over the seeds. Run with
 * {@code java -Dai.djl.offline=true -cp "$CP" org.amplify.amplification.TextTrustCalibration}.
 */
public final class TextTrustCalibration {

    private static final Map<String, List<String>> ANSWERED = new LinkedHashMap<>();
    private static final List<List<String>> UNANSWERED = new ArrayList<>();

    static {
        ANSWERED.putAll(TextParaphrases.GROUPS);
        ANSWERED.put("the broad street pump", List.of("which pump spread the cholera in soho",
                "where did the 1854 soho cholera come from", "what was the source of the broad street outbreak",
                "which water pump did snow blame", "the soho cholera of 1854 came from which pump",
                "what did john snow find was the source", "which pump was the source of the 1854 cholera",
                "where did the cholera on broad street come from"));
        ANSWERED.put("southwark and vauxhall", List.of("which water company supplied most of the deaths",
                "which company's water killed most households", "the households with most deaths drank whose water",
                "which supplier had the most cholera deaths", "whose water did the dying households get",
                "which water company had the highest death rate", "most deaths were among customers of which company",
                "which company supplied the households with most deaths"));
        UNANSWERED.add(List.of("who painted the mona lisa", "the mona lisa was painted by whom",
                "which artist painted the mona lisa", "who is the painter of the mona lisa", "name the mona lisa's painter",
                "who made the mona lisa", "the painter of the mona lisa is who", "mona lisa artist?"));
        UNANSWERED.add(List.of("how many legs does a spider have", "a spider has how many legs",
                "number of legs on a spider", "count a spider's legs", "how many legs do spiders have",
                "spider legs: how many", "what is the number of legs of a spider", "legs of a spider?"));
        UNANSWERED.add(List.of("what year did the titanic sink", "when did the titanic go down",
                "the titanic sank in which year", "in what year was the titanic lost", "titanic sinking year?",
                "which year did the titanic sink in", "when was the titanic sunk", "year of the titanic disaster"));
        UNANSWERED.add(List.of("what did people think caused cholera in 1854", "the miasma theory said what",
                "what was the theory of bad air", "how did doctors explain cholera before snow",
                "what was miasma", "which theory did snow argue against", "before germ theory what caused cholera",
                "what did the board of health believe about cholera"));
    }

    private static final double[] THRESHOLDS = {-1, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};

    private TextTrustCalibration() {
    }

    public static void main(String[] args) {
        int copies = 3;
        double agreement = 0.6667;
        int seeds = 5;
        double[][] precision = new double[THRESHOLDS.length][seeds];
        double[][] coverage = new double[THRESHOLDS.length][seeds];
        double[][] wrongUnanswered = new double[THRESHOLDS.length][seeds];
        for (int seed = 1; seed <= seeds; seed++) {
            try (TextModel model = TextModel.train(training(), null, TextTraining.defaults(), seed, null, null)) {
                List<Asked> asked = new ArrayList<>();
                ANSWERED.forEach((answer, questions) -> questions.subList(6, 8)
                        .forEach(q -> asked.add(new Asked(votes(model, q, copies), answer))));
                UNANSWERED.forEach(questions -> questions.forEach(q -> asked.add(new Asked(votes(model, q, copies), null))));
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    int trusted = 0;
                    int right = 0;
                    int answerableTrusted = 0;
                    int answerable = 0;
                    int unansweredTrusted = 0;
                    int unanswered = 0;
                    for (Asked a : asked) {
                        TextTrust trust = TextTrust.of(a.votes(), agreement, THRESHOLDS[t]);
                        if (a.right() != null) {
                            answerable++;
                        } else {
                            unanswered++;
                        }
                        if (trust.trusted()) {
                            trusted++;
                            if (trust.answer().equals(a.right())) {
                                right++;
                            }
                            if (a.right() != null) {
                                answerableTrusted++;
                            } else {
                                unansweredTrusted++;
                            }
                        }
                    }
                    precision[t][seed - 1] = trusted == 0 ? Double.NaN : (double) right / trusted;
                    coverage[t][seed - 1] = (double) answerableTrusted / answerable;
                    wrongUnanswered[t][seed - 1] = (double) unansweredTrusted / unanswered;
                }
            }
        }
        System.out.println("similarity threshold | precision of trusted | answerable trusted | unanswerable trusted"
                + "   (median [min, max] over seeds 1-" + seeds + ")");
        for (int t = 0; t < THRESHOLDS.length; t++) {
            System.out.printf(Locale.ROOT, "%20s | %s | %s | %s%n", THRESHOLDS[t] < -0.5 ? "none" : "%.2f".formatted(
                    THRESHOLDS[t]), figure(precision[t]), figure(coverage[t]), figure(wrongUnanswered[t]));
        }
    }

    private static List<TextAnswer> votes(TextModel model, String question, int copies) {
        List<TextAnswer> votes = new ArrayList<>();
        for (int m = 0; m < Math.min(copies, model.members()); m++) {
            votes.add(model.answer(m, question));
        }
        return votes;
    }

    private static List<TextExample> training() {
        List<TextExample> examples = new ArrayList<>();
        ANSWERED.forEach((answer, questions) -> questions.subList(0, 6)
                .forEach(q -> examples.add(TextExample.of(q, answer))));
        return examples;
    }

    private static String figure(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return "     (nothing trusted)     ";
        }
        return String.format(Locale.ROOT, "%5.1f %% [%5.1f, %5.1f]", 100 * sorted[sorted.length / 2], 100 * sorted[0],
                100 * sorted[sorted.length - 1]);
    }

    private record Asked(List<TextAnswer> votes, String right) {
    }
}
