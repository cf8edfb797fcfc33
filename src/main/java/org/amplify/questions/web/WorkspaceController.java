package org.amplify.questions.web;

import java.util.Map;
import java.util.Optional;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.questions.QuestionRefusedException;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Subquestion;
import org.amplify.questions.Workspace;
import org.amplify.questions.WorkspaceConflictException;
import org.amplify.questions.WorkspaceService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxReswap;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workspace: its page, the stream that tells the page which subquestion got an answer, the
 * fragment of one subquestion (which the page then fetches), and the expert's actions, each a POST
 * that redirects back to the page with a message.
 */
@Controller
class WorkspaceController {

    private final QuestionService questions;
    private final WorkspaceService work;
    private final AnswerStream answers;

    WorkspaceController(QuestionService questions, WorkspaceService work, AnswerStream answers) {
        this.questions = questions;
        this.work = work;
        this.answers = answers;
    }

    @GetMapping("/workspaces/{id}")
    String workspace(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
        Workspace workspace = questions.workspace(id);
        model.addAttribute("ws", workspace);
        model.addAttribute("me", me.id());
        model.addAttribute("example", questions.exampleQuestion(workspace.domain()));
        model.addAttribute("algorithmic", !QuestionService.TEXT.equals(workspace.domain()));
        if (!model.containsAttribute("scratchpad")) { // else: the expert's text of a refused save, kept
            model.addAttribute("scratchpad", workspace.scratchpad());
            model.addAttribute("draftAnswer", workspace.draftAnswer());
        }
        return "questions/workspace";
    }

    /** Server-sent events: {@code answered} with a subquestion's id, each time one of the workspace's gets an answer. */
    @GetMapping(path = "/workspaces/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(@PathVariable long id) {
        questions.requireWorkspace(id); // an unknown workspace is a 404, not a stream that never speaks
        return answers.open(id);
    }

    @GetMapping("/workspaces/{id}/subquestions/{subquestionId}")
    String subquestion(@PathVariable long id, @PathVariable long subquestionId, Model model) {
        Workspace.Row row = questions.row(id, subquestionId);
        model.addAttribute("ws", row.ws());
        model.addAttribute("sub", row.sub());
        return "questions/subquestion :: subquestion";
    }

    @GetMapping("/workspaces/{id}/history")
    String history(@PathVariable long id, Model model) {
        Workspace ws = questions.workspace(id);
        model.addAttribute("ws", ws);
        model.addAttribute("events", questions.history(id));
        // an event names a subquestion by its position and a question by its id: the page shows their texts
        Map<String, Subquestion> byPosition = new java.util.HashMap<>();
        Map<String, Subquestion> byQuestion = new java.util.HashMap<>();
        for (Subquestion sub : ws.subquestions()) {
            byPosition.put(String.valueOf(sub.position()), sub);
            if (sub.childQuestionId() != null) {
                byQuestion.put(String.valueOf(sub.childQuestionId()), sub);
            }
        }
        model.addAttribute("byPosition", byPosition);
        model.addAttribute("byQuestion", byQuestion);
        return "questions/history";
    }

