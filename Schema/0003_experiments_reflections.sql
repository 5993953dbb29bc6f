-- The "try both deliberately" loop and the articles' questions.

-- A deliberate trial of one track, judged against the same number of weeks before it.
CREATE TABLE experiment (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  track TEXT NOT NULL CHECK (track IN ('ic', 'management')),
  hypothesis TEXT NOT NULL DEFAULT '',
  startDay TEXT NOT NULL CHECK (startDay GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  plannedWeeks INTEGER NOT NULL CHECK (plannedWeeks BETWEEN 1 AND 52),
  -- Set by `journal experiment end`.
  endDay TEXT,
  outcome TEXT,
  createdAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updatedAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Dated answers to "In five years, what do you want to be the person in the room who knows?"
-- and the motives check. `motives` is a comma-separated list from a fixed vocabulary.
CREATE TABLE reflection (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  fiveYears TEXT NOT NULL DEFAULT '',
  motives TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  createdAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX reflectionByDay ON reflection (day, id);

-- The report quotes starred entries of a window without scanning the others.
CREATE INDEX entryStarredByDay ON entry (day, id) WHERE isStarred = 1 AND deletedAt IS NULL;
