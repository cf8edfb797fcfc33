package org.amplify.questions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.questions.internal.SubquestionStore;
import org.amplify.questions.internal.SubquestionStore.SubquestionRow;
import org.amplify.questions.internal.TreeStore;
import org.amplify.questions.internal.TreeStore.QuestionRow;
import org.amplify.questions.internal.WorkspaceStore;
import org.amplify.questions.internal.WorkspaceStore.WorkspaceRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an expert does in a workspace: ask subquestions, give feedback on their answers (accept,
 * correct, expand), save the scratchpad and the draft, submit the answer, unlock the hidden context,
 * take the next workspace from the queue. Every action is an event in the workspace's history. An
 * action takes the workspace (holds it for the expert) unless someone else holds it.
 */
@Service
@Transactional
public class WorkspaceService {

    private static final java.time.format.DateTimeFormatter HELD_UNTIL = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    private final Domains domains;
    private final TreeStore trees;
    private final WorkspaceStore workspaces;
    private final SubquestionStore subquestions;
    private final QuestionsProperties properties;
    private final QuestionFlow flow;
    private final QuestionService questions;
    private final ApplicationEventPublisher events;

    WorkspaceService(Domains domains, TreeStore trees, WorkspaceStore workspaces, SubquestionStore subquestions,
            QuestionsProperties properties, QuestionFlow flow, QuestionService questions,
            ApplicationEventPublisher events) {
        this.domains = domains;
        this.trees = trees;
        this.workspaces = workspaces;
        this.subquestions = subquestions;
        this.properties = properties;
        this.flow = flow;
        this.questions = questions;
        this.events = events;
    }

    /**
     * Asks a subquestion; the copies answer it in the background ({@link SubquestionsAsked}).
     *
     * @param passedContext the part of this workspace's context the subquestion may see: blank for
     *     none in {@code text} (all of it in an algorithmic domain, whose copies read the facts)
     * @return the subquestion's id
     */
    public long ask(long workspaceId, String text, String passedContext, long expertId) {
        WorkspaceRow ws = take(workspaceId, expertId);
        questions.checkText("subquestion", text);
        Tree tree = questions.tree(ws.treeId());
        QuestionRow question = trees.question(ws.questionId()).orElseThrow();
        String visible = question.visibleContext();
        Optional<AlgorithmicDomain> algorithmic = domains.find(tree.domain());
        String normalized = QuestionService.normalize(text);
        if (algorithmic.isPresent()) {
            AlgorithmicDomain d = algorithmic.get();
            org.amplify.domains.Question parsed = d.parse(text).orElseThrow(() -> new QuestionRefusedException(
                    "subquestion", "Not a question of " + d.name() + ": write its " + d.questionLength()
                    + " symbols separated by spaces, e.g. '" + questions.exampleQuestion(d.name()) + "'."));
            normalized = d.notation(parsed);
            QuestionService.checkAnswerable(d, QuestionService.contextOf(d, tree.contextSize(), tree.contextSeed(),
                    tree.contextFacts()), parsed, "subquestion");
        }
        String passed = passedContext == null ? "" : passedContext.strip();
        if (passed.isEmpty() && algorithmic.isPresent()) {
            passed = visible;
        } else if (!passed.isEmpty() && !visible.contains(passed) && !unlockedContains(ws, question, passed)) {
            throw new QuestionRefusedException("passedContext",
                    "Only a part of this workspace's context can be passed down: select it in the context.");
        }
        String hash = QuestionService.sha256(algorithmic.isPresent() ? tree.context() : passed);
        long id = subquestions.insert(workspaceId, text.strip(), normalized, passed, hash, expertId);
        workspaces.event(workspaceId, "ASK", expertId, Map.of("subquestion", subquestions.find(id).orElseThrow()
                .position(), "text", text.strip(), "passed_context", passed.equals(visible) ? "all of it" : passed));
        events.publishEvent(new SubquestionsAsked(tree.id(), tree.domain(), List.of(id)));
        return id;
    }

