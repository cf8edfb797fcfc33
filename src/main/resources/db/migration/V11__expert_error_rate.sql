-- Experiments may have a faulty expert (ExperimentSettings.expertErrorRate); the settings of the
-- experiments made before it say 0, so that every stored settings document has every field.
UPDATE experiments SET settings = settings || '{"expertErrorRate": 0}'::jsonb WHERE NOT settings ? 'expertErrorRate';
