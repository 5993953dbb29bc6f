-- entryTag's mark checked as a range instead of a list.
--
-- SQLite checks `mark IN (-1, 0, 1)` by building a temporary table of the list for every row
-- it checks: 27% of an integrity check and 13% of an import (a 1,000,000-entry journal,
-- 2026-11-30). Two comparisons and a type test refuse exactly the same values: NULL, 2, -2,
-- and 0.5, which the range alone would let in.
--
-- SQLite cannot change a CHECK in place, so the table is rebuilt: created anew, filled, the old
-- one dropped and the new one renamed. Dropping a table drops its triggers and indexes, and the
-- rename checks every trigger that names `entryTag`, so all of them are dropped first and
-- created again below, word for word as the migrations before wrote them (the tamper check
-- compares their text). No table refers to entryTag, so dropping it deletes no other row.

DROP TRIGGER weekTagAfterMarkInsert;
DROP TRIGGER weekTagAfterMarkDelete;
DROP TRIGGER weekTagAfterMarkUpdate;
DROP TRIGGER weekTagAfterEntryUpdate;
DROP TRIGGER entryBeforeDelete;

CREATE TABLE entryTagWithRange (
  entryId INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  tagId INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  mark INTEGER NOT NULL CHECK (mark BETWEEN -1 AND 1 AND typeof(mark) = 'integer'),
  PRIMARY KEY (entryId, tagId)
) WITHOUT ROWID;

INSERT INTO entryTagWithRange (entryId, tagId, mark)
SELECT entryId, tagId, mark FROM entryTag ORDER BY entryId, tagId;

DROP TABLE entryTag;

ALTER TABLE entryTagWithRange RENAME TO entryTag;

CREATE INDEX entryTagByTag ON entryTag (tagId, entryId);

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

CREATE TRIGGER weekTagAfterMarkDelete AFTER DELETE ON entryTag BEGIN
  UPDATE weekTag SET
    energized = energized - (old.mark = 1),
    drained = drained - (old.mark = -1),
    unmarked = unmarked - (old.mark = 0),
    energySum = energySum - (SELECT coalesce(energy, 0) FROM entry WHERE id = old.entryId),
    energyCount = energyCount - (SELECT energy IS NOT NULL FROM entry WHERE id = old.entryId)
  WHERE tagId = old.tagId
    AND week = (SELECT date(day, 'weekday 0', '-6 days') FROM entry
                WHERE id = old.entryId AND deletedAt IS NULL);
END;

CREATE TRIGGER weekTagAfterMarkUpdate AFTER UPDATE OF tagId, mark ON entryTag BEGIN
  UPDATE weekTag SET
    energized = energized - (old.mark = 1),
    drained = drained - (old.mark = -1),
    unmarked = unmarked - (old.mark = 0),
    energySum = energySum - (SELECT coalesce(energy, 0) FROM entry WHERE id = old.entryId),
    energyCount = energyCount - (SELECT energy IS NOT NULL FROM entry WHERE id = old.entryId)
  WHERE tagId = old.tagId
    AND week = (SELECT date(day, 'weekday 0', '-6 days') FROM entry
                WHERE id = old.entryId AND deletedAt IS NULL);
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

CREATE TRIGGER weekTagAfterEntryUpdate AFTER UPDATE OF day, energy, deletedAt ON entry BEGIN
  UPDATE weekTag SET
    energized = energized - (SELECT count(*) FROM entryTag et
                             WHERE et.entryId = old.id AND et.tagId = weekTag.tagId AND et.mark = 1),
    drained = drained - (SELECT count(*) FROM entryTag et
                         WHERE et.entryId = old.id AND et.tagId = weekTag.tagId AND et.mark = -1),
    unmarked = unmarked - (SELECT count(*) FROM entryTag et
                           WHERE et.entryId = old.id AND et.tagId = weekTag.tagId AND et.mark = 0),
    energySum = energySum - coalesce(old.energy, 0),
    energyCount = energyCount - (old.energy IS NOT NULL)
  WHERE old.deletedAt IS NULL
    AND week = date(old.day, 'weekday 0', '-6 days')
    AND tagId IN (SELECT tagId FROM entryTag WHERE entryId = old.id);
  INSERT INTO weekTag (week, tagId, energized, drained, unmarked, energySum, energyCount)
  SELECT date(new.day, 'weekday 0', '-6 days'), et.tagId, et.mark = 1, et.mark = -1,
    et.mark = 0, coalesce(new.energy, 0), new.energy IS NOT NULL
  FROM entryTag et WHERE et.entryId = new.id AND new.deletedAt IS NULL
  ON CONFLICT (week, tagId) DO UPDATE SET
    energized = energized + excluded.energized,
    drained = drained + excluded.drained,
    unmarked = unmarked + excluded.unmarked,
    energySum = energySum + excluded.energySum,
    energyCount = energyCount + excluded.energyCount;
END;

CREATE TRIGGER entryBeforeDelete BEFORE DELETE ON entry BEGIN
  DELETE FROM entryTag WHERE entryId = old.id;
END;
