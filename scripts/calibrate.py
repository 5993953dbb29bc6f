#!/usr/bin/env python3
"""The calibration harness behind scripts/calibrate: simulated journals with a known truth, run
through the real `journal` binary, and the figures that say whether its intervals, directions,
suggestions and experiment verdicts are honest.

Environment: JOURNAL_BIN (the binary), CALIBRATE_MODE (quick or full), CALIBRATE_SEED,
CALIBRATE_JOBS (worker processes), CALIBRATE_DIR (scratch folder). See docs/CALIBRATION.md.

The model of a person (all on the log-odds scale):
  - each tag t has a true feeling theta_t; a mark on day d of week w is energized with
    probability logistic(theta_t + week_mood_w + day_mood_d), drained otherwise;
  - week moods ~ N(0, sd_week), day moods ~ N(0, sd_day), shared by every mark of that week
    or day (good and bad weeks move all activities together);
  - 10% of weeks are vacations (no entries); 4 of 5 workdays are logged;
  - heavy exposure imbalance: on a logged day deep-work is marked with chance 0.75, delivery
    0.6, mentoring 0.2, coaching 0.15, architecture 0.12, conflict-resolution 0.06.

The truth each figure is checked against (the estimand):
  - a tag's true rate in a week is 2 E[logistic(theta + W + D)] - 1 with W, D the moods
    (Gauss-Hermite), i.e. the expected (P(energized) - P(drained)) of one mark that week; its
    true rate over a window is the average of that over the tag's marks in the window
    (exposure-weighted, which only matters when the preference changes);
  - a track's true rate is the weighted average of its tags' true rates over the tags marked
    in the window, with the weights the method itself gives each tag: the report's per-tag
    `vote` field when it has one (its marks since 2026-11-30; marks / (marks + 10) before), else
    1 (the method before issue 13: every marked tag one vote). `both` tags count in each track;
  - the lean's truth is IC truth minus management truth.
"""

import json
import math
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

import numpy as np

JOURNAL = os.environ["JOURNAL_BIN"]
MODE = os.environ.get("CALIBRATE_MODE", "quick")
SEED = int(os.environ.get("CALIBRATE_SEED", "13"))
JOBS = int(os.environ.get("CALIBRATE_JOBS", "2"))
SCRATCH = os.environ.get("CALIBRATE_DIR") or tempfile.mkdtemp(prefix="calibrate-")

SIZES = {
    "quick": dict(coverage=160, balanced=100, clear=100, experiment=120),
    "full": dict(coverage=1200, balanced=800, clear=800, experiment=800),
}[MODE]

TAGS = [  # name, track, chance of being marked on a logged day
    ("deep-work", "ic", 0.75),
    ("architecture", "ic", 0.12),
    ("coaching", "management", 0.15),
    ("delivery", "management", 0.60),
    ("conflict-resolution", "management", 0.06),
    ("mentoring", "both", 0.20),
]
TRACK_OF = {name: track for name, track, _ in TAGS}
FIRST_MONDAY = date(2025, 1, 6)  # 2025-W02
NODES, WEIGHTS = np.polynomial.hermite_e.hermegauss(40)
WEIGHTS = WEIGHTS / WEIGHTS.sum()


def counts_toward(tag, track):
    return TRACK_OF[tag] == track or TRACK_OF[tag] == "both"


def marginal_rate(theta, sd):
    """2 E[logistic(theta + Z sd)] - 1: the expected rate of one mark under the moods."""
    p = 1 / (1 + np.exp(-(theta + NODES * sd)))
    return float(2 * np.dot(WEIGHTS, p) - 1)


def sunday(week):
    return FIRST_MONDAY + timedelta(weeks=week, days=6)


# ---------------------------------------------------------------------------------------------
# Simulated people


def simulate(rng, weeks, sd_week, sd_day, thetas, theta_at=None, exposure=None):
    """One journal. `thetas` maps tag -> theta; `theta_at(week, tag)` overrides it per week;
    `exposure(week, tag)` overrides the tag's daily chance. Returns entries and per-mark truth."""
    sd_total = math.hypot(sd_week, sd_day)
    entries = []
    marks = []  # (week, tag, energized, true rate of that mark)
    for week in range(weeks):
        if rng.random() < 0.10:
            continue  # vacation
        week_mood = rng.normal(0, sd_week)
        for weekday in range(5):
            if rng.random() >= 0.8:
                continue
            day_mood = rng.normal(0, sd_day)
            tags = []
            for name, _, chance in TAGS:
                if exposure is not None:
                    chance = exposure(week, name)
                if rng.random() >= chance:
                    continue
                theta = theta_at(week, name) if theta_at else thetas[name]
                p = 1 / (1 + math.exp(-(theta + week_mood + day_mood)))
                energized = rng.random() < p
                tags.append((name, energized))
                marks.append((week, name, energized, marginal_rate(theta, sd_total)))
            if not tags:
                continue
            balance = sum(1 if e else -1 for _, e in tags)
            energy = int(max(-2, min(2, round(balance * 0.7 + day_mood + week_mood))))
            entries.append(
                dict(
                    day=FIRST_MONDAY + timedelta(weeks=week, days=weekday), tags=tags,
                    energy=energy, starred=bool(rng.random() < 0.1),
                    private=bool(rng.random() < 0.05)))
    return entries, marks


