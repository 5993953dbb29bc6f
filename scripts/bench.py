#!/usr/bin/env python3
"""The benchmark harness behind scripts/bench: runs each command as a whole process many
times, records wall time and peak resident memory (from wait4's rusage), and writes a Markdown
report. Environment: JOURNAL_BIN, BENCH_DIR, SIZES, RUNS, OUTPUT (set by scripts/bench)."""

import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

JOURNAL = os.environ["JOURNAL_BIN"]
# The journal filler, built beside it (scripts/bench); never installed.
GENERATE = os.environ["GENERATE_BIN"]
BENCH_DIR = os.environ["BENCH_DIR"]
SIZES = [int(size) for size in os.environ["SIZES"].split()]
RUNS = int(os.environ["RUNS"])
OUTPUT = os.environ["OUTPUT"]
TODAY = "2026-11-20"
YEARS = {1_000: 1}  # 1,000 entries is about a year and a half of daily notes
MAPS = [
    "--map", "deepwork=+deep-work", "--map", "design=+architecture", "--map", "1on1=+coaching",
    "--map", "meetings=-delivery", "--map", "conflict=-conflict-resolution",
    "--map", "pairing=+mentoring",
]
ENV = dict(os.environ, JOURNAL_TODAY=TODAY, NO_COLOR="1")
ENV.pop("JOURNAL_DB", None)


def run_once(argv, stdin=None):
    """Wall seconds and peak RSS (MiB) of one process; stdout discarded."""
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, stdout=null, stderr=subprocess.PIPE, stdin=stdin, env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        error = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed ({process.returncode}): {error.strip()}")
    return elapsed, usage.ru_maxrss / 1024