    /** Accept, correct (with the right answer) or expand a subquestion's answer. */
    public void feedback(long subquestionId, Verdict verdict, String correctedAnswer, long expertId) {
        SubquestionRow sub = subquestions.find(subquestionId)
                .orElseThrow(() -> new SubquestionNotFoundException(subquestionId));
        WorkspaceRow ws = take(sub.workspaceId(), expertId);
        if (verdict == Verdict.EXPAND) {
            trees.lock(ws.treeId()); // before looking: the copies may be sending it to people right now
        }
        Subquestion current = flow.subquestion(sub, trees.domain(ws.treeId()));
        SubAnswer judged = current.latestAnswer();
        Long version = judged == null ? null : judged.modelVersionId();
        Long judgedId = judged == null ? null : judged.id();
        switch (verdict) {
            case ACCEPT -> {
                if (judged == null || judged.answer() == null) {
                    throw new QuestionRefusedException("verdict", "There is no answer to accept yet.");
                }
                subquestions.insertFeedback(subquestionId, judgedId, verdict, null, expertId, version);
                workspaces.event(ws.id(), "ACCEPT", expertId, Map.of("subquestion", sub.position(),
                        "answer", judged.answer()));
                flow.closeBelow(sub, "Subquestion " + sub.position() + " was accepted in workspace #" + ws.id() + ".",
                        expertId);
            }
            case CORRECT -> {
                questions.checkText("answer", correctedAnswer);
                subquestions.insertFeedback(subquestionId, judgedId, verdict, correctedAnswer.strip(), expertId,
                        version);
                workspaces.event(ws.id(), "CORRECT", expertId, Map.of("subquestion", sub.position(),
                        "answer", correctedAnswer.strip(), "was", judged == null || judged.answer() == null ? ""
                        : judged.answer()));
                flow.closeBelow(sub, "Subquestion " + sub.position() + " was corrected in workspace #" + ws.id() + ".",
                        expertId);
            }
            case EXPAND -> {
                if (current.childQuestionId() != null) {
                    throw new QuestionRefusedException("verdict", "This subquestion already has a workspace of its own.");
                }
                long child = flow.becomeQuestion(sub);
                subquestions.insertFeedback(subquestionId, judgedId, verdict, null, expertId, version);
                workspaces.event(ws.id(), "EXPAND", expertId, Map.of("subquestion", sub.position(),
                        "question", child));
            }
        }
    }

    /** Saves the scratchpad and the draft answer, unless someone saved since {@code version}. */
    @Transactional(noRollbackFor = WorkspaceConflictException.class)
    public void save(long workspaceId, long version, String scratchpad, String draftAnswer, long expertId) {
        String pad = scratchpad == null ? "" : scratchpad;
        String draft = draftAnswer == null ? "" : draftAnswer;
        WorkspaceRow ws = lockOpen(workspaceId);
        if (ws.version() != version) {
            conflict(ws, pad, draft, expertId);
        }
        take(workspaceId, expertId);
        if (pad.length() > 20 * properties.maxTextLength() || draft.length() > properties.maxTextLength()) {
            throw new QuestionRefusedException("scratchpad", "Too long: the scratchpad takes at most "
                    + 20 * properties.maxTextLength() + " characters, the answer " + properties.maxTextLength() + ".");
        }
        workspaces.save(workspaceId, version, pad, draft);
        workspaces.event(workspaceId, "SAVE", expertId, Map.of("scratchpad", pad, "draft_answer", draft));
    }

    /** Submits the workspace's answer: its transcript is complete; the answer flows to whoever asked. */
    @Transactional(noRollbackFor = WorkspaceConflictException.class)
    public void submit(long workspaceId, long version, String answer, long expertId) {
        WorkspaceRow ws = lockOpen(workspaceId);
        if (ws.version() != version) {
            conflict(ws, ws.scratchpad(), answer == null ? "" : answer, expertId);
        }
        take(workspaceId, expertId);
        questions.checkText("answer", answer);
        String domain = trees.domain(ws.treeId());
        long pending = subquestions.ofWorkspace(workspaceId).stream().map(s -> flow.subquestion(s, domain))
                .filter(s -> s.status() == SubquestionStatus.OPEN).count();
        workspaces.submit(workspaceId, version, answer.strip(), expertId);
        workspaces.event(workspaceId, "ANSWER", expertId, Map.of("answer", answer.strip(),
                "subquestions_unanswered", pending));
        flow.closeBelow(workspaceId, "Workspace #" + workspaceId + ", which asked it, was submitted.", expertId);
        flow.questionAnswered(ws.questionId(), expertId);
    }

