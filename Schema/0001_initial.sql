-- career-journal schema, version 1.
-- A shipped migration is never edited: change the schema with a new numbered file.
-- Tables are singular, columns camelCase; days are ISO 'YYYY-MM-DD' text, timestamps
-- ISO 8601 UTC text.

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
