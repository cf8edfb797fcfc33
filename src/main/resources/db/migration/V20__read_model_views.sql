-- The read model of the datasets module. Datasets (researchers' exports) reads other modules' data
-- only through these views; each view is owned by the module named in its comment, which keeps it
-- in step with its own tables. Datasets' SQL names no base table of another module.
--
-- The indexes that serve these reads stay where V9 created them (nothing is dropped or renamed);
-- their owners are:
--   snapshot_transcripts_position_idx                      distillation (snapshot_transcripts)
--   workspaces_submitted_idx, workspaces_answered_by_idx   questions (workspaces)
--   trees_domain_idx                                       questions (trees)
--   feedback_created_idx, feedback_expert_idx              questions (feedback)

-- Owner: accounts. A user's public columns only: never a password hash, a role or a token.
CREATE VIEW accounts_users AS
SELECT u.id, u.username
FROM users u;

-- Owner: models. The registry's versions, and whether each is its domain's champion now.
CREATE VIEW models_versions AS
SELECT mv.id, mv.domain, mv.version, mv.kind, mv.parent_id, mv.sha256, mv.metrics, mv.created_at,
       EXISTS (SELECT 1 FROM model_aliases ma WHERE ma.domain = mv.domain AND ma.alias = 'champion'
               AND ma.model_version_id = mv.id) AS champion
FROM model_versions mv;

-- Owner: distillation. The rounds, with the model version each trained.
CREATE VIEW distillation_rounds AS
SELECT r.id, r.domain, r.status, r.model_version_id
FROM rounds r;

-- Owner: distillation. The snapshots the rounds froze, with their round's status and model version.
CREATE VIEW distillation_snapshots AS
SELECT s.id, s.domain, s.round_id, r.status AS round_status, s.size, s.created_at, r.model_version_id
FROM snapshots s
JOIN rounds r ON r.id = s.round_id;

-- Owner: distillation. The transcripts (workspace ids) a snapshot froze, in their position.
CREATE VIEW distillation_snapshot_transcripts AS
SELECT st.snapshot_id, st.position, st.workspace_id
FROM snapshot_transcripts st;

-- Owner: experiments. Which experiment produced which model version.
CREATE VIEW experiments_model_versions AS
SELECT e.id AS experiment_id, e.model_version_id
FROM experiments e;

-- Owner: questions. One row per workspace with its question and tree; a transcript once its status
-- is SUBMITTED. The context is what the expert saw: the question's, followed by its parent
-- question's when the expert unlocked it.
CREATE VIEW questions_transcripts AS
SELECT w.id, w.status, w.question_id, q.tree_id, t.domain, q.depth, q.text AS question,
       CASE WHEN w.context_unlocked AND pq.id IS NOT NULL
            THEN q.visible_context || E'\n\n' || pq.visible_context
            ELSE q.visible_context END AS context,
       w.context_unlocked, w.answer, w.answered_by, w.created_at, w.submitted_at
FROM workspaces w
JOIN questions q ON q.id = w.question_id
JOIN trees t ON t.id = q.tree_id
LEFT JOIN subquestions ps ON ps.id = q.parent_subquestion_id
LEFT JOIN workspaces pw ON pw.id = ps.workspace_id
LEFT JOIN questions pq ON pq.id = pw.question_id;

-- Owner: questions. The subquestions a workspace asked.
CREATE VIEW questions_subquestions AS
SELECT s.id, s.workspace_id, s.position, s.text, s.passed_context, s.created_at
FROM subquestions s;

-- Owner: questions. Every answer a subquestion got (copies, context, memory, people): append-only.
CREATE VIEW questions_answers AS
SELECT a.id, a.subquestion_id, a.source, a.answer, a.votes, a.agreement, a.trusted, a.model_version_id,
       a.note, a.created_at
FROM sub_answers a;

-- Owner: questions. Every verdict an expert gave on a subquestion's answer: append-only.
CREATE VIEW questions_feedback AS
SELECT f.id, f.subquestion_id, f.sub_answer_id, f.verdict, f.corrected_answer, f.model_version_id,
       f.expert_id, f.created_at
FROM feedback f;

-- Owner: questions. A subquestion's status and usable answer, by the rule of
-- org.amplify.questions.QuestionFlow#subquestion (QuestionFlow points here; a test in the questions
-- package compares the two for every status), from the rows its workspace had when it was submitted
-- (every row while the workspace is not submitted). Besides the status and answer (with the time
-- that answer came): the newest answer of the copies (or the context, or memory), the newest
-- person's answer, the correction of the newest verdict that is not an expand, the newest verdict of
-- any kind, and the question the subquestion became. Each of a subquestion's answers and verdicts is
-- read once, in id order (indexes sub_answers (subquestion_id, id), feedback (subquestion_id, id)):
-- "newest" is the last element of an aggregate.
CREATE VIEW questions_subquestion_states AS
SELECT s.id AS subquestion_id, st.status,
       CASE st.status WHEN 'CORRECTED' THEN fb.corrected_answer
                      WHEN 'ANSWERED_BY_PERSON' THEN an.person_answer
                      WHEN 'ANSWERED_BY_MODEL' THEN an.model_answer END AS answer,
       CASE st.status WHEN 'CORRECTED' THEN fb.judged_at
                      WHEN 'ANSWERED_BY_PERSON' THEN an.person_at
                      WHEN 'ANSWERED_BY_MODEL' THEN an.model_at END AS answered_at,
       an.model_answer_source, an.model_answer, an.model_agreement, an.model_trusted, an.model_version_id,
       an.person_answer, fb.corrected_answer, fb.last_verdict, fb.last_feedback_at,
       cq.id AS child_question_id
