-- An assessment's details are written once and read back whole, never searched inside: plain json keeps
-- the text as written, where jsonb converts it on every insert (about two thirds of the cost of storing
-- an assessment on the embedded store). Existing rows keep their content.
ALTER TABLE "Assessment" ALTER COLUMN "details" SET DATA TYPE JSON USING "details"::json;
