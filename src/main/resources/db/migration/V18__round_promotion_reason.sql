-- Why a round's version was or was not promoted automatically (null for rounds that ended before this column).
ALTER TABLE rounds ADD COLUMN promotion_reason text;
