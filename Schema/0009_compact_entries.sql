-- Entries stored smaller (issue 16): a 1,000,000-entry journal took 584 bytes per entry for 219
-- bytes of text. Measured on a copy of the benchmark's 100,000-entry journal, each change
-- alone, after VACUUM (BENCHMARKS.md, "A smaller file"):
-- - the uuid as a BLOB of 16 bytes (19 with the day a bulk load puts first) instead of 32 or
--   43 characters, in the row and in its UNIQUE index;
-- - timestamps as INTEGER seconds since 1970 instead of 20 characters, and `updatedAt` NULL
--   while an entry has not changed;
-- - the search index without word positions within a column (FTS5 `detail = column`): search
--   matches the start of words and never needed phrases or NEAR. (`detail = none` is smaller
--   still, but makes a prefix query merge its whole doclist: `list --search priya` went from
--   18 to 65 ms on the 1,000,000-entry journal.)
-- A uuid or timestamp in any other form (an import's `jrnl-…`, a hand-written time) stays the
-- text it was; JournalStore's `CompactText` reads every form back to the same bytes, and
-- `journalCompactUUID` / `journalCompactTime`, which the store defines while it migrates, are
-- the same code. The columns have no declared type, so SQLite never converts what is stored.
--
-- SQLite cannot change a column's type in place, so `entry` is rebuilt: created anew, filled,
-- the old one dropped and the new one renamed. Dropping a table drops its triggers and
-- indexes, and the rename checks every trigger that names `entry`, so all of them are dropped
-- first and created again below, word for word as the migrations before wrote them. The store
-- runs migrations with foreign keys off (dropping `entry` would otherwise delete every mark)
-- and checks them before each migration commits.
--
-- The CHECKs on isStarred and isPrivate become ranges with a type test, as 0007 did for marks:
-- SQLite builds a temporary table for each row it checks against an IN list.

DROP TRIGGER entryTextAfterInsert;
DROP TRIGGER entryTextAfterDelete;
DROP TRIGGER entryTextAfterUpdate;
DROP TRIGGER weekTagAfterMarkInsert;
DROP TRIGGER weekTagAfterMarkDelete;
DROP TRIGGER weekTagAfterMarkUpdate;
DROP TRIGGER weekTagAfterEntryUpdate;
DROP TRIGGER entryBeforeDelete;
DROP TABLE entryText;

CREATE TABLE entryCompact (
  id INTEGER PRIMARY KEY,
  uuid NOT NULL UNIQUE DEFAULT (randomblob(16)),
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  energy INTEGER CHECK (energy BETWEEN -2 AND 2),
  isStarred INTEGER NOT NULL DEFAULT 0
    CHECK (isStarred BETWEEN 0 AND 1 AND typeof(isStarred) = 'integer'),
  isPrivate INTEGER NOT NULL DEFAULT 0
    CHECK (isPrivate BETWEEN 0 AND 1 AND typeof(isPrivate) = 'integer'),
  createdAt NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER)),
  -- NULL while the entry has not changed since it was created.
  updatedAt,
  -- Set by `journal delete`; the entry is hidden until restored or purged.
  deletedAt
);

INSERT INTO entryCompact (
  id, uuid, day, text, energy, isStarred, isPrivate, createdAt, updatedAt, deletedAt)
SELECT id, journalCompactUUID(uuid), day, text, energy, isStarred, isPrivate,
  journalCompactTime(createdAt),
  CASE WHEN updatedAt = createdAt THEN NULL ELSE journalCompactTime(updatedAt) END,
  journalCompactTime(deletedAt)
FROM entry ORDER BY id;

DROP TABLE entry;
ALTER TABLE entryCompact RENAME TO entry;

CREATE INDEX entryByDay ON entry (day, id) WHERE deletedAt IS NULL;
CREATE INDEX entryStarredByDay ON entry (day, id) WHERE isStarred = 1 AND deletedAt IS NULL;
CREATE INDEX entryPrivateByDay ON entry (day) WHERE isPrivate = 1 AND deletedAt IS NULL;

CREATE VIRTUAL TABLE entryText USING fts5 (
  text, content = 'entry', content_rowid = 'id', detail = column
);
INSERT INTO entryText (entryText) VALUES ('rebuild');

CREATE TRIGGER entryTextAfterInsert AFTER INSERT ON entry
WHEN NOT EXISTS (SELECT 1 FROM bulkLoad) BEGIN
  INSERT INTO entryText (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER entryTextAfterDelete AFTER DELETE ON entry BEGIN
  INSERT INTO entryText (entryText, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER entryTextAfterUpdate AFTER UPDATE OF text ON entry BEGIN
  INSERT INTO entryText (entryText, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO entryText (rowid, text) VALUES (new.id, new.text);
END;

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