def journal_json(entries, experiments=()):
    stamp = "2025-01-01T00:00:00Z"
    lines = ['{', '"format": "career-journal",', '"version": 1,', '"tags": [']
    lines.append(",\n".join(
        json.dumps(dict(name=name, track=track, description="", created_at=stamp))
        for name, track, _ in sorted(TAGS)))
    lines += ['],', '"entries": [']
    records = []
    for index, entry in enumerate(entries, 1):
        records.append(json.dumps(dict(
            id=index, uuid="%032x" % index, date=entry["day"].isoformat(),
            text="day %d" % index, energy=entry["energy"],
            tags=[dict(name=n, mark="energized" if e else "drained") for n, e in entry["tags"]],
            starred=entry["starred"], private=entry["private"], created_at=stamp,
            updated_at=stamp, deleted_at=None)))
    lines.append(",\n".join(records))
    lines.append('],')
    lines.append('"experiments": [')
    records = []
    for index, (track, start, length) in enumerate(experiments, 1):
        records.append(json.dumps(dict(
            id=index, uuid="e%031x" % index, title="Experiment %d" % index, track=track,
            hypothesis="", start=start.isoformat(), planned_weeks=length, end=None,
            outcome=None, created_at=stamp, updated_at=stamp)))
    lines.append(",\n".join(records))
    lines.append('],')
    lines.append('"reflections": []')
    lines.append('}')
    return "\n".join(lines) + "\n"


def load(path, entries, experiments=()):
    source = path + ".json"
    with open(source, "w") as handle:
        handle.write(journal_json(entries, experiments))
    result = subprocess.run(
        [JOURNAL, "import", "--db", path, source], capture_output=True, env=ENV)
    if result.returncode != 0:
        raise RuntimeError("import failed: " + result.stderr.decode())
    os.remove(source)


def report(path, today):
    env = dict(ENV, JOURNAL_TODAY=today.isoformat())
    result = subprocess.run(
        [JOURNAL, "report", "--db", path, "--format", "json"], capture_output=True, env=env)
    if result.returncode != 0:
        raise RuntimeError("report failed: " + result.stderr.decode())
    return json.loads(result.stdout)


ENV = dict(os.environ, NO_COLOR="1")
ENV.pop("JOURNAL_DB", None)


def truths(marks, first_week, last_week, votes):
    """Per-tag truth and marks in the window, then track and lean truth with `votes`."""
    per_tag = {}
    for week, tag, _, truth in marks:
        if first_week <= week <= last_week:
            total, count = per_tag.get(tag, (0.0, 0))
            per_tag[tag] = (total + truth, count + 1)
    tag_truth = {tag: total / count for tag, (total, count) in per_tag.items()}
    tracks = {}
    for track in ("ic", "management"):
        names = sorted(t for t in tag_truth if counts_toward(t, track))
        if not names:
            tracks[track] = None
            continue
        weight = [votes(t, per_tag[t][1]) for t in names]
        tracks[track] = sum(w * tag_truth[t] for w, t in zip(weight, names)) / sum(weight)
    lean = None
    if tracks["ic"] is not None and tracks["management"] is not None:
        lean = tracks["ic"] - tracks["management"]
    return tag_truth, tracks, lean


def votes_from(report_json):
    tags = report_json["tags"]

    def votes(tag, marks):
        vote = tags.get(tag, {}).get("vote")
        return 1.0 if vote is None else float(vote)

    return votes


def draw_thetas(rng):
    mu_ic, mu_m = rng.normal(0, 1.0), rng.normal(0, 1.0)
    thetas = {}
    for name, track, _ in TAGS:
        centre = {"ic": mu_ic, "management": mu_m, "both": (mu_ic + mu_m) / 2}[track]
        thetas[name] = rng.normal(centre, 0.8)
    return thetas


# ---------------------------------------------------------------------------------------------
# Tasks (each runs in a worker; returns plain data)

