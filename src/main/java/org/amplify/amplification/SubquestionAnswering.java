package org.amplify.amplification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Domains;
import org.amplify.domains.Question;
import org.amplify.models.ModelInput;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextAnswer;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubquestionToAnswer;
import org.amplify.questions.SubquestionsAsked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Amplify^H(X) with H a person: answers the subquestions an expert asks, off the request thread and
 * after the asking transaction commits (Modulith's event registry republishes them after a crash).
 * In order: a primitive subquestion from the context; an identical one remembered (answered by the
 * same model version, or by a person); the copies of the promoted model, whose agreement decides
 * whether the answer is trusted or the subquestion goes to people; with no promoted model, or no
 * model calls left in the tree's budget, to people.
 */
@Service
public class SubquestionAnswering {

    private static final Logger log = LoggerFactory.getLogger(SubquestionAnswering.class);

    private final QuestionService questions;
    private final Domains domains;
    private final CopyPool copies;
    private final AmplificationProperties properties;

    SubquestionAnswering(QuestionService questions, Domains domains, CopyPool copies,
            AmplificationProperties properties) {
        this.questions = questions;
        this.domains = domains;
        this.copies = copies;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(SubquestionsAsked event) {
        answer(event.subquestionIds());
    }

    /** Answers each subquestion not answered yet (a republished event changes nothing twice). */
    public void answer(List<Long> subquestionIds) {
        List<SubquestionToAnswer> forCopies = new ArrayList<>();
        List<Question> parsed = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        Optional<ModelVersion> champion = Optional.empty();
        AlgorithmicDomain domain = null;
        for (long id : subquestionIds) {
            if (questions.answered(id)) {
                continue;
            }
            SubquestionToAnswer sub = questions.toAnswer(id);
            Optional<AlgorithmicDomain> algorithmic = domains.find(sub.domain());
            if (algorithmic.isEmpty()) {
                answerText(sub);
                continue;
            }
            domain = algorithmic.get();
            Optional<Question> question = domain.parse(sub.text());
            if (question.isEmpty()) {
                questions.recordAnswer(id, AnswerSource.UNANSWERED, null, List.of(), null, false, null,
                        "Not a question of " + sub.domain() + ".");
                continue;
            }
            Context context = QuestionService.contextOf(domain, sub.contextSize(), sub.contextSeed(), sub.contextFacts());
            if (domain.isPrimitive(question.get())) {
                int read = domain.answerPrimitive(context, question.get());
                if (read == org.amplify.domains.Vocabulary.UNKNOWN) { // never a trusted "?"
                    questions.recordAnswer(id, AnswerSource.UNANSWERED, null, List.of(), null, false, null,
                            "The context does not answer this: is every name in it in the facts?");
                } else {
                    questions.recordAnswer(id, AnswerSource.PRIMITIVE, domain.describeAnswer(read), List.of(), null,
                            true, null, null);
                }
                continue;
            }
            champion = copies.champion(sub.domain());
            if (champion.isEmpty()) {
                answerWithoutModel(sub, "No model of " + sub.domain() + " is promoted: every subquestion goes to people.");
                continue;
            }
            Optional<String> remembered = questions.remembered(id, champion.get().id());
            if (remembered.isPresent()) {
                questions.recordAnswer(id, AnswerSource.MEMORY, remembered.get(), List.of(), null, true,
                        champion.get().id(), null);
                continue;
            }
            if (sub.modelCallsLeft() < properties.copies()) {
                questions.recordAnswer(id, AnswerSource.UNANSWERED, null, List.of(), null, false, null,
                        "The tree's budget of model calls is spent.");
                continue;
            }
            forCopies.add(sub);
            parsed.add(question.get());
            contexts.add(context);
        }
        if (!forCopies.isEmpty()) {
            try {
                vote(domain, champion.get(), forCopies, parsed, contexts);
            } catch (RuntimeException e) { // a model that cannot be loaded or run: people answer, nothing hangs
                log.warn("The copies of {} v{} failed; {} subquestions go to people", domain.name(),
                        champion.get().version(), forCopies.size(), e);
                for (SubquestionToAnswer sub : forCopies) {
                    if (!questions.answered(sub.id())) {
                        questions.recordAnswer(sub.id(), AnswerSource.UNANSWERED, null, List.of(), null, false, null,
                                "The copies of model version " + champion.get().version() + " failed ("
                                + e.getClass().getSimpleName() + "): a person should answer this.");
                    }
                }
            }
        }
    }

    private void vote(AlgorithmicDomain domain, ModelVersion version, List<SubquestionToAnswer> subs,
            List<Question> parsed, List<Context> contexts) {
        List<ModelInput> inputs = new ArrayList<>();
        long[] seeds = new long[subs.size()];
        for (int i = 0; i < subs.size(); i++) {
            inputs.add(new ModelInput(contexts.get(i).facts(), parsed.get(i)));
            seeds[i] = subs.get(i).id();
        }
        CopyPool.Votes votes = copies.vote(domain, version, inputs, seeds, properties.copies());
        for (int i = 0; i < subs.size(); i++) {
            CopyPool.Majority majority = votes.majority(i);
            boolean trusted = Agreement.reaches(majority.agreement(), properties.agreementThreshold());
            questions.recordAnswer(subs.get(i).id(), AnswerSource.MODEL, domain.describeAnswer(majority.answer()),
                    votes.of(i).stream().map(domain::describeAnswer).toList(), majority.agreement(), trusted,
                    version.id(), trusted ? null : Agreement.below(Math.round(majority.agreement() * votes.of(i).size()),
                            votes.of(i).size(), properties.agreementThreshold()));
        }
        log.debug("{} copies of {} v{} answered {} subquestions", properties.copies(), domain.name(), version.version(),
                subs.size());
    }

    /**
     * A {@code text} subquestion: from memory, else by the copies of the text champion (ensemble
     * members, each answering with its nearest remembered question's answer; trusted only when they
     * agree and remember a close enough question: {@link TextTrust}), else by people.
     */
    private void answerText(SubquestionToAnswer sub) {
        Optional<ModelVersion> champion = copies.champion(sub.domain());
        if (champion.isEmpty()) {
            answerWithoutModel(sub, "No model of " + sub.domain() + " is promoted: every subquestion goes to people.");
            return;
        }
        Optional<String> remembered = questions.remembered(sub.id(), champion.get().id());
        if (remembered.isPresent()) {
            questions.recordAnswer(sub.id(), AnswerSource.MEMORY, remembered.get(), List.of(), null, true,
                    champion.get().id(), null);
            return;
        }
        if (sub.modelCallsLeft() < properties.copies()) {
            questions.recordAnswer(sub.id(), AnswerSource.UNANSWERED, null, List.of(), null, false, null,
                    "The tree's budget of model calls is spent.");
            return;
        }
        List<TextAnswer> votes = copies.textVotes(champion.get(), sub.text(), properties.copies());
        TextTrust trust = TextTrust.of(votes, properties.agreementThreshold(), properties.textSimilarityThreshold());
        questions.recordAnswer(sub.id(), AnswerSource.MODEL, trust.answer(),
                votes.stream().map(TextAnswer::answer).toList(), trust.agreement(), trust.trusted(),
                champion.get().id(), trust.note());
    }

    private void answerWithoutModel(SubquestionToAnswer sub, String note) {
        Optional<String> remembered = questions.remembered(sub.id(), null);
        if (remembered.isPresent()) {
            questions.recordAnswer(sub.id(), AnswerSource.MEMORY, remembered.get(), List.of(), null, true, null, null);
        } else {
            questions.recordAnswer(sub.id(), AnswerSource.UNANSWERED, null, List.of(), null, false, null, note);
        }
    }
}
