-- The day of an entry stored as an INTEGER count of days since 1970-01-01 (issue 16), instead
-- of 10 characters of 'YYYY-MM-DD' text: in the row and in the three indexes by day, 2 bytes
-- for any day from 1880 to 2059 and 3 bytes for the rest of 1900-2999. Measured on copies of
-- the benchmark's 1,000,000-entry journal rebuilt with the sqlite3 tool, each vacuumed
-- (BENCHMARKS.md, "What the bytes per entry pay for"): 469.8 -> 454.2 bytes per entry. The
-- store binds and reads a day as `Day.ordinal`, the same number. The weekly rollup keeps its
-- ISO text weeks: its triggers turn an ordinal into a date with SQLite's Julian day numbers
-- (`date(2440587.5 + day)` is the day itself, 1970-01-01 being Julian day 2440587.5).
--
-- `entry` is rebuilt as 0009 rebuilt it: every trigger that names it dropped first and
-- created again below, the same as 0009 wrote them but for the day's arithmetic. The
-- full-text index is kept: it is keyed by `id`, and no id or text changes. The store runs
-- migrations with foreign keys off and checks them before each migration commits.

DROP TRIGGER entryTextAfterInsert;
DROP TRIGGER entryTextAfterDelete;
DROP TRIGGER entryTextAfterUpdate;
DROP TRIGGER weekTagAfterMarkInsert;
DROP TRIGGER weekTagAfterMarkDelete;
DROP TRIGGER weekTagAfterMarkUpdate;
DROP TRIGGER weekTagAfterEntryUpdate;
DROP TRIGGER entryBeforeDelete;

CREATE TABLE entryByOrdinal (
  id INTEGER PRIMARY KEY,
  uuid NOT NULL UNIQUE DEFAULT (randomblob(16)),
  -- Days since 1970-01-01: 1900-01-01 is -25567, 2999-12-31 is 376199.
  day INTEGER NOT NULL
    CHECK (day BETWEEN -25567 AND 376199 AND typeof(day) = 'integer'),
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

INSERT INTO entryByOrdinal (
  id, uuid, day, text, energy, isStarred, isPrivate, createdAt, updatedAt, deletedAt)
-- A day that passed 0001's pattern but is no date (2026-02-30, in a file changed by hand) is
-- never moved to another (julianday() reads it as 2026-03-02; date() of that is not the day):
-- it becomes NULL, which the column refuses, and the store names the entries in its error.
SELECT id, uuid,
  CASE WHEN date(julianday(day)) IS day THEN CAST(julianday(day) - 2440587.5 AS INTEGER) END,
  text, energy, isStarred, isPrivate, createdAt, updatedAt, deletedAt
FROM entry ORDER BY id;

DROP TABLE entry;
ALTER TABLE entryByOrdinal RENAME TO entry;

CREATE INDEX entryByDay ON entry (day, id) WHERE deletedAt IS NULL;
CREATE INDEX entryStarredByDay ON entry (day, id) WHERE isStarred = 1 AND deletedAt IS NULL;
CREATE INDEX entryPrivateByDay ON entry (day) WHERE isPrivate = 1 AND deletedAt IS NULL;

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
  SELECT date(2440587.5 + e.day, 'weekday 0', '-6 days'), new.tagId,
    new.mark = 1, new.mark = -1, new.mark = 0, coalesce(e.energy, 0), e.energy IS NOT NULL
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
    AND week = (SELECT date(2440587.5 + day, 'weekday 0', '-6 days') FROM entry
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
    AND week = (SELECT date(2440587.5 + day, 'weekday 0', '-6 days') FROM entry
                WHERE id = old.entryId AND deletedAt IS NULL);
  INSERT INTO weekTag (week, tagId, energized, drained, unmarked, energySum, energyCount)
  SELECT date(2440587.5 + e.day, 'weekday 0', '-6 days'), new.tagId,
    new.mark = 1, new.mark = -1, new.mark = 0, coalesce(e.energy, 0), e.energy IS NOT NULL
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
    AND week = date(2440587.5 + old.day, 'weekday 0', '-6 days')
    AND tagId IN (SELECT tagId FROM entryTag WHERE entryId = old.id);
  INSERT INTO weekTag (week, tagId, energized, drained, unmarked, energySum, energyCount)
  SELECT date(2440587.5 + new.day, 'weekday 0', '-6 days'), et.tagId,
    et.mark = 1, et.mark = -1, et.mark = 0, coalesce(new.energy, 0), new.energy IS NOT NULL
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
