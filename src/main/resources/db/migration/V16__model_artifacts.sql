-- Model files live in PostgreSQL too, so that a model trained on one node serves copies on every node.
-- The file under <data-dir>/models stays, as the node's local copy; a node without it fetches the bytes
-- from here and checks them against model_versions.sha256 as it checks its own file.
CREATE TABLE model_artifacts (
    model_version_id BIGINT PRIMARY KEY REFERENCES model_versions (id),
    content          BYTEA NOT NULL,
    stored_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
