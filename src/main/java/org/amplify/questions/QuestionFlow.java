package org.amplify.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amplify.domains.Domains;
import org.amplify.questions.internal.CopiesStore;
import org.amplify.questions.internal.SubquestionStore;
import org.amplify.questions.internal.SubquestionStore.SubquestionRow;
import org.amplify.questions.internal.TreeStore;
import org.amplify.questions.internal.TreeStore.QuestionRow;
import org.amplify.questions.internal.WorkspaceStore;
import org.amplify.questions.internal.WorkspaceStore.WorkspaceRow;
import org.springframework.stereotype.Component;

/**
 * How answers move through a tree: a subquestion's status and usable answer from its append-only
 * rows; a subquestion becoming a question of its own (expanded, or sent to people when the copies
 * disagree); a question's answer, once its experts agree, flowing back to the workspace that asked.
 */
@Component
class QuestionFlow {

    private final TreeStore trees;
    private final WorkspaceStore workspaces;
    private final SubquestionStore subquestions;
    private final Domains domains;
    private final CopiesStore copies;

    QuestionFlow(TreeStore trees, WorkspaceStore workspaces, SubquestionStore subquestions,
            Domains domains, CopiesStore copies) {
        this.domains = domains;
        this.copies = copies;
        this.trees = trees;
        this.workspaces = workspaces;
        this.subquestions = subquestions;
    }

    Workspace view(WorkspaceRow row, boolean withSiblings) {
        QuestionRow question = trees.question(row.questionId()).orElseThrow();
        Tree tree = trees.find(row.treeId()).orElseThrow();
        Long parentWorkspace = question.parentSubquestionId() == null ? null
                : subquestions.find(question.parentSubquestionId()).orElseThrow().workspaceId();
        String parentContext = parentContext(question).orElse(null);
        boolean hidden = parentContext != null && !parentContext.equals(question.visibleContext());
        List<Subquestion> subs = withSiblings ? subquestions(subquestions.ofWorkspace(row.id()), tree.domain()) : List.of();
        List<Workspace> siblings = withSiblings ? workspaces.ofQuestion(row.questionId()).stream()
                .filter(w -> w.id() != row.id()).map(w -> view(w, false)).toList() : List.of();
        Workspace.Budget budget = new Workspace.Budget(tree.stats().modelCalls(), tree.modelCallBudget(),
                tree.stats().workspaces(), tree.workspaceBudget(), question.depth(), tree.depthLimit());
        return new Workspace(row.id(), row.questionId(), tree.id(), tree.title(), tree.domain(), question.depth(),
                question.text(), readable(tree.domain(), question.text()), question.visibleContext(), row.contextUnlocked() ? parentContext : null, hidden,
                row.open(), row.closed(), row.heldByOther(-1) ? row.heldBy() : null, row.heldByOther(-1) ? row.heldByName() : null,
                row.heldUntil(), row.scratchpad(), row.draftAnswer(), row.answer(), row.answeredByName(),
                row.version(), parentWorkspace, subs, siblings, budget, row.createdAt());
    }

    /** The context the question's asker saw (what an unlock shows); empty at the root. */
    Optional<String> parentContext(QuestionRow question) {
        if (question.parentSubquestionId() == null) {
            return Optional.empty();
        }
        SubquestionRow asking = subquestions.find(question.parentSubquestionId()).orElseThrow();
        WorkspaceRow parent = workspaces.find(asking.workspaceId()).orElseThrow();
        return Optional.of(trees.question(parent.questionId()).orElseThrow().visibleContext());
    }

    // The same rule in SQL: the view questions_subquestion_states (V20); SubquestionStateViewTests pins the two.
    /** @param domain the domain of the subquestion's tree (for its readable form) */
    Subquestion subquestion(SubquestionRow row, String domain) {
        return subquestions(List.of(row), domain).get(0);
    }

    /**
     * The subquestions as their rows show them, in the order given: their answers, feedback and
     * child workspaces read for all of them at once (four statements, however many there are).
     */
    List<Subquestion> subquestions(List<SubquestionRow> rows, String domain) {
        List<Long> ids = rows.stream().map(SubquestionRow::id).toList();
        Map<Long, List<SubAnswer>> answers = subquestions.answers(ids);
        Map<Long, List<Feedback>> feedback = subquestions.feedback(ids);
        Map<Long, QuestionRow> children = trees.questionsOf(ids);
        Map<Long, List<WorkspaceRow>> childWorkspaces = workspaces.ofQuestions(
                children.values().stream().map(QuestionRow::id).toList());
        return rows.stream().map(row -> {
            Optional<QuestionRow> child = Optional.ofNullable(children.get(row.id()));
            return subquestion(row, domain, answers.getOrDefault(row.id(), List.of()),
                    feedback.getOrDefault(row.id(), List.of()), child, child.map(q -> childWorkspaces
                            .getOrDefault(q.id(), List.of()).stream().map(WorkspaceRow::id).toList()).orElse(List.of()));
        }).toList();
    }

