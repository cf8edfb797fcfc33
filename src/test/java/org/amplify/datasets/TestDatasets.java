package org.amplify.datasets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.amplify.accounts.Account;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundRejectedException;
import org.amplify.distillation.RoundRequest;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Subquestion;
import org.amplify.questions.TestTrees;
import org.amplify.questions.Verdict;
import org.amplify.questions.WorkspaceService;
import org.springframework.stereotype.Component;

import static org.awaitility.Awaitility.await;

/**
 * Transcripts made through the real services, once per Spring context, for the datasets tests: two
 * experts of their own (so that filtering by them isolates these transcripts from other tests'),
 * text and permutation-powering trees with answers from the context, the copies and people, every
 * kind of verdict the copies' answers allow, and a snapshot taken by a real distillation round.
 */
@Component
public class TestDatasets {

    public static final String ALICE = "datasets-alice";
    public static final String BOB = "datasets-bob";

    private final TestAccounts accounts;
    private final TestTrees trees;
    private final QuestionService questions;
    private final WorkspaceService work;
    private final DistillationService distillation;
    private Fixture fixture;

    /**
     * @param transcripts every submitted workspace made here, in submission order
     * @param aliceTranscripts those submitted by Alice; {@code bobTranscripts} by Bob
     * @param round the round whose snapshot froze every text transcript
     */
    public record Fixture(Account alice, Account bob, List<Long> transcripts, List<Long> aliceTranscripts,
            List<Long> bobTranscripts, List<Long> textTranscripts, List<Long> permutationTranscripts, Round round) {}

    TestDatasets(TestAccounts accounts, TestTrees trees, QuestionService questions, WorkspaceService work,
            DistillationService distillation) {
        this.accounts = accounts;
        this.trees = trees;
        this.questions = questions;
        this.work = work;
        this.distillation = distillation;
    }

    public synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = build();
        }
        return fixture;
    }

    private Fixture build() {
        Account alice = accounts.user(ALICE, Role.EXPERT);
        Account bob = accounts.user(BOB, Role.EXPERT);
        List<Long> all = new ArrayList<>();
        List<Long> ofAlice = new ArrayList<>();
        List<Long> ofBob = new ArrayList<>();
        List<Long> text = new ArrayList<>();
        List<Long> permutation = new ArrayList<>();

        // text 1: a subquestion with part of the document; a person answers it if the copies cannot
        long capital = questions.createTree(new NewTree("text", "What is the capital of France?",
                "France is a country in Europe.\nIts capital is Paris, on the Seine.", null, null, null, null, null,
                null), alice.id());
        long which = work.ask(capital, "Which city is named as the capital?", "Its capital is Paris, on the Seine.",
                alice.id());
        Subquestion asked = trees.answered(capital, which);
        if (!asked.childWorkspaceIds().isEmpty()) {
            long child = asked.childWorkspaceIds().get(0);
            work.unlock(child, bob.id());
            work.submit(child, questions.workspace(child).version(), "Paris", bob.id());
            all.add(child);
            ofBob.add(child);
            text.add(child);
            trees.until(capital, which, s -> s.answer() != null);
        }
        if (trees.until(capital, which, s -> true).answer() != null) {
            work.feedback(which, Verdict.ACCEPT, null, alice.id());
        }
        submit(capital, "Paris", alice, all, ofAlice, text);

        // text 2: a correction ("quotes", a newline and non-ASCII text survive the export)
        long sum = questions.createTree(new NewTree("text", "What is \"two plus two\"?", "Arithmetic: 2 + 2.\nÜber "
                + "einfach — ☃", null, null, null, null, null, null), alice.id());
        long two = work.ask(sum, "What is two?", "", alice.id());
        trees.answered(sum, two);
        work.feedback(two, Verdict.CORRECT, "2", alice.id());
        submit(sum, "4\n(two plus two)", alice, all, ofAlice, text);

        // text 3: Bob answers at once, no subquestion
        long plain = questions.createTree(new NewTree("text", "Is water wet?", "Water is a liquid.", null, null, null,
                null, null, null), bob.id());
        submit(plain, "yes", bob, all, ofBob, text);

        // permutation powering: the context answers a primitive, the copies (an untrained champion) the rest
        trees.promotedUntrainedModel();
        long power = trees.permutationTree(alice.id(), null, null, null);
        String name = trees.firstName();
        long primitive = work.ask(power, name + " 0 0 0 0 0 1", "", alice.id());
        long squared = work.ask(power, name + " 0 0 0 0 1 0", "", alice.id());
        long cubed = work.ask(power, name + " 0 0 0 0 1 1", "", alice.id());
        trees.answered(power, primitive);
        trees.answered(power, squared);
        Subquestion third = trees.answered(power, cubed);
        work.feedback(primitive, Verdict.ACCEPT, null, alice.id());
        work.feedback(squared, Verdict.CORRECT, trees.contextNames()[1], alice.id());
        if (third.childQuestionId() == null) {
            work.feedback(cubed, Verdict.EXPAND, null, alice.id());
        }
        submit(power, trees.contextNames()[2], alice, all, ofAlice, permutation);

        Round round = snapshotAllText();
        return new Fixture(alice, bob, List.copyOf(all), List.copyOf(ofAlice), List.copyOf(ofBob), List.copyOf(text),
                List.copyOf(permutation), round);
    }

    private void submit(long workspace, String answer, Account expert, List<Long> all, List<Long> ofExpert,
            List<Long> ofDomain) {
        work.submit(workspace, questions.workspace(workspace).version(), answer, expert.id());
        all.add(workspace);
        ofExpert.add(workspace);
        ofDomain.add(workspace);
    }

    /** A real round (one epoch, never promoted) over every text transcript; waits for it to end. */
    private Round snapshotAllText() {
        Round[] started = new Round[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                started[0] = distillation.start(new RoundRequest("text", true, false, 1, 7L, false), "datasets-tests");
                return true;
            } catch (RoundRejectedException e) {
                return false; // another test's round of text is still running
            }
        });
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> distillation.get(started[0].id()).status().finished());
        return distillation.get(started[0].id());
    }
}
