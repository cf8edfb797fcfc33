-- Researchers' exports (the datasets module) read transcripts in a snapshot's order and filter them
-- by domain, submission time and expert, and feedback by time and expert; these indexes serve them.

-- a snapshot's transcripts in their position (dataset k in the order round k froze it)
CREATE INDEX snapshot_transcripts_position_idx ON snapshot_transcripts (snapshot_id, position);

-- submitted transcripts by time and by expert (the export orders them by workspace id)
CREATE INDEX workspaces_submitted_idx ON workspaces (submitted_at, id) WHERE status = 'SUBMITTED';
CREATE INDEX workspaces_answered_by_idx ON workspaces (answered_by, id) WHERE status = 'SUBMITTED';
CREATE INDEX trees_domain_idx ON trees (domain, id);

-- feedback by time and by expert
CREATE INDEX feedback_created_idx ON feedback (created_at, id);
CREATE INDEX feedback_expert_idx ON feedback (expert_id, id);
