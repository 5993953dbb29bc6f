-- The roles a person actually held, and what `journal add` last said about missed workdays.
--
-- The articles warn against treating the IC-versus-management choice as permanent: people try
-- management and come back. A role (ic, senior-ic, staff, tech-lead, manager, or a name of the
-- person's own, kebab-case like a tag) starts on a day and lasts until the next role starts,
-- so two roles never start on the same day. `track` is the role's lean: what the job asks,
-- not what energized the person (that is what the entries measure).
CREATE TABLE role (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  track TEXT NOT NULL CHECK (track IN ('ic', 'management', 'both', 'neutral')),
  startDay TEXT NOT NULL UNIQUE
    CHECK (startDay GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  createdAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updatedAt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The missed workdays `journal add` mentioned last, as comma-separated ISO days: the hint is
-- shown again only when that set changes, so a person is told once, not at every entry.
-- One row at most; not part of an export (it is a reminder's memory, not the journal).
CREATE TABLE addHint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  missedDays TEXT NOT NULL
);
