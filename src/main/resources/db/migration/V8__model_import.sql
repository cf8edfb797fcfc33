-- Imported models (a TorchScript file trained elsewhere, kind IMPORT) carry the admin's note: where the
-- model comes from, how it was trained. Versions trained here have none.

ALTER TABLE model_versions ADD COLUMN note TEXT CHECK (char_length(note) <= 2000);