def measure(argv, runs, setup=None):
    times, peaks = [], []
    run_once(argv) if setup is None else None  # warm the page cache
    for _ in range(runs):
        if setup:
            setup()
        elapsed, peak = run_once(argv)
        times.append(elapsed * 1000)
        peaks.append(peak)
    times.sort()
    low = times[len(times) // 10]
    high = times[-1 - len(times) // 10]
    return {"median": statistics.median(times), "low": low, "high": high,
            "peak": max(peaks), "runs": runs}


def journal_at(size):
    path = os.path.join(BENCH_DIR, f"journal-{size}.sqlite")
    if not os.path.exists(path):
        years = YEARS.get(size, 100)
        print(f"bench: generating {size:,} entries over {years} years ...", file=sys.stderr)
        start = time.perf_counter()
        subprocess.run(
            [GENERATE, "--db", path, "--entries", str(size), "--years", str(years)],
            check=True, env=ENV, stdout=subprocess.DEVNULL)
        print(f"bench: generated in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return path


def database_size(path, entries):
    """The file's bytes per entry (after a checkpoint) and the entries' text bytes per entry."""
    subprocess.run(["sqlite3", path, "PRAGMA wal_checkpoint(TRUNCATE);"], check=True,
                   capture_output=True)
    text = subprocess.run(["sqlite3", path, "SELECT sum(length(CAST(text AS BLOB))) FROM entry"],
                          capture_output=True, text=True, check=True).stdout
    return os.path.getsize(path) / entries, int(text) / entries


def first_day(path):
    return subprocess.run(
        ["sqlite3", path, "SELECT " + _day("min(day)") + " FROM entry"], capture_output=True,
        text=True,
        check=True).stdout.strip()


# From schema 10 (migration 0010) a day is stored as its days since 1970-01-01: the floors bind
# that number and print the day with SQLite's date(), as the journal prints it.
def _day(column):
    return f"date(2440587.5 + {column})"


def _ordinal(iso):
    return (datetime.date.fromisoformat(iso) - datetime.date(1970, 1, 1)).days


SQLITE_INSERT = (
    f"BEGIN; INSERT INTO entry (day, text, energy) VALUES ({_ordinal('2026-11-20')}, "
    "'Paired with Priya on the flaky cache invalidation', 1); "
    "INSERT INTO entryTag (entryId, tagId, mark) VALUES "
    "(last_insert_rowid(), (SELECT id FROM tag WHERE name = 'deep-work'), 1), "
    "(last_insert_rowid(), (SELECT id FROM tag WHERE name = 'delivery'), -1); COMMIT;")
SQLITE_ROLLUP = (
    "SELECT w.week, t.name, w.energized, w.drained FROM weekTag w JOIN tag t ON t.id = w.tagId "
    "WHERE w.week BETWEEN '2026-08-31' AND '2026-11-16' ORDER BY w.week, t.name;")
SQLITE_GROUP = (
    "SELECT date(2440587.5 + e.day, 'weekday 0', '-6 days') AS week, et.tagId, sum(et.mark = 1), "
    "sum(et.mark = -1) FROM entry e JOIN entryTag et ON et.entryId = e.id "
    "WHERE e.deletedAt IS NULL GROUP BY 1, 2;")
# Issue 16: export's rows as sqlite3 prints them (-json, -csv, a printf for Markdown), and
# list's and the all-history trend's own queries, as floors for the streaming writers.
# From schema 9 (migration 0009) uuids and timestamps are stored compactly; the floor decodes
# them to the text the export writes, with SQLite's own functions: a 16-byte uuid is its hex,
# a 19-byte one a day in 3 bytes (days from 1900-01-01) and 16 bytes of hex; a timestamp is
# seconds since 1970; an unchanged updatedAt is NULL.
def _hex_digit(index):
    return f"(instr('0123456789ABCDEF', substr(e.h, {index}, 1)) - 1)"


_UUID_DAY = ("date((" + " + ".join(f"{_hex_digit(i + 1)} * {16 ** (5 - i)}" for i in range(6))
             + " - 25567) * 86400, 'unixepoch')")
_UUID = ("CASE WHEN typeof(e.uuid) != 'blob' THEN e.uuid WHEN length(e.uuid) = 19 THEN "
         + _UUID_DAY + " || '-' || lower(substr(e.h, 7)) ELSE lower(e.h) END")


def _time(column):
    return (f"CASE typeof({column}) WHEN 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', {column}, "
            f"'unixepoch') ELSE {column} END")


SQLITE_ENTRIES = (
    f"SELECT e.id AS id, {_UUID} AS uuid, {_day('e.day')} AS date, e.text AS text, "
    "e.energy AS energy, "
    "(SELECT group_concat(t.name || ':' || et.mark, ',') FROM entryTag et JOIN tag t ON "
    "t.id = et.tagId WHERE et.entryId = e.id) AS tags, e.isStarred AS starred, e.isPrivate AS "
    f"private, {_time('e.createdAt')} AS created_at, "
    f"coalesce({_time('e.updatedAt')}, {_time('e.createdAt')}) AS updated_at, "
    f"{_time('e.deletedAt')} AS deleted_at "
    "FROM (SELECT *, hex(uuid) AS h FROM entry) e")
SQLITE_LIVE = " WHERE e.deletedAt IS NULL ORDER BY e.day, e.id;"
SQLITE_MARKDOWN = (
    "SELECT printf('### %s · energy %s · %s%s%s' || char(10) || char(10) || '%s', "
    f"{_day('e.day')}, e.energy, "
    "(SELECT group_concat(t.name || ':' || et.mark, ',') FROM entryTag et JOIN tag t ON "
    "t.id = et.tagId WHERE et.entryId = e.id), iif(e.isStarred, ' · ★', ''), "
    "iif(e.isPrivate, ' · private', ''), e.text) FROM entry e" + SQLITE_LIVE)
LIST_SINCE = "2025-06-01"  # about 5,000 entries tagged coaching at 1,000,000
SQLITE_LIST_TAG = (
    SQLITE_ENTRIES + f" WHERE e.deletedAt IS NULL AND e.day >= {_ordinal(LIST_SINCE)} AND EXISTS "
    "(SELECT 1 FROM entryTag et WHERE et.entryId = e.id AND et.tagId = "
    "(SELECT id FROM tag WHERE name = 'coaching')) ORDER BY e.day DESC, e.id DESC;")
SQLITE_ROLLUP_ALL = SQLITE_ROLLUP.replace("'2026-08-31'", "'0001-01-01'")
SQLITE_LIST = (f"SELECT id, {_day('day')}, text FROM entry WHERE deletedAt IS NULL "
               "ORDER BY day DESC, id DESC LIMIT 20;")
SQLITE_SEARCH = (
    "SELECT e.id FROM entry e WHERE e.deletedAt IS NULL AND e.id IN "
    "(SELECT rowid FROM entryText WHERE entryText MATCH 'priya') "
    "ORDER BY e.day DESC, e.id DESC LIMIT 20;")
# The floor a search of a common word can reach: walk the day index newest first, test the text.
SQLITE_LIKE_WALK = (
    "SELECT e.id FROM entry e INDEXED BY entryByDay WHERE e.deletedAt IS NULL "
    "AND e.text LIKE '%priya%' ORDER BY e.day DESC, e.id DESC LIMIT 20;")


def main():
    os.makedirs(BENCH_DIR, exist_ok=True)
    rows = []  # (size, command, result, floors)
    floor_true = measure(["/bin/true"], RUNS)
    startup = measure([JOURNAL, "--version"], RUNS)
    for size in SIZES:
        path = journal_at(size)
        work = os.path.join(BENCH_DIR, f"work-{size}.sqlite")
        shutil.copyfile(path, work)  # add and the sqlite3 insert write to a copy
        for suffix in ("-wal", "-shm"):
            if os.path.exists(work + suffix):
                os.remove(work + suffix)
        since = first_day(path)
        copy = os.path.join(BENCH_DIR, f"backup-{size}.sqlite")  # backup writes here
        heavy = max(3, RUNS // 5)
        commands = [
            ("add", [JOURNAL, "add", "--db", work, "Paired with Priya on the flaky cache invalidation",
                     "-e", "deep-work", "-d", "delivery", "--energy", "1"], RUNS,
             {"sqlite3 same insert": ["sqlite3", work, SQLITE_INSERT]}),
            ("list --limit 20", [JOURNAL, "list", "--db", path, "--limit", "20"], RUNS,
             {"sqlite3 same query": ["sqlite3", path, SQLITE_LIST]}),
            ("list --search priya --limit 20",
             [JOURNAL, "list", "--db", path, "--search", "priya", "--limit", "20"], RUNS,
             {"sqlite3 same query": ["sqlite3", path, SQLITE_SEARCH],
              "sqlite3 LIKE walk": ["sqlite3", path, SQLITE_LIKE_WALK]}),
            ("trend (12 weeks)", [JOURNAL, "trend", "--db", path], RUNS,
             {"sqlite3 rollup query": ["sqlite3", path, SQLITE_ROLLUP],
              "sqlite3 GROUP BY all entries": ["sqlite3", path, SQLITE_GROUP]}),
            (f"trend --since {since}", [JOURNAL, "trend", "--db", path, "--since", since], heavy,
             {"sqlite3 rollup query, all weeks": ["sqlite3", path, SQLITE_ROLLUP_ALL]}),
            ("report (markdown)", [JOURNAL, "report", "--db", path], RUNS, {}),
            ("report --format json", [JOURNAL, "report", "--db", path, "--format", "json"], RUNS, {}),
            ("export --format json", [JOURNAL, "export", "--db", path, "--format", "json"], heavy,
             {"sqlite3 -json same rows": ["sqlite3", "-json", path, SQLITE_ENTRIES + " ORDER BY e.id;"]}),
            ("export --format csv", [JOURNAL, "export", "--db", path, "--format", "csv"], heavy,
             {"sqlite3 -csv same rows": ["sqlite3", "-csv", path, SQLITE_ENTRIES + SQLITE_LIVE]}),
            ("export --format markdown", [JOURNAL, "export", "--db", path, "--format", "markdown"],
             heavy, {"sqlite3 printf same rows": ["sqlite3", path, SQLITE_MARKDOWN]}),
            (f"list --tag coaching --since {LIST_SINCE}",
             [JOURNAL, "list", "--db", path, "--tag", "coaching", "--since", LIST_SINCE], RUNS,
             {"sqlite3 same query": ["sqlite3", path, SQLITE_LIST_TAG]}),
            ("list --format json (all)", [JOURNAL, "list", "--db", path, "--format", "json"], heavy, {}),
            (f"trend --since {since} --format json",
             [JOURNAL, "trend", "--db", path, "--since", since, "--format", "json"], heavy,
             {"sqlite3 rollup query, all weeks": ["sqlite3", path, SQLITE_ROLLUP_ALL]}),
            ("backup", [JOURNAL, "backup", "--db", path, copy, "--force"], heavy,
             {"sqlite3 .backup": ["sqlite3", path, f".backup {copy}"]}),
            ("doctor", [JOURNAL, "doctor", "--db", path], heavy, {}),
            ("doctor --full", [JOURNAL, "doctor", "--db", path, "--full"], 3, {}),
        ]
        for name, argv, runs, floors in commands:
            print(f"bench: {size:,} {name}", file=sys.stderr)
            result = measure(argv, runs)
            floor_results = {label: measure(floor_argv, runs) for label, floor_argv in floors.items()}
            rows.append((size, name, result, floor_results))
    # Import of a 100,000-entry jrnl export into a new journal each run.
    jrnl = os.path.join(BENCH_DIR, "jrnl-100000.json")
    if not os.path.exists(jrnl):
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make-jrnl-json.py"),
                        "100000", jrnl], check=True)
    target = os.path.join(BENCH_DIR, "import.sqlite")

    def fresh():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)

    print("bench: import of 100,000 jrnl entries", file=sys.stderr)
    imported = measure([JOURNAL, "import", jrnl, "--from", "jrnl-json", "--db", target] + MAPS,
                       3, setup=fresh)
    write_report(rows, floor_true, startup, imported)


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            kb = int(info.readline().split()[1])
            memory = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError):
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    return (f"{model}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
            f"{swift[0] if swift else 'swift'}; SQLite {sqlite}")