COVERAGE_SCENARIOS = [  # name, weeks, sd_week, sd_day, preference changes halfway
    ("moods 0.5/0.5, 5 weeks", 5, 0.5, 0.5, False),
    ("moods 0.5/0.5, 12 weeks", 12, 0.5, 0.5, False),
    ("moods 1.0/0.75, 5 weeks", 5, 1.0, 0.75, False),
    ("moods 1.0/0.75, 12 weeks", 12, 1.0, 0.75, False),
    ("change halfway, 12 weeks", 12, 0.5, 0.5, True),
]


def coverage_journal(scenario, index):
    """A journal of a coverage scenario: its weeks, entries and per-mark truth.
    scripts/calibrate-estimators.py draws the same journals."""
    _, weeks, sd_week, sd_day, changes = COVERAGE_SCENARIOS[scenario]
    rng = np.random.default_rng([SEED, 1, scenario, index])
    thetas = draw_thetas(rng)
    theta_at = None
    if changes:
        later = draw_thetas(rng)

        def theta_at(week, tag):
            return thetas[tag] if week < weeks // 2 else later[tag]

    entries, marks = simulate(rng, weeks, sd_week, sd_day, thetas, theta_at)
    return weeks, entries, marks


def coverage_task(args):
    scenario, index = args
    weeks, entries, marks = coverage_journal(scenario, index)
    path = os.path.join(SCRATCH, "c%d-%d.sqlite" % (scenario, index))
    load(path, entries)
    data = report(path, sunday(weeks - 1))
    os.remove(path)
    tag_truth, track_truth, lean_truth = truths(marks, 0, weeks - 1, votes_from(data))
    out = dict(scenario=scenario, tracks={}, lean=None, tag_dirs=[], track_dirs=[])
    for track in ("ic", "management"):
        figure = data["tracks"][track]
        if figure["rate"] is None or track_truth[track] is None:
            continue
        out["tracks"][track] = (track_truth[track], figure["low"], figure["high"])
        out["track_dirs"].append(figure["direction"])
    if data["lean"] is not None and lean_truth is not None:
        out["lean"] = (lean_truth, data["lean"]["low"], data["lean"]["high"])
    for tag, figure in data["tags"].items():
        out["tag_dirs"].append(figure["direction"])
    return out


def weekly_person(kind, index):
    """A person of the weekly looks (kind "balanced" or "clear"), simulated: the entries, the
    weeks to look at and the sign of the true lean. scripts/calibrate-rules.py and
    scripts/calibrate-estimators.py draw the same people."""
    rng = np.random.default_rng([SEED, 2 if kind == "balanced" else 3, index])
    sd_week, sd_day = (0.5, 0.5) if index % 2 == 0 else (1.0, 0.75)
    sd = math.hypot(sd_week, sd_day)
    if kind == "balanced":
        theta = rng.normal(0, 1.0)
        thetas = {name: theta for name, _, _ in TAGS}
        weeks, sign = 26, 0
    else:
        while True:
            mu_ic, mu_m = rng.normal(0, 1.2), rng.normal(0, 1.2)
            thetas = {}
            for name, track, _ in TAGS:
                centre = {"ic": mu_ic, "management": mu_m, "both": (mu_ic + mu_m) / 2}[track]
                thetas[name] = centre + rng.normal(0, 0.3)
            rates = {t: marginal_rate(thetas[t], sd) for t in thetas}
            ic = np.mean([rates[t] for t in rates if counts_toward(t, "ic")])
            m = np.mean([rates[t] for t in rates if counts_toward(t, "management")])
            if abs(ic - m) >= 0.3:
                break
        weeks, sign = 12, (1 if ic > m else -1)
    entries, _ = simulate(rng, weeks, sd_week, sd_day, thetas)
    return entries, weeks, sign


def balanced_task(args):
    kind, index = args  # kind: "balanced" or "clear"
    entries, weeks, sign = weekly_person(kind, index)
    path = os.path.join(SCRATCH, "%s-%d.sqlite" % (kind, index))
    load(path, entries)
    looks = []
    for week in range(weeks):
        data = report(path, sunday(week))
        looks.append((data["suggestion"]["track"], data["suggestion"]["confidence"]))
    os.remove(path)
    return dict(kind=kind, sign=sign, looks=looks)


EXPERIMENT_CASES = [  # name, length, kind
    ("6 weeks, no change", 6, "null"),
    ("6 weeks, no change, new energizing activity", 6, "new"),
    ("6 weeks, +0.27", 6, "real"),
    ("10 weeks, +0.27", 10, "real"),
]


