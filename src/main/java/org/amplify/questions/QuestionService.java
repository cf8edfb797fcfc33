package org.amplify.questions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Domains;
import org.amplify.questions.internal.SubquestionStore;
import org.amplify.questions.internal.SubquestionStore.SubquestionRow;
import org.amplify.questions.internal.TreeStore;
import org.amplify.questions.internal.TreeStore.QuestionRow;
import org.amplify.questions.internal.WorkspaceStore;
import org.amplify.questions.internal.WorkspaceStore.WorkspaceRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions module's facade: trees and what their workspaces show. What experts do in a
 * workspace is {@link WorkspaceService}; what the copies read and record is {@link CopiesPort}.
 *
 * <p>Its reads run in one repeatable-read snapshot each: a page reads a workspace's subquestions, their
 * answers and their child questions in several statements, and under read committed an answer recorded
 * between two of them showed a subquestion as sent to people (its child question read) without the
 * answer that sent it (read before the commit).
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class QuestionService {

    /** The domain of questions people ask and answer in words. */
    public static final String TEXT = "text";

    private final Domains domains;
    private final TreeStore trees;
    private final WorkspaceStore workspaces;
    private final SubquestionStore subquestions;
    private final QuestionsProperties properties;
    private final QuestionFlow flow;

    QuestionService(Domains domains, TreeStore trees, WorkspaceStore workspaces, SubquestionStore subquestions,
            QuestionsProperties properties, QuestionFlow flow) {
        this.domains = domains;
        this.trees = trees;
        this.workspaces = workspaces;
        this.subquestions = subquestions;
        this.properties = properties;
        this.flow = flow;
    }

    /** {@code text} and the algorithmic domains. */
    public List<String> domainNames() {
        List<String> names = new ArrayList<>(List.of(TEXT));
        domains.algorithmic().forEach(d -> names.add(d.name()));
        return names;
    }

    public QuestionsProperties settings() {
        return properties;
    }

    /** An example of a question in the domain's notation, for the forms' hints (null for {@code text}). */
    public String exampleQuestion(String domain) {
        return domains.find(domain).map(d -> {
            SplittableRandom random = new SplittableRandom(domain.hashCode());
            return d.notation(d.randomQuestion(d.generate(d.minSize(), random), 1, random));
        }).orElse(null);
    }

    /**
     * Creates a tree, its root question and its workspaces (the first held by the owner, the others,
     * when it asks for several experts, in the queue).
     *
     * @return the owner's workspace of the root question
     */
    @Transactional
    public long createTree(NewTree request, long ownerId) {
        String question = request.question() == null ? "" : request.question().strip();
        String domain = request.domain() == null ? "" : request.domain();
        if (!domainNames().contains(domain)) {
            throw new QuestionRefusedException("domain", "Unknown domain '" + domain + "': choose one of "
                    + String.join(", ", domainNames()) + ".");
        }
        checkText("question", question);
        int calls = budget("modelCallBudget", request.modelCallBudget(), properties.modelCallBudget(), 0);
        int workspaceBudget = budget("workspaceBudget", request.workspaceBudget(), properties.workspaceBudget(), 1);
        int depth = budget("depthLimit", request.depthLimit(), properties.depthLimit(), 0);
        int experts = budget("expertsPerQuestion", request.expertsPerQuestion(), properties.expertsPerQuestion(), 1);
        if (experts > workspaceBudget) {
            throw new QuestionRefusedException("expertsPerQuestion", "Asks for more experts (" + experts
                    + ") than the tree may have workspaces (" + workspaceBudget + ").");
        }
        String context;
        Integer size = null;
        Long seed = null;
        String facts = null;
        Optional<AlgorithmicDomain> algorithmic = domains.find(domain);
        if (algorithmic.isPresent()) {
            AlgorithmicDomain d = algorithmic.get();
            if (d.parse(question).isEmpty()) {
                throw new QuestionRefusedException("question", "Not a question of " + domain + ": write its "
                        + d.questionLength() + " symbols separated by spaces, e.g. '" + exampleQuestion(domain) + "'.");
            }
            Context facts0;
            if (request.context() != null && !request.context().isBlank()) {
                facts0 = pasted(d, request.context());
                size = facts0.size();
                facts = notation(d, facts0);
            } else {
                size = request.size() == null ? d.defaultSize() : request.size();
                if (size < d.minSize() || size > d.maxSize()) {
                    throw new QuestionRefusedException("size", "The size must be between " + d.minSize() + " and "
                            + d.maxSize() + ".");
                }
                seed = request.seed() == null ? new SplittableRandom().nextLong(1, Long.MAX_VALUE) : request.seed();
                facts0 = d.generate(size, new SplittableRandom(seed));
            }
            context = describe(d, facts0);
            checkAnswerable(d, facts0, d.parse(question).orElseThrow(), "question");
        } else {
            context = request.context() == null ? "" : request.context().strip();
            if (context.length() > 100 * properties.maxTextLength()) {
                throw new QuestionRefusedException("context", "The context is too long: at most "
                        + 100 * properties.maxTextLength() + " characters.");
            }
        }
        long treeId = trees.insertTree(request, ownerId, context, size, seed, facts, calls, workspaceBudget, depth, experts);
        long questionId = trees.insertQuestion(treeId, null, 0, question, context);
        long own = 0;
        for (int i = 0; i < experts; i++) {
            long id = workspaces.insert(questionId, i == 0 ? ownerId : null, properties.hold());
            workspaces.event(id, "CREATED", ownerId, java.util.Map.of("question", question));
            own = i == 0 ? id : own;
        }
        return own;
    }

    public Tree tree(long id) {
        return trees.find(id).orElseThrow(() -> new TreeNotFoundException(id));
    }

    /**
     * Sets the system prompt the endpoint copies get in the tree; blank: the default one again.
     *
     * @throws QuestionRefusedException if the actor does not own the tree, or it is not a {@code text} tree
     */
    @Transactional
    public void systemPrompt(long treeId, String systemPrompt, long actorId) {
        Tree tree = tree(treeId);
        if (tree.ownerId() != actorId) {
            throw new QuestionRefusedException("systemPrompt", "Only the tree's owner, " + tree.ownerName()
                    + ", may change its system prompt.");
        }
        if (!TEXT.equals(tree.domain())) {
            throw new QuestionRefusedException("systemPrompt", "Only text trees have language-model copies.");
        }
        trees.systemPrompt(treeId, systemPrompt == null || systemPrompt.isBlank() ? null : systemPrompt.strip());
    }

    /** Newest first, filtered by a search on title, domain and owner. */
    public List<Tree> trees(String search) {
        return trees.list(search, 200);
    }

    /**
     * One subquestion as its row shows it, with its workspace without the other subquestions (what
     * the row needs: cheap enough to answer an Ask at once, and for the row's own refreshes).
     */
    public Workspace.Row row(long workspaceId, long subquestionId) {
        WorkspaceRow ws = workspaces.find(workspaceId).orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
        SubquestionRow sub = subquestions.find(subquestionId).filter(s -> s.workspaceId() == workspaceId)
                .orElseThrow(() -> new SubquestionNotFoundException(subquestionId));
        return new Workspace.Row(flow.view(ws, false), flow.subquestion(sub, trees.domain(ws.treeId())));
    }

    /**
     * Checks that the workspace exists (one indexed read), for what serves it without showing it.
     *
     * @throws WorkspaceNotFoundException if it does not
     */
    public void requireWorkspace(long id) {
        workspaces.find(id).orElseThrow(() -> new WorkspaceNotFoundException(id));
    }

    /** A workspace with everything its page shows. */
    public Workspace workspace(long id) {
        WorkspaceRow row = workspaces.find(id).orElseThrow(() -> new WorkspaceNotFoundException(id));
        return flow.view(row, true);
    }

    /** The root workspaces of a tree (one an expert). */
    public List<Long> rootWorkspaces(long treeId) {
        tree(treeId);
        return trees.questions(treeId).stream().filter(q -> q.depth() == 0).findFirst()
                .map(q -> workspaces.ofQuestion(q.id()).stream().map(WorkspaceRow::id).toList()).orElse(List.of());
    }

    public List<HistoryEvent> history(long workspaceId) {
        workspace(workspaceId);
        return workspaces.history(workspaceId);
    }

    /** The whole tree for its picture: every question, its workspaces and subquestions. */
    public TreeView treeView(long treeId) {
        return flow.treeView(tree(treeId));
    }

    /** Open workspaces in queue order, held or not (for admins). */
    public List<QueueEntry> queue() {
        List<WorkspaceRow> open = workspaces.open();
        Map<Long, int[]> progress = workspaces.progress(open.stream().map(WorkspaceRow::treeId).distinct().toList());
        return open.stream().map(w -> {
            int[] tree = progress.getOrDefault(w.treeId(), new int[2]);
            return new QueueEntry(w.id(), w.treeId(), trees.question(w.questionId()).map(QuestionRow::text).orElse(""),
                    w.heldByOther(-1) ? w.heldByName() : null, w.heldByOther(-1) ? w.heldUntil() : null, w.createdAt(),
                    tree[0], tree[1]);
        }).toList();
    }

    /**
     * One open workspace in the queue; {@code heldBy} is null when anyone may take it.
     *
     * @param treeDone how many of its tree's workspaces are submitted
     * @param treeTotal how many of its tree's workspaces are still needed or submitted (closed ones are not counted)
     */
    public record QueueEntry(long workspaceId, long treeId, String question, String heldBy,
            java.time.Instant heldUntil, java.time.Instant createdAt, int treeDone, int treeTotal) {}

    // --- transcripts: what distillation trains on and researchers export ---------------------------

    /** The ids of the submitted workspaces of a domain, oldest first. */
    public List<Long> submittedWorkspaceIds(String domain) {
        return workspaces.submittedIds(domain);
    }

    /**
     * How the experts split the answered questions of a domain: every submitted workspace that asked
     * subquestions, with them in order, oldest submission first.
     */
    public List<Decomposition> decompositions(String domain) {
        return workspaces.decompositions(domain);
    }

    /** The transcripts of submitted workspaces, in the order of the ids; an id that is not submitted is skipped. */
    public List<Transcript> transcripts(List<Long> workspaceIds) {
        List<Transcript> result = new ArrayList<>();
        for (long id : workspaceIds) {
            workspaces.find(id).filter(w -> !w.open() && !w.closed()).ifPresent(w -> {
                Workspace view = flow.view(w, true);
                String context = view.unlockedContext() == null ? view.visibleContext()
                        : view.visibleContext() + "\n\n" + view.unlockedContext();
                result.add(new Transcript(w.id(), w.treeId(), w.questionId(), view.domain(), view.question(), context,
                        view.subquestions(), w.answer(), w.answeredBy(), w.answeredByName(), w.createdAt(),
                        w.submittedAt()));
            });
        }
        return result;
    }

    // --- shared rules ------------------------------------------------------------------------------

    void checkText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new QuestionRefusedException(field, "The " + field + " is empty.");
        }
        if (text.length() > properties.maxTextLength()) {
            throw new QuestionRefusedException(field, "The " + field + " is too long: at most "
                    + properties.maxTextLength() + " characters.");
        }
    }

    private static int budget(String field, Integer requested, int fallback, int min) {
        int value = requested == null ? fallback : requested;
        if (value < min) {
            throw new QuestionRefusedException(field, field + " must be at least " + min + ".");
        }
        return value;
    }

    /** A context a person pasted: its facts one a line, in token notation; a mistake names its line. */
    private Context pasted(AlgorithmicDomain domain, String text) {
        if (text.length() > 100 * properties.maxTextLength()) {
            throw new QuestionRefusedException("context", "The context is too long.");
        }
        List<int[]> facts = new ArrayList<>();
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            facts.add(domain.parseFact(lines[i]).orElseThrow(() -> new QuestionRefusedException("context", "Line "
                    + line + " is not a fact of " + domain.name() + ": write its " + domain.factLength()
                    + " symbols separated by spaces, e.g. '" + exampleFact(domain.name()) + "'.")));
        }
        try {
            return domain.contextOf(facts.toArray(int[][]::new));
        } catch (IllegalArgumentException e) {
            throw new QuestionRefusedException("context", e.getMessage());
        }
    }

    /** The context a tree's subquestions are about: generated again from its seed, or read from its pasted facts. */
    /**
     * Refuses a question its context cannot answer (a name that is in none of the facts, say):
     * neither a person nor a copy could answer it, and a primitive one would read "?" from the context.
     */
    static void checkAnswerable(AlgorithmicDomain d, Context context, org.amplify.domains.Question question,
            String field) {
        if (d.solve(context, question) == org.amplify.domains.Vocabulary.UNKNOWN) {
            throw new QuestionRefusedException(field, "'" + d.notation(question) + "' is not about this context: "
                    + "every name in it must be in the facts, e.g. '"
                    + d.notation(d.randomQuestion(context, 1, new SplittableRandom(7))) + "'.");
        }
    }

    public static Context contextOf(AlgorithmicDomain domain, Integer size, Long seed, String facts) {
        if (facts == null) {
            return domain.generate(size, new SplittableRandom(seed));
        }
        return domain.contextOf(facts.lines().map(line -> domain.parseFact(line).orElseThrow())
                .toArray(int[][]::new));
    }

    /** An example of a fact in the domain's token notation, for the forms' hints (null for {@code text}). */
    public String exampleFact(String domain) {
        return domains.find(domain).map(d -> d.factNotation(d.generate(d.minSize(), new SplittableRandom(1)).facts()[0]))
                .orElse(null);
    }

    private static String notation(AlgorithmicDomain domain, Context context) {
        StringBuilder text = new StringBuilder();
        for (int[] fact : context.facts()) {
            text.append(domain.factNotation(fact)).append('\n');
        }
        return text.toString().strip();
    }

    private static String describe(AlgorithmicDomain domain, Context context) {
        StringBuilder text = new StringBuilder();
        for (int[] fact : context.facts()) {
            text.append(domain.describeFact(fact)).append('\n');
        }
        return text.toString().strip();
    }

    /** Lower case, single spaces, no trailing question mark: identical questions look identical. */
    public static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s?.!]+$", "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
