-- The articles' "how to choose" questions, answered in `journal reflect`.
--
-- One row per question a reflection answers. Both columns hold codes (`coding`, `yes`), never
-- the wording a person read, so the wording can change without a migration; the checks keep
-- the codes' shape only (lowercase kebab-case), so a later question or answer needs none
-- either. The binary knows which codes exist and refuses any other.
CREATE TABLE reflectionAnswer (
  reflectionId INTEGER NOT NULL REFERENCES reflection (id) ON DELETE CASCADE,
  question TEXT NOT NULL
    CHECK (length(question) BETWEEN 1 AND 40 AND question NOT GLOB '*[^a-z-]*'),
  answer TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 40 AND answer NOT GLOB '*[^a-z-]*'),
  PRIMARY KEY (reflectionId, question)
) WITHOUT ROWID;