def fmt(result):
    return f"{result['median']:.1f} ({result['low']:.1f}–{result['high']:.1f})"


def write_report(rows, floor_true, startup, imported):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        "Measured by `scripts/bench` (release build); every figure is a whole process: start, one "
        "SQLite open, the work, exit. Times are medians in milliseconds with the 10th–90th "
        "percentile in brackets; peak memory is the largest resident set of any run (`wait4` "
        "rusage, the figure `/usr/bin/time -v` reports).",
        "",
        f"- Machine: {machine()}",
        f"- Date: {now}",
        f"- Runs per command: {RUNS} (heavier commands {max(3, RUNS // 5)}; import 3)",
        f"- Floors: `/bin/true` {fmt(floor_true)} ms; `journal --version` (process start, Swift "
        f"runtime, no SQLite) {fmt(startup)} ms, {startup['peak']:.1f} MiB",
        "",
        "| entries | command | journal ms | peak MiB | floor (same run) |",
        "| ---: | --- | ---: | ---: | --- |",
    ]
    for size, name, result, floors in rows:
        floor_text = "; ".join(f"{label}: {fmt(floor)} ms" for label, floor in floors.items()) or "-"
        lines.append(f"| {size:,} | `{name}` | {fmt(result)} | {result['peak']:.1f} | {floor_text} |")
    lines.append(f"| 100,000 (jrnl JSON) | `import --from jrnl-json` into a new journal | "
                 f"{fmt(imported)} | {imported['peak']:.1f} | - |")
    lines += ["", "| entries | file bytes per entry | text bytes per entry (the floor) | ratio |",
              "| ---: | ---: | ---: | ---: |"]
    # Each file's size read once: it checkpoints and reads every text of the file.
    sizes = {size: database_size(journal_at(size), size) for size in SIZES}
    for size in SIZES:
        per_entry, text = sizes[size]
        lines.append(f"| {size:,} | {per_entry:.0f} | {text:.0f} | {per_entry / text:.2f}× |")
    lines += ["", "## Targets", ""]
    by = {(size, name): (result, floors) for size, name, result, floors in rows}
    checks = []
    largest = max(size for size, *_ in rows)
    smallest = min(size for size, *_ in rows)
    if (largest, "add") in by:
        result, floors = by[(largest, "add")]
        insert = floors["sqlite3 same insert"]["median"]
        checks.append((f"`add` at {largest:,}: ≤ 10 ms and ≤ 1.5× sqlite3's insert",
                       f"{result['median']:.1f} ms, {result['median'] / insert:.2f}× ({insert:.1f} ms)",
                       result["median"] <= 10 and result["median"] <= 1.5 * insert))
    for name in ("trend (12 weeks)", "report --format json"):
        if (100_000, name) in by:
            median = by[(100_000, name)][0]["median"]
            checks.append((f"`{name}` at 100,000: ≤ 20 ms", f"{median:.1f} ms", median <= 20))
        if (largest, name) in by and (smallest, name) in by and largest != smallest:
            big = by[(largest, name)][0]["median"]
            small = by[(smallest, name)][0]["median"]
            checks.append((f"`{name}` at {largest:,}: ≤ 1.3× its time at {smallest:,}",
                           f"{big:.1f} vs {small:.1f} ms = {big / small:.2f}×", big <= 1.3 * small))
    for name, floor, factor in [("export --format json", "sqlite3 -json same rows", 1.3),
                                ("export --format csv", "sqlite3 -csv same rows", 1.3),
                                ("export --format markdown", "sqlite3 printf same rows", 1.3),
                                (f"list --tag coaching --since {LIST_SINCE}", "sqlite3 same query", 1.5)]:
        if (largest, name) in by:
            result, floors = by[(largest, name)]
            base = floors[floor]["median"]
            checks.append((f"`{name}` at {largest:,}: ≤ {factor}× {floor}",
                           f"{result['median']:.1f} vs {base:.1f} ms = {result['median'] / base:.2f}×",
                           result["median"] <= factor * base))
    trends = [(name, r, f) for (size, name), (r, f) in by.items()
              if size == largest and name.startswith("trend --since")]
    for name, result, floors in trends:
        base = floors["sqlite3 rollup query, all weeks"]["median"]
        checks.append((f"`{name}` at {largest:,}: ≤ 2× the rollup query",
                       f"{result['median']:.1f} vs {base:.1f} ms = {result['median'] / base:.2f}×",
                       result["median"] <= 2 * base))
        if (largest, "trend (12 weeks)") in by:
            twelve = by[(largest, "trend (12 weeks)")][0]["peak"]
            checks.append((f"`{name}` at {largest:,}: peak ≤ 12-week trend's + 2 MiB",
                           f"{result['peak']:.1f} vs {twelve:.1f} MiB", result["peak"] <= twelve + 2))
    per_entry, _ = sizes[largest]
    checks.append((f"database size at {largest:,}: ≤ 450 bytes per entry", f"{per_entry:.0f} bytes",
                   per_entry <= 450))
    if (largest, "list --search priya --limit 20") in by:
        median = by[(largest, "list --search priya --limit 20")][0]["median"]
        checks.append((f"`list --search` at {largest:,}: ≤ 50 ms", f"{median:.1f} ms", median <= 50))
    search = "list --search priya --limit 20"
    if (largest, search) in by:
        result, floors = by[(largest, search)]
        walk = floors["sqlite3 LIKE walk"]["median"]
        checks.append((f"`{search}` at {largest:,}: ≤ 1.5× the LIKE walk",
                       f"{result['median']:.1f} vs {walk:.1f} ms = {result['median'] / walk:.2f}×",
                       result["median"] <= 1.5 * walk))
        if (smallest, search) in by and largest != smallest:
            small = by[(smallest, search)][0]["median"]
            checks.append((f"`{search}` at {largest:,}: ≤ 1.2× its time at {smallest:,}",
                           f"{result['median']:.1f} vs {small:.1f} ms = "
                           f"{result['median'] / small:.2f}×", result["median"] <= 1.2 * small))
    if (largest, "backup") in by:
        result, floors = by[(largest, "backup")]
        floor = floors["sqlite3 .backup"]["median"]
        checks.append((f"`backup` at {largest:,}: ≤ 1.5× sqlite3 .backup",
                       f"{result['median']:.0f} vs {floor:.0f} ms = {result['median'] / floor:.2f}×",
                       result["median"] <= 1.5 * floor))
    if (largest, "doctor") in by:
        median = by[(largest, "doctor")][0]["median"]
        checks.append((f"`doctor` at {largest:,}: ≤ 6 s", f"{median / 1000:.2f} s", median <= 6000))
    checks.append(("import of 100,000 jrnl entries: ≤ 5 s", f"{imported['median'] / 1000:.2f} s",
                   imported["median"] <= 5000))
    peak = max([imported["peak"]] + [result["peak"] for _, _, result, _ in rows])
    checks.append(("peak memory of any command: ≤ 30 MB", f"{peak:.1f} MiB", peak <= 30))
    lines += ["| target | measured | met |", "| --- | --- | --- |"]
    for label, measured, met in checks:
        lines.append(f"| {label} | {measured} | {'yes' if met else '**no**'} |")
    splice(OUTPUT, "\n".join(lines[2:]))
    print("\n".join(lines))
    print(f"bench: wrote the results into {OUTPUT}", file=sys.stderr)


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def splice(path, results):
    """Replaces what lies between the markers in `path`, keeping the prose around it."""
    text = open(path).read() if os.path.exists(path) else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    with open(path, "w") as handle:
        handle.write(f"{before}{START}\n{results}\n{END}{after}")


if __name__ == "__main__":
    main()
