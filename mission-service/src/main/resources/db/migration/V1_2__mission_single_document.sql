-- The list document is the GET document without its provenance (its last member), so it is cut
-- from `detail` when read instead of being stored, TOAST-compressed and rewritten a second time
-- on every apply.
ALTER TABLE mission DROP COLUMN view;


-- Compressed, the documents fit in the row (≈4 KB of a mission's ≈18 KB of JSON): keep them in
-- the heap page instead of a TOAST table, so an apply does not insert and delete TOAST chunks
-- (and their index entries) for every rewritten mission.
ALTER TABLE mission ALTER COLUMN state SET STORAGE MAIN, ALTER COLUMN detail SET STORAGE MAIN;
