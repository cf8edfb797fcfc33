-- The read model of the datasets module (see V20), one more view: the trees, for the chat-format and
-- preference exports of a snapshot, which give each step the system prompt of its tree.

-- Owner: questions. One row per tree: its domain and the system prompt its endpoint copies get
-- (trees.system_prompt, V21; null when the tree has none and the copies get the default).
CREATE VIEW questions_trees AS
SELECT t.id, t.domain, t.system_prompt
FROM trees t;
