-- A career journal as the first schema version (Schema/0001_initial.sql) left it, with data.
--
-- Build it with the sqlite3 shell:   sqlite3 journal.sqlite < Tests/Fixtures/upgrade/v1.sql
--
-- The schema part is Schema/0001_initial.sql exactly as it shipped (a shipped migration is never
-- edited, so this copy stays what a version-1 binary wrote). Then `PRAGMA user_version = 1`,
-- and the rows a version-1 user could have: entries across several ISO weeks with explicit
-- created/updated timestamps, marks of every kind (energized +1, drained -1, logged 0), a
-- user-made tag, a starred and a private entry, an entry without energy, one deleted entry,
-- and texts with quotes, line breaks, unicode and SQL. UpgradeTests reads it; every figure it
-- checks (counts, marks per tag, the rollup) follows from the rows below.
--
-- The days fall in the 12 ISO weeks that end with 2026-11-20 (TestJournal.today).

-- A version-1 binary switched every new journal to WAL before its first migration.
PRAGMA journal_mode = WAL;

BEGIN;

-- Marks this file as a career journal, so another application's SQLite file is refused
-- ('CJRN').
PRAGMA application_id = 1128944206;

CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  track TEXT NOT NULL CHECK (track IN ('ic', 'management', 'both', 'neutral')),
  description TEXT NOT NULL DEFAULT '',
  createdAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE entry (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  energy INTEGER CHECK (energy BETWEEN -2 AND 2),
  isStarred INTEGER NOT NULL DEFAULT 0 CHECK (isStarred IN (0, 1)),
  isPrivate INTEGER NOT NULL DEFAULT 0 CHECK (isPrivate IN (0, 1)),
  createdAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updatedAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  -- Set by `journal delete`; the entry is hidden until restored or purged.
  deletedAt TEXT
);

-- Newest-first listings and date ranges over live entries.
CREATE INDEX entryByDay ON entry (day, id) WHERE deletedAt IS NULL;

-- One row per tag on an entry: +1 energized, -1 drained, 0 logged without a mark.
CREATE TABLE entryTag (
  entryId INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  tagId INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  mark INTEGER NOT NULL CHECK (mark IN (-1, 0, 1)),
  PRIMARY KEY (entryId, tagId)
) WITHOUT ROWID;

CREATE INDEX entryTagByTag ON entryTag (tagId, entryId);

-- Full-text search over entry text, kept in step with `entry` by the triggers below.
CREATE VIRTUAL TABLE entryText USING fts5 (text, content = 'entry', content_rowid = 'id');

CREATE TRIGGER entryTextAfterInsert AFTER INSERT ON entry BEGIN
  INSERT INTO entryText (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER entryTextAfterDelete AFTER DELETE ON entry BEGIN
  INSERT INTO entryText (entryText, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER entryTextAfterUpdate AFTER UPDATE OF text ON entry BEGIN
  INSERT INTO entryText (entryText, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO entryText (rowid, text) VALUES (new.id, new.text);
END;

-- The built-in tags, from the design brief and the two articles.
INSERT INTO tag (name, track, description) VALUES
  ('deep-work', 'ic', 'technical deep work: hard problems, building, debugging'),
  ('architecture', 'ic', 'design and technical direction beyond one task'),
  ('coaching', 'management', 'growing people: 1:1s, feedback, career talks'),
  ('conflict-resolution', 'management', 'resolving disagreements and people issues'),
  ('delivery', 'management', 'coordinating, prioritising, unblocking delivery'),
  ('mentoring', 'both', 'teaching and pairing, as a Staff engineer or a lead does');

PRAGMA user_version = 1;

-- A tag the user added in version 1.
INSERT INTO tag (id, name, track, description, createdAt) VALUES
  (7, 'hiring', 'management', 'interviews and hiring loops', '2026-09-01T08:00:00Z');

INSERT INTO entry (id, uuid, day, text, energy, isStarred, isPrivate, createdAt, updatedAt,
  deletedAt) VALUES
  (1, '0f0e0d0c0b0a09080706050403020101', '2026-09-07', 'Paired with Ana on the cache bug',
    2, 0, 0, '2026-09-07T17:30:00Z', '2026-09-07T17:30:00Z', NULL),
  (2, '0f0e0d0c0b0a09080706050403020102', '2026-09-09', 'Sprint planning ran two hours over',
    -1, 0, 0, '2026-09-09T18:02:11Z', '2026-09-10T07:15:00Z', NULL),
  (3, '0f0e0d0c0b0a09080706050403020103', '2026-09-16',
    'Design review: "storage v2"' || char(10) || 'Second line — with unicode ✓', 1, 1, 0,
    '2026-09-16T16:00:00Z', '2026-09-16T16:00:00Z', NULL),
  (4, '0f0e0d0c0b0a09080706050403020104', '2026-10-05', 'Career talk with Sam; it''s private',
    NULL, 0, 1, '2026-10-05T19:45:59Z', '2026-10-06T09:00:00Z', NULL),
  (5, '0f0e0d0c0b0a09080706050403020105', '2026-10-20', '''); DROP TABLE entry; --',
    0, 0, 0, '2026-10-20T12:00:00Z', '2026-10-20T12:00:00Z', NULL),
  (6, '0f0e0d0c0b0a09080706050403020106', '2026-11-02', 'Interview loop for two candidates',
    -2, 0, 0, '2026-11-02T20:10:00Z', '2026-11-02T20:10:00Z', NULL),
  (7, '0f0e0d0c0b0a09080706050403020107', '2026-11-03', 'Deleted in version 1: a bad day',
    -2, 0, 0, '2026-11-03T21:00:00Z', '2026-11-04T08:00:00Z', '2026-11-04T08:00:00Z'),
  (8, '0f0e0d0c0b0a09080706050403020108', '2026-11-18', 'Mentored a new hire on the deploy',
    1, 1, 0, '2026-11-18T17:00:00Z', '2026-11-18T17:00:00Z', NULL);

-- Marks: +1 energized, -1 drained, 0 logged. Tag ids: 1 deep-work, 2 architecture,
-- 3 coaching, 4 conflict-resolution, 5 delivery, 6 mentoring (the order 0001 inserts them),
-- 7 hiring.
INSERT INTO entryTag (entryId, tagId, mark) VALUES
  (1, 1, 1), (1, 6, 1),
  (2, 5, -1),
  (3, 2, 1), (3, 4, 0),
  (4, 3, 1),
  (5, 1, -1),
  (6, 7, -1), (6, 5, 0),
  (7, 3, -1), (7, 5, -1),
  (8, 6, 1), (8, 3, 1);

COMMIT;
