-- Copies from a language-model endpoint. Each answer says who gave it (for the workspace row:
-- "endpoint copies (llama3.2, text v4)"), and an endpoint's answer counts its calls (a call that
-- failed is a call all the same) and the tokens they used, summed per tree like the model calls.
-- vote_groups: the group of each vote (0 the majority group) when the copies' answers were grouped
-- by meaning rather than by equal text.

ALTER TABLE sub_answers ADD COLUMN answered_by VARCHAR(300);
ALTER TABLE sub_answers ADD COLUMN model_calls INT CHECK (model_calls >= 0);
ALTER TABLE sub_answers ADD COLUMN tokens INT CHECK (tokens >= 0);
ALTER TABLE sub_answers ADD COLUMN vote_groups JSONB;

-- Owner: questions. The new columns appended to the view of every answer (other modules read it).
CREATE OR REPLACE VIEW questions_answers AS
SELECT a.id, a.subquestion_id, a.source, a.answer, a.votes, a.agreement, a.trusted, a.model_version_id,
       a.note, a.created_at, a.answered_by, a.model_calls, a.tokens
FROM sub_answers a;
