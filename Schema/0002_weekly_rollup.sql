-- Weekly per-tag aggregates, kept exact by triggers in the same transaction as every write,
-- so `journal trend` and `journal report` read weeks x tags rows whatever the history's size.
-- `week` is the Monday that starts the ISO week of the entry's day.

CREATE TABLE weekTag (
  week TEXT NOT NULL,
  tagId INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  energized INTEGER NOT NULL DEFAULT 0,
  drained INTEGER NOT NULL DEFAULT 0,
  unmarked INTEGER NOT NULL DEFAULT 0,
  energySum INTEGER NOT NULL DEFAULT 0,
  energyCount INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (week, tagId)
) WITHOUT ROWID;

-- A mark on a live entry adds to its week.
CREATE TRIGGER weekTagAfterMarkInsert AFTER INSERT ON entryTag BEGIN
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

-- A mark removed from a live entry subtracts from its week.
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

-- A changed mark (a tag merge, a corrected feeling) is a removal and an addition.
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

-- A new day, energy, deletion or restore moves every mark of the entry: out of the old week
-- if the entry was live, into the new week if it is live now.
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

-- Purging an entry removes its marks first, while the entry is still there to say which
-- week they belong to and whether it was live.
CREATE TRIGGER entryBeforeDelete BEFORE DELETE ON entry BEGIN
  DELETE FROM entryTag WHERE entryId = old.id;
END;

-- Weeks that lost their last mark disappear, so an empty week reads as a gap.
CREATE TRIGGER weekTagAfterEmptied AFTER UPDATE ON weekTag
WHEN new.energized = 0 AND new.drained = 0 AND new.unmarked = 0 BEGIN
  DELETE FROM weekTag WHERE week = new.week AND tagId = new.tagId;
END;

-- The rollup of the entries written before this migration.
INSERT INTO weekTag (week, tagId, energized, drained, unmarked, energySum, energyCount)
SELECT date(e.day, 'weekday 0', '-6 days'), et.tagId, sum(et.mark = 1), sum(et.mark = -1),
  sum(et.mark = 0), sum(coalesce(e.energy, 0)), sum(e.energy IS NOT NULL)
FROM entryTag et JOIN entry e ON e.id = et.entryId
WHERE e.deletedAt IS NULL
GROUP BY 1, 2;