    private Subquestion subquestion(SubquestionRow row, String domain, List<SubAnswer> answers, List<Feedback> feedback,
            Optional<QuestionRow> child, List<Long> childWorkspaces) {
        Feedback verdict = feedback.stream().filter(f -> f.verdict() != Verdict.EXPAND).reduce((a, b) -> b)
                .orElse(null);
        SubAnswer person = answers.stream().filter(a -> a.source() == AnswerSource.PERSON).reduce((a, b) -> b)
                .orElse(null);
        SubAnswer own = answers.stream().filter(a -> a.source() != AnswerSource.PERSON).reduce((a, b) -> b)
                .orElse(null);
        boolean expanded = feedback.stream().anyMatch(f -> f.verdict() == Verdict.EXPAND);
        SubquestionStatus status;
        String answer = null;
        if (verdict != null && verdict.verdict() == Verdict.CORRECT) {
            status = SubquestionStatus.CORRECTED;
            answer = verdict.correctedAnswer();
        } else if (person != null) {
            status = SubquestionStatus.ANSWERED_BY_PERSON;
            answer = person.answer();
        } else if (verdict != null && own != null && own.answer() != null) {
            status = SubquestionStatus.ANSWERED_BY_MODEL; // accepted by the expert
            answer = own.answer();
        } else if (child.isPresent()) {
            status = expanded ? SubquestionStatus.EXPANDED : SubquestionStatus.NEEDS_PERSON;
        } else if (own == null) {
            status = SubquestionStatus.OPEN;
        } else if (own.trusted()) {
            status = SubquestionStatus.ANSWERED_BY_MODEL;
            answer = own.answer();
        } else {
            status = SubquestionStatus.NEEDS_PERSON;
        }
        return new Subquestion(row.id(), row.workspaceId(), row.position(), row.text(), readable(domain, row.text()),
                row.passedContext(), status,
                answer, answers, feedback, child.map(QuestionRow::id).orElse(null), childWorkspaces, row.createdAt());
    }

    /** The question in its domain's notation ({@code σ^5(ab)}), or null in {@code text} or if it does not parse. */
    String readable(String domain, String text) {
        return domains.find(domain).flatMap(d -> d.parse(text).map(d::describe)).orElse(null);
    }

    /**
     * Records the copies' side's answers: the untrusted ones (the copies disagree) or none at all
     * first put their subquestions in the people's queue, as questions of their own, when the
     * trees' budgets allow (one statement for all of them), otherwise their notes say why not; then
     * all answers in one insert, whose trigger (V26) notifies every node once it commits.
     */
    void recordAnswers(List<CopyAnswer> answers) {
        List<CopiesStore.NewAnswer> rows = answers.stream().map(QuestionFlow::row).toList();
        Map<Long, TreeStore.Became> sent = new java.util.HashMap<>();
        trees.becomeQuestions(rows.stream().filter(r -> !r.trusted()).map(CopiesStore.NewAnswer::subquestionId)
                .toList(), "SENT_TO_PEOPLE").forEach(b -> sent.put(b.subquestionId(), b));
        copies.insertAnswers(rows.stream().map(row -> {
            TreeStore.Became became = sent.get(row.subquestionId());
            if (became == null || became.refusal() == null) {
                return row;
            }
            return row.withNote((row.note() == null ? "" : row.note() + " ") + refusal(became).getMessage()
                    + " Answer it yourself with Correct.");
        }).toList());
    }

    private static CopiesStore.NewAnswer row(CopyAnswer answer) {
        if (answer instanceof CopyAnswer.Primitive p) {
            return new CopiesStore.NewAnswer(p.subquestionId(), AnswerSource.PRIMITIVE.name(), p.answer(), List.of(),
                    null, true, null, null);
        } else if (answer instanceof CopyAnswer.Remembered r) {
            return new CopiesStore.NewAnswer(r.subquestionId(), AnswerSource.MEMORY.name(), r.answer(), List.of(), null,
                    true, r.modelVersionId(), null);
        } else if (answer instanceof CopyAnswer.Voted v) {
            return new CopiesStore.NewAnswer(v.subquestionId(), AnswerSource.MODEL.name(), v.answer(), v.votes(),
                    v.agreement(), v.trusted(), v.modelVersionId(), v.note(), v.calls());
        }
        CopyAnswer.Unanswered u = (CopyAnswer.Unanswered) answer; // the last of the sealed type's cases
        return new CopiesStore.NewAnswer(u.subquestionId(), AnswerSource.UNANSWERED.name(), null, List.of(), null,
                false, null, u.note(), u.calls());
    }

