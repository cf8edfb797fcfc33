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
-- any kind, and the question the subquestion became.
CREATE VIEW questions_subquestion_states AS
SELECT s.id AS subquestion_id, st.status,
       CASE st.status WHEN 'CORRECTED' THEN judged.corrected_answer
                      WHEN 'ANSWERED_BY_PERSON' THEN person.answer
                      WHEN 'ANSWERED_BY_MODEL' THEN own.answer END AS answer,
       CASE st.status WHEN 'CORRECTED' THEN judged.created_at
                      WHEN 'ANSWERED_BY_PERSON' THEN person.created_at
                      WHEN 'ANSWERED_BY_MODEL' THEN own.created_at END AS answered_at,
       own.source AS model_answer_source, own.answer AS model_answer, own.agreement AS model_agreement,
       own.trusted AS model_trusted, own.model_version_id AS model_version_id,
       person.answer AS person_answer, judged.corrected_answer,
       lastf.verdict AS last_verdict, lastf.created_at AS last_feedback_at,
       cq.id AS child_question_id
FROM subquestions s
JOIN workspaces w ON w.id = s.workspace_id
CROSS JOIN LATERAL (SELECT coalesce(w.submitted_at, 'infinity'::timestamptz) AS cut) asof
LEFT JOIN LATERAL (SELECT a.id, a.source, a.answer, a.agreement, a.trusted, a.model_version_id, a.created_at
                   FROM sub_answers a
                   WHERE a.subquestion_id = s.id AND a.source <> 'PERSON' AND a.created_at <= asof.cut
                   ORDER BY a.id DESC LIMIT 1) own ON true
LEFT JOIN LATERAL (SELECT a.id, a.answer, a.created_at
                   FROM sub_answers a
                   WHERE a.subquestion_id = s.id AND a.source = 'PERSON' AND a.created_at <= asof.cut
                   ORDER BY a.id DESC LIMIT 1) person ON true
LEFT JOIN LATERAL (SELECT f.verdict, f.corrected_answer, f.created_at
                   FROM feedback f
                   WHERE f.subquestion_id = s.id AND f.verdict <> 'EXPAND' AND f.created_at <= asof.cut
                   ORDER BY f.id DESC LIMIT 1) judged ON true
LEFT JOIN LATERAL (SELECT f.verdict, f.created_at
                   FROM feedback f
                   WHERE f.subquestion_id = s.id AND f.created_at <= asof.cut
                   ORDER BY f.id DESC LIMIT 1) lastf ON true
LEFT JOIN LATERAL (SELECT min(c.id) AS id
                   FROM questions c
                   WHERE c.parent_subquestion_id = s.id AND c.created_at <= asof.cut) cq ON true
CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM feedback f
                                   WHERE f.subquestion_id = s.id AND f.verdict = 'EXPAND'
                                   AND f.created_at <= asof.cut) AS expanded) ex
CROSS JOIN LATERAL (SELECT CASE WHEN judged.verdict = 'CORRECT' THEN 'CORRECTED'
                                WHEN person.id IS NOT NULL THEN 'ANSWERED_BY_PERSON'
                                WHEN judged.verdict IS NOT NULL AND own.id IS NOT NULL AND own.answer IS NOT NULL
                                    THEN 'ANSWERED_BY_MODEL'
                                WHEN cq.id IS NOT NULL THEN CASE WHEN ex.expanded THEN 'EXPANDED'
                                                                 ELSE 'NEEDS_PERSON' END
                                WHEN own.id IS NULL THEN 'OPEN'
                                WHEN own.trusted THEN 'ANSWERED_BY_MODEL'
                                ELSE 'NEEDS_PERSON' END AS status) st;
