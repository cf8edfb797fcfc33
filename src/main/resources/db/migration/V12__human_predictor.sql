-- Experiments with H', the human predictor (mode IA_HP): targets from Amplify^H'(X), H called less
-- and less as H' gets good. Each point of such a run records the accuracy of H' on H's actions (NULL in
-- the other modes). The settings of older experiments gain the two new fields with their defaults,
-- so that every stored settings document has every field.
ALTER TABLE experiments DROP CONSTRAINT experiments_mode_check;
ALTER TABLE experiments ALTER COLUMN mode TYPE VARCHAR(10);
ALTER TABLE experiments ADD CONSTRAINT experiments_mode_check CHECK (mode IN ('IA', 'IA_HP', 'SL'));

ALTER TABLE experiment_points ADD COLUMN asker_accuracy DOUBLE PRECISION
    CHECK (asker_accuracy IS NULL OR asker_accuracy BETWEEN 0 AND 1);

UPDATE experiments SET settings = settings || '{"askerLearningRate": 0.001, "expertCallBudget": 0}'::jsonb
WHERE NOT settings ? 'askerLearningRate';
