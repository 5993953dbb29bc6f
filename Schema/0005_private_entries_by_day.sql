-- Private entries by day, for the report's count of entries in its window.
--
-- The report says how many entries its weeks hold and how many of them are private. Counting
-- private ones through `entryByDay` read every entry of the window from the table, so the
-- count grew with how densely the weeks were written; this small index (only private entries)
-- lets both counts come from indexes alone.

CREATE INDEX entryPrivateByDay ON entry (day) WHERE isPrivate = 1 AND deletedAt IS NULL;
