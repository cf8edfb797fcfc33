-- Several app nodes on one PostgreSQL: each node heartbeats here, and a run records the node that runs
-- it. A starting node marks as INTERRUPTED only runs that it ran itself before it stopped, or whose
-- node has stopped heartbeating; a live node's runs are never touched.
CREATE TABLE app_nodes (
    node_id      TEXT PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE rounds ADD COLUMN owner_node TEXT;
ALTER TABLE experiments ADD COLUMN owner_node TEXT;
ALTER TABLE adversarial_searches ADD COLUMN owner_node TEXT;
