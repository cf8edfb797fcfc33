package org.amplify.questions;

import java.util.Arrays;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.amplify.accounts.Account;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.amplify.amplification.CopyPool;
import org.amplify.AmplifyProperties;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelSize;
import org.amplify.models.ModelVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Amplify^H(X) with people, through the services and the real database: the copies of a promoted
 * model answer subquestions in the background; a low agreement sends one to people; a remembered
 * subquestion costs no model call; budgets and depth limits refuse with a message; two experts saving
 * the same workspace never overwrite each other.
 */
@SpringBootTest
class WorkspaceFlowTests {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    CopyPool copies;

    @Autowired
    ModelRegistry registry;

    @Autowired
    AmplifyProperties amplify;

    @Test
    void aSubquestionTheCopiesDisagreeOnGoesToThePeoplesQueue() {
        trees.promotedUntrainedModel();
        long expert = accounts.expert().id();
        long root = trees.permutationTree(expert, null, null, null);
        long sub = work.ask(root, trees.firstName() + " 0 0 0 0 1 0", "", expert);

        Subquestion answered = trees.until(root, sub, s -> s.latestAnswer() != null);
        SubAnswer votes = answered.latestAnswer();
        assertThat(votes.source()).isEqualTo(AnswerSource.MODEL);
        assertThat(votes.votes()).hasSize(3);
        assertThat(votes.agreement()).isLessThan(2.0 / 3);
        assertThat(votes.trusted()).isFalse();
        assertThat(answered.status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
        assertThat(answered.childWorkspaceIds()).hasSize(1);
        long child = answered.childWorkspaceIds().get(0);
        assertThat(questions.queue()).anySatisfy(entry -> {
            assertThat(entry.workspaceId()).isEqualTo(child);
            assertThat(entry.heldBy()).isNull();
        });
        assertThat(questions.workspace(child).question()).isEqualTo(trees.firstName() + " 0 0 0 0 1 0");
        assertThat(questions.history(root)).extracting(HistoryEvent::kind).contains("ASK", "SENT_TO_PEOPLE");
    }

    @Test
    void aPrimitiveIsReadFromTheContextAndARememberedSubquestionCostsNoModelCall() {
        trees.promotedUntrainedModel();
        long expert = accounts.expert().id();
        long first = trees.permutationTree(expert, null, null, null);
        String[] names = trees.contextNames();

        long primitive = work.ask(first, names[0] + " 0 0 0 0 0 1", "", expert);
        Subquestion read = trees.answered(first, primitive);
        assertThat(read.latestAnswer().source()).isEqualTo(AnswerSource.PRIMITIVE);
        assertThat(read.status()).isEqualTo(SubquestionStatus.ANSWERED_BY_MODEL);
        assertThat(read.answer()).isIn((Object[]) names);

        String question = names[1] + " 0 0 0 0 1 1";
        long asked = work.ask(first, question, "", expert);
        trees.answered(first, asked);
        work.feedback(asked, Verdict.CORRECT, names[2], expert);

        long callsBefore = copies.calls();
        long second = trees.permutationTree(accounts.user("other-expert", Role.EXPERT).id(), null, null, null);
        long again = work.ask(second, "  " + question.replace(" ", "  ") + " ", "",
                accounts.user("other-expert", Role.EXPERT).id());
        Subquestion remembered = trees.answered(second, again);
        assertThat(remembered.latestAnswer().source()).isEqualTo(AnswerSource.MEMORY);
        assertThat(remembered.answer()).isEqualTo(names[2]);
        assertThat(copies.calls()).isEqualTo(callsBefore);
    }

    @Test
    void budgetsAndTheDepthLimitRefuseWithAMessage() {
        trees.promotedUntrainedModel();
        long expert = accounts.expert().id();
        String name = trees.firstName();

        long small = trees.permutationTree(expert, 1, null, null);
        long sub = work.ask(small, name + " 0 0 0 0 0 1", "", expert);
        trees.answered(small, sub);
        assertThatThrownBy(() -> work.feedback(sub, Verdict.EXPAND, null, expert))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("budget of expert workspaces (1)");

        long shallow = trees.permutationTree(expert, null, 0, null);
        long sub2 = work.ask(shallow, name + " 0 0 0 0 0 1", "", expert);
        trees.answered(shallow, sub2);
        assertThatThrownBy(() -> work.feedback(sub2, Verdict.EXPAND, null, expert))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("depth limit (0)");

        long noCalls = trees.permutationTree(expert, null, null, 0);
        long sub3 = work.ask(noCalls, name + " 0 0 0 1 1 1", "", expert);
        Subquestion unanswered = trees.answered(noCalls, sub3);
        assertThat(unanswered.latestAnswer().source()).isEqualTo(AnswerSource.UNANSWERED);
        assertThat(unanswered.latestAnswer().note()).contains("budget of model calls is spent");
        assertThat(questions.tree(questions.workspace(noCalls).treeId()).stats().modelCalls()).isZero();
    }

    @Test
    void twoExpertsSavingOneWorkspaceNeverOverwriteEachOther() {
        Account alice = accounts.user("alice-conflict", Role.EXPERT);
        Account bob = accounts.user("bob-conflict", Role.EXPERT);
        long ws = questions.createTree(new NewTree("text", "Is the plan sound?", "The plan.", null, null, null, null,
                null, null), alice.id());
        long loaded = questions.workspace(ws).version(); // both open the page at this version

        work.save(ws, loaded, "alice's notes", "yes", alice.id());
        assertThatThrownBy(() -> work.save(ws, loaded, "bob's notes", "no", bob.id()))
                .isInstanceOf(WorkspaceConflictException.class)
                .hasMessageContaining("alice-conflict saved this workspace after you opened it")
                .satisfies(e -> assertThat(((WorkspaceConflictException) e).yourScratchpad()).isEqualTo("bob's notes"));

        Workspace saved = questions.workspace(ws);
        assertThat(saved.scratchpad()).isEqualTo("alice's notes");
        assertThat(saved.draftAnswer()).isEqualTo("yes");
        List<HistoryEvent> history = questions.history(ws);
        assertThat(history).filteredOn(e -> e.kind().equals("SAVE_CONFLICT")).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("scratchpad", "bob's notes"));
        assertThat(history).filteredOn(e -> e.kind().equals("SAVE")).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("scratchpad", "alice's notes"));
    }

    @Test
    void anAnswerGivenInAChildWorkspaceFlowsBackToItsParent() {
        long owner = accounts.expert().id();
        Account helper = accounts.user("helper-expert", Role.EXPERT);
        long root = questions.createTree(new NewTree("text", "Should we ship?", "Tests pass. Docs are missing.", null,
                null, null, null, null, null), owner);
        long sub = work.ask(root, "Are the docs ready?", "Docs are missing.", owner);
        Subquestion waiting = trees.answered(root, sub);
        assertThat(waiting.status()).isEqualTo(SubquestionStatus.NEEDS_PERSON); // no model answers text yet
        long child = waiting.childWorkspaceIds().get(0);

        work.submit(child, questions.workspace(child).version(), "No", helper.id());
        Subquestion back = questions.workspace(root).subquestions().get(0);
        assertThat(back.status()).isEqualTo(SubquestionStatus.ANSWERED_BY_PERSON);
        assertThat(back.answer()).isEqualTo("No");
        assertThat(questions.history(root)).extracting(HistoryEvent::kind).contains("ANSWER_RECEIVED");
        assertThatThrownBy(() -> work.ask(child, "More?", "", helper.id()))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("closed");
    }

    @Test
    void twoExpertsWhoDisagreeOnAQuestionAreResolvedByAnAdmin() {
        long owner = accounts.expert().id();
        Account first = accounts.user("first-of-two", Role.EXPERT);
        Account second = accounts.user("second-of-two", Role.EXPERT);
        long root = questions.createTree(new NewTree("text", "Which city?", "Paris or Rome.", null, null, null, null,
                null, 2), owner);
        assertThat(questions.workspace(root).siblings()).hasSize(1); // the root asks two experts too
        long sub = work.ask(root, "Which is older?", "Paris or Rome.", owner);
        List<Long> copies = trees.until(root, sub, s -> !s.childWorkspaceIds().isEmpty()).childWorkspaceIds();
        assertThat(copies).hasSize(2);

        work.submit(copies.get(0), 0, "Rome", first.id());
        assertThat(questions.workspace(root).subquestions().get(0).status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
        work.submit(copies.get(1), 0, "Paris", second.id());
        Workspace answered = questions.workspace(copies.get(0));
        assertThat(answered.siblings()).singleElement().satisfies(w -> assertThat(w.answer()).isEqualTo("Paris"));
        assertThat(questions.workspace(root).subquestions().get(0).status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
        assertThat(questions.history(root)).extracting(HistoryEvent::kind).contains("DISAGREEMENT");

        work.resolve(answered.questionId(), "Rome", accounts.admin().id());
        Subquestion resolved = questions.workspace(root).subquestions().get(0);
        assertThat(resolved.status()).isEqualTo(SubquestionStatus.ANSWERED_BY_PERSON);
        assertThat(resolved.answer()).isEqualTo("Rome");
        assertThatThrownBy(() -> work.resolve(answered.questionId(), "Paris", accounts.admin().id()))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("nothing to resolve");
    }

    @Test
    void aPastedContextIsCheckedAndItsPrimitivesAreReadFromIt() {
        long expert = accounts.expert().id();
        PermutationPowering domain = new PermutationPowering();
        int[][] facts = domain.generate(8, new SplittableRandom(5)).facts();
        String pasted = Arrays.stream(facts).map(domain::factNotation).collect(Collectors.joining("\n"));
        String name = domain.vocabulary().symbol(facts[0][0]);

        long root = questions.createTree(new NewTree(PermutationPowering.NAME, name + " 0 0 0 1 0 1", pasted, null,
                null, null, null, null, null), expert);
        Tree tree = questions.tree(questions.workspace(root).treeId());
        assertThat(tree.contextSeed()).isNull();
        assertThat(tree.contextSize()).isEqualTo(8);
        long sub = work.ask(root, name + " 0 0 0 0 0 1", "", expert);
        Subquestion read = trees.answered(root, sub);
        assertThat(read.latestAnswer().source()).isEqualTo(AnswerSource.PRIMITIVE);
        assertThat(read.answer()).isEqualTo(domain.vocabulary().symbol(facts[0][1]));

        assertThatThrownBy(() -> questions.createTree(new NewTree(PermutationPowering.NAME, name + " 0 0 0 1 0 1",
                pasted + "\nnot a fact", null, null, null, null, null, null), expert))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("Line 9 is not a fact");
        String twice = pasted + "\n" + domain.factNotation(facts[0]);
        assertThatThrownBy(() -> questions.createTree(new NewTree(PermutationPowering.NAME, name + " 0 0 0 1 0 1",
                twice, null, null, null, null, null, null), expert))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("9");
    }

    @Test
    void copiesThatCannotLoadTheirModelHandTheSubquestionToPeopleInsteadOfHanging() throws Exception {
        UnionFind domain = new UnionFind();
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 3)) {
            ModelVersion version = registry.promote(registry.register(model, ModelKind.SL, null, Map.of()).id(),
                    "tests");
            Files.writeString(amplify.dataDir().resolve(version.artifactPath()), "not a model any more");
            // and the database's copy, which a node falls back on: no copy of the model is left to load
            jdbc.update("UPDATE model_artifacts SET content = ? WHERE model_version_id = ?",
                    "not a model any more".getBytes(), version.id());
        }
        long expert = accounts.expert().id();
        var context = domain.generate(domain.defaultSize(), new SplittableRandom(9L));
        String question = domain.notation(domain.randomQuestion(context, domain.levels(), new SplittableRandom(1)));
        long root = questions.createTree(new NewTree(UnionFind.NAME, question, null, null, 9L, null, null, null, null),
                expert);
        long sub = work.ask(root, question, "", expert);
        Subquestion handed = trees.until(root, sub, s -> s.latestAnswer() != null);
        assertThat(handed.latestAnswer().source()).isEqualTo(AnswerSource.UNANSWERED);
        assertThat(handed.latestAnswer().note()).contains("failed").contains("a person should answer this");
        assertThat(handed.status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
        assertThat(handed.childWorkspaceIds()).hasSize(1);
    }
}
