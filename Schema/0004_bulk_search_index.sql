-- Bulk loads index their text and roll up their weeks once, at the end, not row by row.
--
-- Every statement of a write transaction that touches the full-text table opens a savepoint,
-- and FTS5 flushes its pending terms at each one: an import of 100,000 entries wrote 100,000
-- tiny index segments and took minutes. While a row sits in `bulkLoad` (only ever inside the
-- importing transaction, so a crash or a rollback leaves it empty), inserted entries are not
-- indexed by the trigger; the importer indexes them all in one statement before it commits.

CREATE TABLE bulkLoad (active INTEGER PRIMARY KEY CHECK (active = 1));

DROP TRIGGER entryTextAfterInsert;

CREATE TRIGGER entryTextAfterInsert AFTER INSERT ON entry
WHEN NOT EXISTS (SELECT 1 FROM bulkLoad) BEGIN
  INSERT INTO entryText (rowid, text) VALUES (new.id, new.text);
END;

-- Likewise the weekly rollup: during a bulk load each mark is not added to its week one by
-- one; the importer adds all of them in one grouped statement before it commits.
DROP TRIGGER weekTagAfterMarkInsert;

CREATE TRIGGER weekTagAfterMarkInsert AFTER INSERT ON entryTag
WHEN NOT EXISTS (SELECT 1 FROM bulkLoad) BEGIN
  INSERT INTO weekTag (week, tagId, energized, drained, unmarked, energySum, energyCount)
  SELECT date(e.day, 'weekday 0', '-6 days'), new.tagId, new.mark = 1, new.mark = -1,
    new.mark = 0, coalesce(e.energy, 0), e.energy IS NOT NULL
  FROM entry e WHERE e.id = new.entryId AND e.deletedAt IS NULL
  ON CONFLICT (week, tagId) DO UPDATE SET
    energized = energized + excluded.energized,
    drained = drained + excluded.drained,
    unmarked = unmarked + excluded.unmarked,
    energySum = energySum + excluded.energySum,
    energyCount = energyCount + excluded.energyCount;
END;
