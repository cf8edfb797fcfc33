package org.amplify.amplification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.AmplifyApplication;
import org.amplify.accounts.TestAccounts;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
import org.amplify.questions.TestTrees;
import org.amplify.questions.WorkspaceService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A benchmark, not a test: the time from an expert asking 8 subquestions (one after the other, as
 * the page does) to all 8 × 3 copy answers stored, on a promoted model of the default size
 * (permutation powering, N = 8; an untrained model: inference costs the same), in the whole app with
 * its embedded PostgreSQL. Median of 20 runs after 3 warm-up runs; each run in a fresh context, so
 * nothing is answered from memory.
 *
 * <pre>./mvnw -q test-compile && java -Dai.djl.offline=true -cp "$CP" org.amplify.amplification.CopyAnswersBenchmark</pre>
 */
public final class CopyAnswersBenchmark {

    private static final int SUBQUESTIONS = 8;
    private static final int WARM_UP = 3;
    private static final int RUNS = 20;

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("ai.djl.offline", "true");
        SpringApplication app = new SpringApplication(AmplifyApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--jobrunr.background-job-server.enabled=false")) {
            QuestionService questions = context.getBean(QuestionService.class);
            WorkspaceService work = context.getBean(WorkspaceService.class);
            long expert = context.getBean(TestAccounts.class).expert().id();
            context.getBean(TestTrees.class).promotedUntrainedModel();
            CopyPool copies = context.getBean(CopyPool.class);
            PermutationPowering domain = new PermutationPowering();
            double[] millis = new double[RUNS];
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long seed = 1000 + run;
                var facts = domain.generate(8, new SplittableRandom(seed)).facts();
                long root = questions.createTree(new NewTree(PermutationPowering.NAME,
                        domain.vocabulary().symbol(facts[0][0]) + " 0 0 0 1 0 1", null, 8, seed, null, null, null,
                        null), expert);
                long callsBefore = copies.calls();
                long start = System.nanoTime();
                List<Long> asked = new ArrayList<>();
                for (int i = 0; i < SUBQUESTIONS; i++) {
                    String name = domain.vocabulary().symbol(facts[i][0]);
                    asked.add(work.ask(root, name + " 0 0 0 0 1 " + (i % 2), "", expert));
                }
                while (!allVoted(questions, root, asked)) {
                    Thread.sleep(1);
                }
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (copies.calls() - callsBefore != (long) SUBQUESTIONS * 3) {
                    throw new IllegalStateException("expected " + SUBQUESTIONS * 3 + " copy answers, the copies gave "
                            + (copies.calls() - callsBefore));
                }
                if (run >= WARM_UP) {
                    millis[run - WARM_UP] = elapsed;
                }
            }
            Arrays.sort(millis);
            System.out.printf("asking %d subquestions to all %d copy answers stored: median %.1f ms (min %.1f, max %.1f)"
                    + " over %d runs%n", SUBQUESTIONS, SUBQUESTIONS * 3, (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2,
                    millis[0], millis[RUNS - 1], RUNS);
        }
    }

    private static boolean allVoted(QuestionService questions, long workspace, List<Long> asked) {
        List<Subquestion> subs = questions.workspace(workspace).subquestions();
        return asked.stream().allMatch(id -> subs.stream().filter(s -> s.id() == id).findFirst()
                .map(Subquestion::latestAnswer).map(SubAnswer::source).filter(AnswerSource.MODEL::equals).isPresent());
    }
}