    /**
     * The subquestion becomes a question of its own with its workspaces in the queue, within the
     * tree's workspace budget and depth limit (an expert's Expand: its caller writes the event).
     *
     * @throws QuestionRefusedException when the tree's depth limit or workspace budget does not allow it
     */
    long becomeQuestion(SubquestionRow sub) {
        TreeStore.Became became = trees.becomeQuestions(List.of(sub.id()), null).get(0);
        if (became.refusal() != null) {
            throw refusal(became);
        }
        return became.questionId();
    }

    private static QuestionRefusedException refusal(TreeStore.Became became) {
        return new QuestionRefusedException(null, "DEPTH".equals(became.refusal())
                ? "The tree's depth limit (" + became.limit() + ") is reached: this subquestion cannot get a workspace"
                        + " of its own."
                : "The tree's budget of expert workspaces (" + became.limit() + ") is spent: this subquestion cannot"
                        + " get a workspace of its own.");
    }

    /** The question's answer: its experts' when they all answered alike, an admin's resolution otherwise. */
    Optional<String> answerOf(long questionId) {
        Optional<String> resolved = trees.resolution(questionId);
        if (resolved.isPresent()) {
            return resolved;
        }
        List<WorkspaceRow> all = workspaces.ofQuestion(questionId).stream().filter(w -> !w.closed()).toList();
        List<String> answers = all.stream().filter(w -> !w.open()).map(WorkspaceRow::answer).toList();
        if (answers.isEmpty() || answers.size() < all.size()) {
            return Optional.empty();
        }
        String first = QuestionService.normalize(answers.get(0));
        return answers.stream().allMatch(a -> QuestionService.normalize(a).equals(first))
                ? Optional.of(answers.get(0)) : Optional.empty();
    }

    boolean disagreement(long questionId) {
        List<WorkspaceRow> all = workspaces.ofQuestion(questionId).stream().filter(w -> !w.closed()).toList();
        return !all.isEmpty() && all.stream().noneMatch(WorkspaceRow::open) && answerOf(questionId).isEmpty();
    }

    /**
     * The subquestion's answer is settled in the workspace that asked it (accepted or corrected):
     * the open workspaces of its own question, and everything they asked, are no longer needed.
     */
    void closeBelow(SubquestionRow sub, String reason, Long actorId) {
        trees.questionOf(sub.id()).ifPresent(child -> workspaces.ofQuestion(child.id()).forEach(w -> {
            if (w.open() && workspaces.close(w.id())) {
                workspaces.event(w.id(), "CLOSED", actorId, Map.of("reason", reason));
                closeBelow(w.id(), reason, actorId);
            }
        }));
    }

    /** The workspace was submitted or closed: the open workspaces below its subquestions are no longer needed. */
    void closeBelow(long workspaceId, String reason, Long actorId) {
        subquestions.ofWorkspace(workspaceId).forEach(s -> closeBelow(s, reason, actorId));
    }

    /** After a submit or a resolution: the answer, if the question has one now, goes to the workspace that asked. */
    void questionAnswered(long questionId, Long actorId) {
        QuestionRow question = trees.question(questionId).orElseThrow();
        Optional<String> answer = answerOf(questionId);
        if (question.parentSubquestionId() == null) {
            return;
        }
        SubquestionRow asking = subquestions.find(question.parentSubquestionId()).orElseThrow();
        if (answer.isPresent()) {
            subquestions.insertAnswer(asking.id(), AnswerSource.PERSON, answer.get(), List.of(), null, true, null,
                    null); // its insert notifies the pages
            workspaces.event(asking.workspaceId(), "ANSWER_RECEIVED", actorId, Map.of("subquestion",
                    asking.position(), "answer", answer.get()));
        } else if (disagreement(questionId)) {
            workspaces.event(asking.workspaceId(), "DISAGREEMENT", actorId, Map.of("subquestion", asking.position()));
        }
    }

    TreeView treeView(Tree tree) {
        List<QuestionRow> questions = trees.questions(tree.id());
        QuestionRow root = questions.stream().filter(q -> q.depth() == 0).findFirst().orElseThrow();
        return new TreeView(tree, node(root, tree.domain()));
    }

    private TreeView.Node node(QuestionRow question, String domain) {
        List<WorkspaceRow> rows = workspaces.ofQuestion(question.id());
        List<TreeView.Branch> branches = new ArrayList<>();
        for (WorkspaceRow ws : rows) {
            for (Subquestion sub : subquestions(subquestions.ofWorkspace(ws.id()), domain)) {
                TreeView.Node child = sub.childQuestionId() == null ? null
                        : node(trees.question(sub.childQuestionId()).orElseThrow(), domain);
                branches.add(new TreeView.Branch(sub.id(), ws.id(), sub.readable() != null ? sub.readable() : sub.text(),
                        sub.status(), sub.answer(), child));
            }
        }
        String readable = readable(domain, question.text());
        return new TreeView.Node(question.id(), readable != null ? readable : question.text(), rows.stream().map(WorkspaceRow::id).toList(),
                answerOf(question.id()).orElse(null), disagreement(question.id()), branches);
    }
}
