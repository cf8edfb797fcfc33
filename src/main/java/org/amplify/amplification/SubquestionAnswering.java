package org.amplify.amplification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Domains;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;
import org.amplify.models.Majority;
import org.amplify.models.ModelInput;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextAnswer;
import org.amplify.models.TextModel;
import org.amplify.questions.CopiesPort;
import org.amplify.questions.CopyAnswer;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubquestionToAnswer;
import org.amplify.questions.SubquestionsAsked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Amplify^H(X) with H a person: answers the subquestions an expert asks, off the request thread and
 * after the asking transaction commits (Modulith's event registry republishes them after a crash).
 * In order: a primitive subquestion from the context; an identical one remembered (answered by the
 * same model version, or by a person); the copies of the promoted model, whose agreement decides
 * whether the answer is trusted or the subquestion goes to people; with no promoted model, or no
 * model calls left in the tree's budget, to people. In {@code text} with a language model behind an
 * endpoint as the champion, the cascade: the small distilled model first, the endpoint's copies
 * ({@link EndpointCopies}, which record each subquestion's answer as its samples come in) where it is
 * not trusted ({@link #cascade}). It reads the subquestions once and records their answers once,
 * through the questions module's {@link CopiesPort}.
 */
@Service
public class SubquestionAnswering {

    private static final Logger log = LoggerFactory.getLogger(SubquestionAnswering.class);

    private final CopiesPort port;
    private final Domains domains;
    private final CopyPool copies;
    private final AmplificationProperties properties;
    private final ModelRegistry registry;
    private final EndpointCopies endpointCopies;

    SubquestionAnswering(CopiesPort port, Domains domains, CopyPool copies, AmplificationProperties properties,
            ModelRegistry registry, EndpointCopies endpointCopies) {
        this.port = port;
        this.domains = domains;
        this.copies = copies;
        this.properties = properties;
        this.registry = registry;
        this.endpointCopies = endpointCopies;
    }

    /**
     * After the asking transaction commits, on a thread of its own, tracked by Modulith's event
     * registry (republished if it does not complete). Not in a transaction of its own, unlike
     * {@code @ApplicationModuleListener}: the port's read and write each have theirs, and a language
     * model's copies wait for their endpoint without holding a database connection.
     */
    @Async
    @TransactionalEventListener
    void on(SubquestionsAsked event) {
        answer(event.domain(), event.subquestionIds());
    }

    /** Answers each subquestion of the domain not answered yet (a republished event changes nothing twice). */
    public void answer(String domain, List<Long> subquestionIds) {
        Optional<ModelVersion> champion = copies.champion(domain);
        List<SubquestionToAnswer> subs = port.forCopies(subquestionIds, champion.map(ModelVersion::id).orElse(null));
        if (subs.isEmpty()) {
            return;
        }
        Optional<AlgorithmicDomain> algorithmic = domains.find(domain);
        port.record(algorithmic.isPresent() ? algorithmic(algorithmic.get(), champion, subs) : text(champion, subs));
    }

    private List<CopyAnswer> algorithmic(AlgorithmicDomain domain, Optional<ModelVersion> champion,
            List<SubquestionToAnswer> subs) {
        List<CopyAnswer> answers = new ArrayList<>();
        List<SubquestionToAnswer> forCopies = new ArrayList<>();
        List<ModelInput> inputs = new ArrayList<>();
        for (SubquestionToAnswer sub : subs) {
            Optional<Question> question = domain.parse(sub.text());
            if (question.isEmpty()) {
                answers.add(new CopyAnswer.Unanswered(sub.id(), "Not a question of " + sub.domain() + "."));
                continue;
            }
            Context context = QuestionService.contextOf(domain, sub.contextSize(), sub.contextSeed(), sub.contextFacts());
            if (domain.isPrimitive(question.get())) {
                int read = domain.answerPrimitive(context, question.get());
                answers.add(read == Vocabulary.UNKNOWN // never a trusted "?"
                        ? new CopyAnswer.Unanswered(sub.id(), "The context does not answer this: is every name in it "
                                + "in the facts?")
                        : new CopyAnswer.Primitive(sub.id(), domain.describeAnswer(read)));
                continue;
            }
            Optional<CopyAnswer> without = withoutCopies(sub, champion);
            if (without.isPresent()) {
                answers.add(without.get());
                continue;
            }
            forCopies.add(sub);
            inputs.add(new ModelInput(context.facts(), question.get()));
        }
        if (!forCopies.isEmpty()) {
            answers.addAll(vote(domain, champion.orElseThrow(), forCopies, inputs));
        }
        return answers;
    }

    private List<CopyAnswer> vote(AlgorithmicDomain domain, ModelVersion version, List<SubquestionToAnswer> subs,
            List<ModelInput> inputs) {
        List<CopyAnswer> answers = new ArrayList<>();
        try {
            CopyPool.Votes votes = copies.vote(domain, version, inputs,
                    subs.stream().mapToLong(SubquestionAnswering::seed).toArray(), properties.copies());
            for (int i = 0; i < subs.size(); i++) {
                Majority<Integer> majority = votes.majority(i);
                answers.add(voted(subs.get(i).id(), version, domain.describeAnswer(majority.answer()),
                        votes.of(i).stream().map(domain::describeAnswer).toList(), majority, null));
            }
            log.debug("{} copies of {} v{} answered {} subquestions", properties.copies(), domain.name(),
                    version.version(), subs.size());
        } catch (RuntimeException e) { // a model that cannot be loaded or run: people answer, nothing hangs
            log.warn("The copies of {} v{} failed; {} subquestions go to people", domain.name(), version.version(),
                    subs.size(), e);
            subs.forEach(sub -> answers.add(failed(sub, version, e)));
        }
        return answers;
    }

    /**
     * {@code text} subquestions: from memory, else by the copies of the text champion (ensemble
     * members, each answering with its nearest remembered question's answer; trusted only when they
     * agree and remember a close enough question: {@link TextTrust}), else by people.
     */
    private List<CopyAnswer> text(Optional<ModelVersion> champion, List<SubquestionToAnswer> subs) {
        if (champion.isPresent() && champion.get().kind() == ModelKind.ENDPOINT) {
            cascade(champion.get(), subs); // the small model's answers, then the endpoint's as they come
            return List.of();
        }
        List<CopyAnswer> answers = new ArrayList<>();
        for (SubquestionToAnswer sub : subs) {
            Optional<CopyAnswer> without = withoutCopies(sub, champion);
            if (without.isPresent()) {
                answers.add(without.get());
                continue;
            }
            ModelVersion version = champion.orElseThrow();
            try {
                List<TextAnswer> votes = copies.textVotes(version, sub.text(), properties.copies());
                TextTrust trust = TextTrust.of(votes, properties.agreementThreshold(),
                        properties.textSimilarityThreshold());
                answers.add(new CopyAnswer.Voted(sub.id(), trust.answer(), votes.stream().map(TextAnswer::answer).toList(),
                        trust.agreement(), trust.trusted(), version.id(), trust.note()));
            } catch (RuntimeException e) {
                log.warn("The text copies of v{} failed on subquestion {}", version.version(), sub.id(), e);
                answers.add(failed(sub, version, e));
            }
        }
        return answers;
    }

    /**
     * The cascade, for {@code text} subquestions while the champion is a language model behind an
     * endpoint: the copies of the small model distilled from the transcripts (the domain's
     * {@code student}, {@link ModelRegistry#student}) answer first; where they are trusted (they agree
     * and remember a close enough question: {@link TextTrust}) their answer is recorded under the
     * student's version and the endpoint is not called. The others (no student yet, an unsure student,
     * or one that failed) go to the endpoint's copies together.
     */
    private void cascade(ModelVersion endpoint, List<SubquestionToAnswer> subs) {
        Optional<ModelVersion> student = registry.student(TextModel.DOMAIN);
        List<CopyAnswer> answers = new ArrayList<>();
        List<SubquestionToAnswer> forEndpoint = new ArrayList<>();
        for (SubquestionToAnswer sub : subs) {
            Optional<CopyAnswer> without = withoutCopies(sub, Optional.of(endpoint));
            if (without.isPresent()) {
                answers.add(without.get());
                continue;
            }
            Optional<CopyAnswer> small = student.flatMap(version -> byStudent(version, sub));
            if (small.isPresent()) {
                answers.add(small.get());
            } else {
                forEndpoint.add(sub);
            }
        }
        port.record(answers); // at once: the small model's answers do not wait for the endpoint's
        if (!forEndpoint.isEmpty()) {
            endpointCopies.answer(endpoint, forEndpoint); // records each answer as it comes
        }
    }

    /** The student's trusted answer to a subquestion; empty when it is unsure or fails (the endpoint answers then). */
    private Optional<CopyAnswer> byStudent(ModelVersion student, SubquestionToAnswer sub) {
        try {
            List<TextAnswer> votes = copies.textVotes(student, sub.text(), properties.copies());
            TextTrust trust = TextTrust.of(votes, properties.agreementThreshold(), properties.textSimilarityThreshold());
            if (!trust.trusted()) {
                return Optional.empty();
            }
            List<String> answers = votes.stream().map(TextAnswer::answer).toList();
            return Optional.of(new CopyAnswer.Voted(sub.id(), trust.answer(), answers, trust.agreement(), true,
                    student.id(), "no endpoint call: " + trust.note(), new CopyAnswer.Calls(studentLabel(student),
                            List.of(), answers.size(), 0)));
        } catch (RuntimeException e) {
            log.warn("The student text v{} failed on subquestion {}; the endpoint answers it", student.version(),
                    sub.id(), e);
            return Optional.empty();
        }
    }

    /** Who answered, as the workspace row says it: {@code small model (student, text v3)}. */
    static String studentLabel(ModelVersion student) {
        return "small model (student, " + student.domain() + " v" + student.version() + ")";
    }

    /** The answer when the copies are not asked: remembered, or nobody's (no model, no budget); empty: ask them. */
    private Optional<CopyAnswer> withoutCopies(SubquestionToAnswer sub, Optional<ModelVersion> champion) {
        if (sub.remembered() != null) {
            return Optional.of(new CopyAnswer.Remembered(sub.id(), sub.remembered(),
                    champion.map(ModelVersion::id).orElse(null)));
        }
        if (champion.isEmpty()) {
            return Optional.of(new CopyAnswer.Unanswered(sub.id(), "No model of " + sub.domain()
                    + " is promoted: every subquestion goes to people."));
        }
        if (sub.modelCallsLeft() < properties.copies()) {
            return Optional.of(new CopyAnswer.Unanswered(sub.id(), "The tree's budget of model calls is spent."));
        }
        return Optional.empty();
    }

    /**
     * The copies' seed for a subquestion: from its context and its text, so the same subquestion in the
     * same context gets the same votes on any node and after a restart (its id would differ).
     */
    static long seed(SubquestionToAnswer sub) {
        return java.util.UUID.nameUUIDFromBytes((sub.contextHash() + "\n" + sub.normalizedText())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    private CopyAnswer voted(long id, ModelVersion version, String answer, List<String> votes, Majority<?> majority,
            String note) {
        boolean trusted = Agreement.reaches(majority.agreement(), properties.agreementThreshold());
        return new CopyAnswer.Voted(id, answer, votes, majority.agreement(), trusted, version.id(), trusted ? note
                : Agreement.below(majority.agreeing(), majority.votes(), properties.agreementThreshold()));
    }

    private static CopyAnswer failed(SubquestionToAnswer sub, ModelVersion version, RuntimeException e) {
        return new CopyAnswer.Unanswered(sub.id(), "The copies of model version " + version.version() + " failed ("
                + e.getClass().getSimpleName() + "): a person should answer this.");
    }
}
