-- The size N of the contexts at each point: IA's size curriculum grows it during a run.
-- NULL for points made before it was recorded (their run's N).
ALTER TABLE experiment_points ADD COLUMN size integer CHECK (size IS NULL OR size > 0);