    /**
     * The expert passes on this workspace: lets go of it and "Next workspace" no longer hands it to
     * them (others still get it; they can open it from the queue themselves).
     */
    public void skip(long workspaceId, long expertId) {
        WorkspaceRow ws = lockOpen(workspaceId);
        workspaces.release(ws.id(), expertId);
        workspaces.event(ws.id(), "SKIP", expertId, Map.of());
    }

    /** Shows the parent's context too (recorded: the transcript says the expert needed it). */
    public void unlock(long workspaceId, long expertId) {
        WorkspaceRow ws = take(workspaceId, expertId);
        if (!ws.contextUnlocked()) {
            workspaces.unlock(workspaceId);
            workspaces.event(workspaceId, "UNLOCK", expertId, Map.of());
        }
    }

    /** The oldest open workspace nobody holds, now held by this expert; empty when the queue is empty. */
    public Optional<Long> next(long expertId) {
        Optional<Long> id = workspaces.claimNext(expertId, properties.hold());
        id.ifPresent(w -> workspaces.event(w, "CLAIM", expertId, Map.of("from", "queue")));
        return id;
    }

    /** An admin picks the answer of a question whose experts disagree. */
    public void resolve(long questionId, String answer, long adminId) {
        trees.question(questionId).orElseThrow(() -> new QuestionNotFoundException(questionId));
        questions.checkText("answer", answer);
        if (!flow.disagreement(questionId)) {
            throw new QuestionRefusedException("answer", "Its experts do not disagree: there is nothing to resolve.");
        }
        trees.insertResolution(questionId, answer.strip(), adminId);
        workspaces.ofQuestion(questionId).forEach(w -> workspaces.event(w.id(), "RESOLVED", adminId,
                Map.of("answer", answer.strip())));
        flow.questionAnswered(questionId, adminId);
    }

    private WorkspaceRow lockOpen(long workspaceId) {
        WorkspaceRow ws = workspaces.lock(workspaceId).orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
        if (ws.closed()) {
            throw new QuestionRefusedException(null, "This workspace is closed: its answer is no longer needed.");
        }
        if (!ws.open()) {
            throw new QuestionRefusedException(null, "This workspace is closed: its answer was submitted.");
        }
        return ws;
    }

    /** Locks the workspace and holds it for the expert, unless it is closed or someone else holds it. */
    private WorkspaceRow take(long workspaceId, long expertId) {
        WorkspaceRow ws = lockOpen(workspaceId);
        if (ws.heldByOther(expertId)) {
            throw new QuestionRefusedException(null, ws.heldByName() + " holds this workspace until "
                    + HELD_UNTIL.format(ws.heldUntil()) + " UTC: take another from the queue.");
        }
        if (ws.heldBy() == null || ws.heldBy() != expertId) {
            workspaces.event(workspaceId, "CLAIM", expertId, Map.of());
        }
        workspaces.hold(workspaceId, expertId, properties.hold());
        return ws;
    }

    private void conflict(WorkspaceRow ws, String scratchpad, String draft, long expertId) {
        workspaces.event(ws.id(), "SAVE_CONFLICT", expertId, Map.of("scratchpad", scratchpad, "draft_answer", draft,
                "loaded_version_behind", ws.version()));
        throw new WorkspaceConflictException(workspaces.lastSavedBy(ws.id()).orElse("Someone"), scratchpad, draft);
    }

    /** Whether the expert unlocked the parent's context and the text is a part of it. */
    private boolean unlockedContains(WorkspaceRow ws, QuestionRow question, String passed) {
        return ws.contextUnlocked() && flow.parentContext(question).filter(parent -> parent.contains(passed)).isPresent();
    }
}
