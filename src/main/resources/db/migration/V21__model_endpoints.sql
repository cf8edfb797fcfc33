-- Language models behind an OpenAI-compatible chat-completions endpoint, registered as model versions
-- of the text domain (kind ENDPOINT). Such a version has no file: its row in model_endpoints says
-- where the model is and how to sample it. The API key is never stored in the clear: either the name
-- of an environment variable that holds it, or the key encrypted with the node's endpoint secret.

ALTER TABLE model_versions DROP CONSTRAINT model_versions_kind_check;
ALTER TABLE model_versions ADD CONSTRAINT model_versions_kind_check
    CHECK (kind IN ('IA', 'SL', 'ROUND', 'IMPORT', 'ENDPOINT'));
ALTER TABLE model_versions ALTER COLUMN artifact_path DROP NOT NULL;
ALTER TABLE model_versions ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE model_versions ADD CONSTRAINT model_versions_artifact_check
    CHECK (kind = 'ENDPOINT' OR (artifact_path IS NOT NULL AND sha256 IS NOT NULL));

CREATE TABLE model_endpoints (
    model_version_id       BIGINT PRIMARY KEY REFERENCES model_versions (id),
    base_url               VARCHAR(500)     NOT NULL,
    model                  VARCHAR(200)     NOT NULL,
    api_key_env            VARCHAR(200),
    api_key_ciphertext     TEXT,
    temperature            DOUBLE PRECISION NOT NULL CHECK (temperature >= 0 AND temperature <= 2),
    max_tokens             INT              NOT NULL CHECK (max_tokens BETWEEN 1 AND 32768),
    timeout_ms             INT              NOT NULL CHECK (timeout_ms BETWEEN 100 AND 600000),
    -- a model fine-tuned elsewhere on one of our snapshots (distillation's snapshots.id): its lineage
    trained_on_snapshot_id BIGINT,
    CHECK (api_key_env IS NULL OR api_key_ciphertext IS NULL)
);

-- the short system prompt the endpoint copies of a text tree get (editable by the tree's experts)
ALTER TABLE trees ADD COLUMN system_prompt VARCHAR(4000);