def experiment_task(args):
    case, index = args
    _, length, kind = EXPERIMENT_CASES[case]
    rng = np.random.default_rng([SEED, 4, case, index])
    sd_week, sd_day = 0.5, 0.5
    sd = math.hypot(sd_week, sd_day)
    thetas = draw_thetas(rng)
    for name in thetas:  # keep the truth away from the scale's ends, where +0.27 cannot fit
        thetas[name] = float(np.clip(thetas[name], -1.2, 1.2))
    start_week = length
    weeks = 2 * length
    management = [n for n, _, _ in TAGS if counts_toward(n, "management")]
    shift = 0.0
    if kind == "real":
        base = np.mean([marginal_rate(thetas[n], sd) for n in management])
        low, high = 0.0, 4.0
        for _ in range(40):
            mid = (low + high) / 2
            rate = np.mean([marginal_rate(thetas[n] + mid, sd) for n in management])
            low, high = (mid, high) if rate - base < 0.27 else (low, mid)
        shift = (low + high) / 2

    def theta_at(week, tag):
        if week >= start_week and counts_toward(tag, "management"):
            return thetas[tag] + shift
        if kind == "new" and tag == "conflict-resolution":
            return 2.0
        return thetas[tag]

    def exposure(week, tag):
        chance = dict((n, c) for n, _, c in TAGS)[tag]
        if kind == "new" and tag == "conflict-resolution":
            return 0.0 if week < start_week else 0.4
        return chance

    entries, _ = simulate(rng, weeks, sd_week, sd_day, thetas, theta_at, exposure)
    path = os.path.join(SCRATCH, "x%d-%d.sqlite" % (case, index))
    start = FIRST_MONDAY + timedelta(weeks=start_week)
    load(path, entries, [("management", start, length)])
    data = report(path, sunday(weeks - 1))
    os.remove(path)
    result = data["experiments"][0]
    return dict(case=case, verdict=result["verdict"],
                detectable=result.get("detectable_change"))


# ---------------------------------------------------------------------------------------------
# Summaries


def pct(part, whole):
    return "n/a" if whole == 0 else "%.1f%%" % (100.0 * part / whole)


def covered(item):
    truth, low, high = item
    return low - 1e-4 <= truth <= high + 1e-4