FROM subquestions s
JOIN workspaces w ON w.id = s.workspace_id
CROSS JOIN LATERAL (SELECT coalesce(w.submitted_at, 'infinity'::timestamptz) AS cut) asof
CROSS JOIN LATERAL (
    SELECT coalesce(x.has_person, false) AS has_person, x.person_answer[cardinality(x.person_answer)] AS person_answer,
           x.person_at[cardinality(x.person_at)] AS person_at, coalesce(x.has_own, false) AS has_own,
           x.source[cardinality(x.source)] AS model_answer_source, x.answer[cardinality(x.answer)] AS model_answer,
           x.agreement[cardinality(x.agreement)] AS model_agreement, x.trusted[cardinality(x.trusted)] AS model_trusted,
           x.version[cardinality(x.version)] AS model_version_id, x.at[cardinality(x.at)] AS model_at
    FROM (SELECT bool_or(a.source = 'PERSON') AS has_person,
                 array_agg(a.answer ORDER BY a.id) FILTER (WHERE a.source = 'PERSON') AS person_answer,
                 array_agg(a.created_at ORDER BY a.id) FILTER (WHERE a.source = 'PERSON') AS person_at,
                 bool_or(a.source <> 'PERSON') AS has_own,
                 array_agg(a.source ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS source,
                 array_agg(a.answer ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS answer,
                 array_agg(a.agreement ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS agreement,
                 array_agg(a.trusted ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS trusted,
                 array_agg(a.model_version_id ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS version,
                 array_agg(a.created_at ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS at
          FROM sub_answers a WHERE a.subquestion_id = s.id AND a.created_at <= asof.cut) x) an
CROSS JOIN LATERAL (
    SELECT x.verdict[cardinality(x.verdict)] AS judged_verdict, x.corrected[cardinality(x.corrected)] AS corrected_answer,
           x.judged_at[cardinality(x.judged_at)] AS judged_at, x.last[cardinality(x.last)] AS last_verdict,
           x.last_at[cardinality(x.last_at)] AS last_feedback_at, coalesce(x.expanded, false) AS expanded
    FROM (SELECT array_agg(f.verdict ORDER BY f.id) FILTER (WHERE f.verdict <> 'EXPAND') AS verdict,
                 array_agg(f.corrected_answer ORDER BY f.id) FILTER (WHERE f.verdict <> 'EXPAND') AS corrected,
                 array_agg(f.created_at ORDER BY f.id) FILTER (WHERE f.verdict <> 'EXPAND') AS judged_at,
                 array_agg(f.verdict ORDER BY f.id) AS last,
                 array_agg(f.created_at ORDER BY f.id) AS last_at,
                 bool_or(f.verdict = 'EXPAND') AS expanded
          FROM feedback f WHERE f.subquestion_id = s.id AND f.created_at <= asof.cut) x) fb
LEFT JOIN questions cq ON cq.parent_subquestion_id = s.id AND cq.created_at <= asof.cut
CROSS JOIN LATERAL (SELECT CASE WHEN fb.judged_verdict = 'CORRECT' THEN 'CORRECTED'
                                WHEN an.has_person THEN 'ANSWERED_BY_PERSON'
                                WHEN fb.judged_verdict IS NOT NULL AND an.has_own AND an.model_answer IS NOT NULL
                                    THEN 'ANSWERED_BY_MODEL'
                                WHEN cq.id IS NOT NULL THEN CASE WHEN fb.expanded THEN 'EXPANDED'
                                                                 ELSE 'NEEDS_PERSON' END
                                WHEN NOT an.has_own THEN 'OPEN'
                                WHEN an.model_trusted THEN 'ANSWERED_BY_MODEL'
                                ELSE 'NEEDS_PERSON' END AS status) st;
