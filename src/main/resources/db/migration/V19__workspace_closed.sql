-- A workspace whose answer is no longer needed (its subquestion was accepted or corrected in the
-- parent, or the workspace that asked was submitted or closed) is CLOSED: kept with its history,
-- never handed out again. Why it closed is its CLOSED event in workspace_events.
ALTER TABLE workspaces DROP CONSTRAINT workspaces_status_check;
ALTER TABLE workspaces ADD CONSTRAINT workspaces_status_check CHECK (status IN ('OPEN', 'SUBMITTED', 'CLOSED'));
ALTER TABLE workspaces ADD COLUMN closed_at TIMESTAMPTZ;