def main():
    started = time.time()
    version = subprocess.run([JOURNAL, "--version"], capture_output=True, text=True).stdout
    print("# calibrate: %s mode, seed %d, %s" % (MODE, SEED, version.strip()))
    print()
    tasks = [(s, i) for s in range(len(COVERAGE_SCENARIOS)) for i in range(SIZES["coverage"])]
    looks = [("balanced", i) for i in range(SIZES["balanced"])]
    looks += [("clear", i) for i in range(SIZES["clear"])]
    trials = [(c, i) for c in range(len(EXPERIMENT_CASES)) for i in range(SIZES["experiment"])]
    with multiprocessing.Pool(JOBS) as pool:
        coverage = pool.map(coverage_task, tasks, chunksize=8)
        histories = pool.map(balanced_task, looks, chunksize=4)
        experiments = pool.map(experiment_task, trials, chunksize=8)

    print("## Interval coverage (target: 90% intervals cover >= 88%; >= 85% where |truth| >= 0.5)")
    print()
    print("| scenario | journals | IC rate | management rate | lean | rates, |truth| >= 0.5 "
          "| lean, |truth| >= 0.5 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    far_rates, far_leans = [], []
    for scenario, (name, *_rest) in enumerate(COVERAGE_SCENARIOS):
        rows = [r for r in coverage if r["scenario"] == scenario]
        ic = [r["tracks"]["ic"] for r in rows if "ic" in r["tracks"]]
        m = [r["tracks"]["management"] for r in rows if "management" in r["tracks"]]
        lean = [r["lean"] for r in rows if r["lean"] is not None]
        far = [x for x in ic + m if abs(x[0]) >= 0.5]
        far_lean = [x for x in lean if abs(x[0]) >= 0.5]
        far_rates += far
        far_leans += far_lean
        print("| %s | %d | %s | %s | %s | %s (%d) | %s (%d) |" % (
            name, len(rows), pct(sum(map(covered, ic)), len(ic)),
            pct(sum(map(covered, m)), len(m)), pct(sum(map(covered, lean)), len(lean)),
            pct(sum(map(covered, far)), len(far)), len(far),
            pct(sum(map(covered, far_lean)), len(far_lean)), len(far_lean)))
    print()

    print("## False directions when nothing changes (targets: per tag <= 15%, per track <= 12%)")
    print()
    stationary = [r for r in coverage if not COVERAGE_SCENARIOS[r["scenario"]][4]]
    tag_dirs = [d for r in stationary for d in r["tag_dirs"] if d != "unknown"]
    track_dirs = [d for r in stationary for d in r["track_dirs"] if d != "unknown"]
    moving = ("rising", "falling")
    print("| labels | with a direction | rising or falling |")
    print("| --- | ---: | ---: |")
    print("| per tag | %d | %s |" % (
        len(tag_dirs), pct(sum(d in moving for d in tag_dirs), len(tag_dirs))))
    print("| per track | %d | %s |" % (
        len(track_dirs), pct(sum(d in moving for d in track_dirs), len(track_dirs))))
    print()

    print("## Weekly looks (targets: balanced <= 20% ever decisive in 26 looks; clear truth "
          "named right by week 12 >= 75%)")
    print()
    decisive = ("ic", "management")
    balanced = [h for h in histories if h["kind"] == "balanced"]
    ever = sum(any(t in decisive for t, _ in h["looks"]) for h in balanced)
    print("| figure | value |")
    print("| --- | ---: |")
    print("| balanced (true lean 0): ever a decisive suggestion over 26 weekly looks | %s of %d |"
          % (pct(ever, len(balanced)), len(balanced)))
    tech = sum(any(t == "tech-lead" for t, _ in h["looks"]) for h in balanced)
    print("| balanced: ever tech-lead over 26 weekly looks | %s |" % pct(tech, len(balanced)))
    clear = [h for h in histories if h["kind"] == "clear"]

    def right(h, t):
        return t == ("ic" if h["sign"] > 0 else "management")

    at12 = sum(right(h, h["looks"][11][0]) for h in clear)
    by12 = sum(any(right(h, t) for t, _ in h["looks"]) for h in clear)
    wrong = sum(any(t in decisive and not right(h, t) for t, _ in h["looks"]) for h in clear)
    firsts = sorted(
        next(i + 1 for i, (t, _) in enumerate(h["looks"]) if right(h, t))
        for h in clear if any(right(h, t) for t, _ in h["looks"]))
    print("| clear truth (abs(lean) >= 0.3): right track at the week-12 look | %s of %d |"
          % (pct(at12, len(clear)), len(clear)))
    print("| clear truth: right track at some look by week 12 | %s |" % pct(by12, len(clear)))
    print("| clear truth: weeks until first named right (median, among named) | %s |"
          % (firsts[len(firsts) // 2] if firsts else "n/a"))
    print("| clear truth: ever the wrong track in 12 looks | %s |" % pct(wrong, len(clear)))
    print()

    print("## Stated confidence against outcomes (decisive looks of the clear-truth people)")
    print()
    print("| stated confidence | looks | right |")
    print("| --- | ---: | ---: |")
    bins = [(0.0, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 0.99), (0.99, 1.01)]
    for low, high in bins:
        picks = [(h, t) for h in clear for t, c in h["looks"] if t in decisive and low <= c < high]
        print("| %.2f to %.2f | %d | %s |" % (
            low, min(high, 1.0), len(picks), pct(sum(right(h, t) for h, t in picks), len(picks))))
    print()

    print("## Experiments (management track, judged at their end against as many weeks before)")
    print()
    print("| case | trials | more energized | less energized | no clear change | too short "
          "| not enough data | detectable change (median) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for case, (name, _, _) in enumerate(EXPERIMENT_CASES):
        rows = [r for r in experiments if r["case"] == case]
        count = {v: sum(r["verdict"] == v for r in rows) for v in (
            "more-energized", "less-energized", "no-clear-change", "too-short-to-tell",
            "not-enough-data")}
        detect = sorted(r["detectable"] for r in rows if r["detectable"] is not None)
        print("| %s | %d | %s | %s | %s | %s | %s | %s |" % (
            name, len(rows), pct(count["more-energized"], len(rows)),
            pct(count["less-energized"], len(rows)), pct(count["no-clear-change"], len(rows)),
            pct(count["too-short-to-tell"], len(rows)), pct(count["not-enough-data"], len(rows)),
            "%.2f" % detect[len(detect) // 2] if detect else "n/a"))
    print()
    print("False claim = more or less energized in a no-change case; power = more energized "
          "with a real +0.27 change.")
    print()
    print("Ran in %.0f s." % (time.time() - started))


def run(entry):
    """Runs `entry`, then removes the scratch folder unless CALIBRATE_DIR named it."""
    try:
        entry()
    finally:
        if not os.environ.get("CALIBRATE_DIR"):
            shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    run(main)