    /** A plain form post: redirects back to the page. */
    @PostMapping("/workspaces/{id}/subquestions")
    String ask(@PathVariable long id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String passedContext, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            work.ask(id, text, passedContext, me.id());
            return "Asked: the copies' answers appear below as they come.";
        }, () -> {
            redirect.addFlashAttribute("askText", text);
            redirect.addFlashAttribute("askContext", passedContext);
        });
    }

    /** From the page's script (htmx): the new subquestion is added to the list, the page stays as it is. */
    @HxRequest
    @PostMapping("/workspaces/{id}/subquestions")
    String askFromPage(@PathVariable long id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String passedContext, @AuthenticationPrincipal AccountPrincipal me,
            Model model, HtmxResponse htmx) {
        try {
            long asked = work.ask(id, text, passedContext, me.id());
            Workspace.Row row = questions.row(id, asked);
            model.addAttribute("ws", row.ws());
            model.addAttribute("sub", row.sub());
            htmx.addTrigger("subquestion-asked");
            return "questions/subquestion :: subquestion";
        } catch (QuestionRefusedException e) {
            htmx.setRetarget("#ask-error");
            htmx.setReswap(HtmxReswap.innerHtml());
            model.addAttribute("message", e.getMessage());
            return "questions/subquestion :: ask-error";
        }
    }

    @PostMapping("/subquestions/{subquestionId}/feedback")
    String feedback(@PathVariable long subquestionId, @Valid FeedbackForm form, BindingResult binding,
            @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        if (binding.hasFieldErrors("workspace")) { // nowhere to go back to
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Which workspace? The form names none.");
        }
        return act(form.workspace(), redirect, () -> {
            FieldError verdict = binding.getFieldError("verdict");
            if (verdict != null) {
                throw new QuestionRefusedException("verdict", "Unknown verdict '"
                        + (verdict.getRejectedValue() == null ? "" : verdict.getRejectedValue())
                        + "': accept, correct or expand.");
            }
            work.feedback(subquestionId, form.verdict(), form.answer(), me.id());
            return switch (form.verdict()) {
                case ACCEPT -> "Accepted.";
                case CORRECT -> "Corrected: both answers are kept.";
                case EXPAND -> "Expanded: the subquestion is a workspace of its own, queued for an expert.";
            };
        }, () -> { });
    }

    @PostMapping("/workspaces/{id}/save")
    String save(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String scratchpad,
            @RequestParam(defaultValue = "") String draftAnswer, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            work.save(id, version, scratchpad, draftAnswer, me.id());
            return "Saved.";
        }, () -> keepText(redirect, scratchpad, draftAnswer));
    }

    @PostMapping("/workspaces/{id}/submit")
    String submit(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String scratchpad,
            @RequestParam(defaultValue = "") String draftAnswer, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            work.submit(id, version, draftAnswer, me.id());
            return "Answer submitted: the transcript of this workspace is complete.";
        }, () -> keepText(redirect, scratchpad, draftAnswer));
    }

    @PostMapping("/workspaces/{id}/unlock")
    String unlock(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            work.unlock(id, me.id());
            return "The parent's context is unlocked (this is recorded in the history).";
        }, () -> { });
    }

    @PostMapping("/workspaces/next")
    String next(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        Optional<Long> next = work.next(me.id());
        if (next.isEmpty()) {
            redirect.addFlashAttribute("success", "The queue is empty: no workspace is waiting for an expert.");
            return "redirect:/trees";
        }
        redirect.addFlashAttribute("success", "This workspace is yours for now: nobody else can change it.");
        return "redirect:/workspaces/" + next.get();
    }

    @PostMapping("/workspaces/{id}/skip")
    String skip(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        try {
            work.skip(id, me.id());
            redirect.addFlashAttribute("success", "Skipped workspace #" + id
                    + ": \"Next workspace\" will not hand it to you again (others still get it).");
        } catch (QuestionRefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/queue";
    }

    @GetMapping("/queue")
    String queue(Model model) {
        model.addAttribute("entries", questions.queue());
        return "questions/queue";
    }

    @PostMapping("/questions/{questionId}/resolve")
    String resolve(@PathVariable long questionId, @RequestParam long workspace,
            @RequestParam(defaultValue = "") String answer, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        return act(workspace, redirect, () -> {
            work.resolve(questionId, answer, me.id());
            return "Resolved: '" + answer.strip() + "' is the question's answer.";
        }, () -> { });
    }

    /** Runs an action; a refusal becomes a message on the page (and whatever the expert typed is kept). */
    private static String act(long workspaceId, RedirectAttributes redirect, java.util.function.Supplier<String> action,
            Runnable onRefusal) {
        try {
            redirect.addFlashAttribute("success", action.get());
        } catch (WorkspaceConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("conflict", true);
            onRefusal.run();
        } catch (QuestionRefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            onRefusal.run();
        }
        return "redirect:/workspaces/" + workspaceId;
    }

    private static void keepText(RedirectAttributes redirect, String scratchpad, String draftAnswer) {
        redirect.addFlashAttribute("scratchpad", scratchpad);
        redirect.addFlashAttribute("draftAnswer", draftAnswer);
    }
}
