#!/usr/bin/env python3
"""Estimators tried offline on calibrate's people (docs/CALIBRATION.md, "The estimator scan").

The same simulated people as scripts/calibrate.py (same seeds and random streams), but the lean,
the track rates and the verdict are computed here, by a replica of JournalAnalysis (Pooling,
Trend, Suggestion's margin rule and evidence minimum), so that variants of the estimator can be
scored in seconds instead of a 20-minute run of the binary:

    JOURNAL_BIN=$(scripts/release-build) python3 scripts/calibrate-estimators.py

It first checks the replica against the binary on a sample of weekly looks (lean interval and
verdict; it must agree on every one), then prints, per variant, the two weekly-look figures
(balanced people ever given a verdict over 26 looks; clear preferences named right at week 12)
and the coverage of the rates and the lean per scenario. A variant is
  - the vote: "capped" (marks / (marks + 10), the method until 2026-11-30) or "pooled" (marks);
  - the jackknife multiplier: "t" (Student's t(n - 1) for every figure), "lean z" (1.645 for
    the lean, t for the rates: the method since 2026-11-30) or "z" (1.645 for every figure).
Only a variant that meets every target is worth building; then run scripts/calibrate full.
"""

import math
import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibrate as C  # noqa: E402  (reads JOURNAL_BIN, CALIBRATE_SEED)

import numpy as np  # noqa: E402

Z90 = 1.6448536269514722
T90 = [6.3138, 2.9200, 2.3534, 2.1318, 2.0150, 1.9432, 1.8946, 1.8595, 1.8331, 1.8125, 1.7959,
       1.7823, 1.7709, 1.7613, 1.7531, 1.7459, 1.7396, 1.7341, 1.7291, 1.7247, 1.7207, 1.7171,
       1.7139, 1.7109, 1.7081, 1.7056, 1.7033, 1.7011, 1.6991, 1.6973]
VARIANTS = [("capped", "t"), ("capped", "lean z"), ("pooled", "t"), ("pooled", "lean z"),
            ("pooled", "z")]
LEAN = [("ic", 1), ("management", -1)]


def t90(df):
    df = max(1, df)
    return T90[df - 1] if df <= len(T90) else Z90 + (1.6973 - Z90) * 30 / df


def vote(marks, kind):
    return marks / (marks + 10.0) if kind == "capped" else float(marks)


def figure(totals, tracks, kind):
    """Pooling.figure: the weighted rate and its model variance, or None."""
    names = sorted(t for t in totals if sum(totals[t]) > 0)
    weights = dict.fromkeys(names, 0.0)
    for track, sign in tracks:
        total = sum(vote(sum(totals[t]), kind) for t in names if C.counts_toward(t, track))
        if total <= 0:
            return None
        for t in names:
            if C.counts_toward(t, track):
                weights[t] += sign * vote(sum(totals[t]), kind) / total
    value = variance = 0.0
    for t in names:
        if weights[t] == 0:
            continue
        energized, drained = totals[t]
        marks = energized + drained
        p = (energized + 0.5) / (marks + 1)
        value += weights[t] * (energized - drained) / marks
        variance += weights[t] ** 2 * 4 * p * (1 - p) / marks
    return value, variance


def estimate(weeks, tracks, bounds, kind, multiplier):
    """Pooling.estimate: (value, low, high, half width) over `weeks` ({tag: (E, D)} each)."""
    totals = {}
    for week in weeks:
        for tag, (e, d) in week.items():
            a, b = totals.get(tag, (0, 0))
            totals[tag] = (a + e, b + d)
    whole = figure(totals, tracks, kind)
    if whole is None:
        return None
    left = []
    for week in weeks:
        if not any(sum(c) > 0 and any(C.counts_toward(t, tr) for tr, _ in tracks)
                   for t, c in week.items()):
            continue
        rest = {t: (c[0] - week.get(t, (0, 0))[0], c[1] - week.get(t, (0, 0))[1])
                for t, c in totals.items()}
        value = figure(rest, tracks, kind)
        if value is not None:
            left.append(value[0])
    half = Z90 * math.sqrt(max(0.0, whole[1]))
    if len(left) >= 2:
        n = len(left)
        mean = sum(left) / n
        jackknife = math.sqrt((n - 1) / n * sum((x - mean) ** 2 for x in left))
        normal = multiplier == "z" or (multiplier == "lean z" and len(tracks) == 2)
        half = max(half, (Z90 if normal else t90(n - 1)) * jackknife)
    value = whole[0]
    return value, max(bounds[0], value - half), min(bounds[1], value + half), half


def verdict(weeks, kind, multiplier):
    """Suggestion's outcome: ic, management, tech-lead or unclear."""
    for track in ("ic", "management"):
        own = [sum(sum(c) for t, c in week.items() if C.TRACK_OF[t] == track) for week in weeks]
        if sum(own) < 8 or sum(1 for n in own if n > 0) < 4:
            return "unclear"
    lean = estimate(weeks, LEAN, (-2, 2), kind, multiplier)
    if lean is None or lean[3] <= 0:
        return "unclear"
    if lean[1] > 0.1:
        return "ic"
    if lean[2] < -0.1:
        return "management"
    rates = [estimate(weeks, [(t, 1)], (-1, 1), kind, multiplier) for t in ("ic", "management")]
    if all(r is not None and r[1] > 0 for r in rates):
        return "tech-lead"
    return "unclear"


def weekly(entries, weeks):
    table = [dict() for _ in range(weeks)]
    for entry in entries:
        week = (entry["day"] - C.FIRST_MONDAY).days // 7
        for tag, energized in entry["tags"]:
            e, d = table[week].get(tag, (0, 0))
            table[week][tag] = (e + energized, d + (not energized))
    return table


def looks(args):
    kind, index = args
    entries, weeks, sign = C.weekly_person(kind, index)
    table = weekly(entries, weeks)
    return kind, sign, {v: [verdict(table[max(0, w - 11):w + 1], *v) for w in range(weeks)]
                        for v in VARIANTS}


def coverage(args):
    scenario, index = args
    weeks, entries, marks = C.coverage_journal(scenario, index)
    table = weekly(entries, weeks)
    # The truth depends on the vote alone, not on the multiplier.
    truths = {kind: C.truths(marks, 0, weeks - 1, lambda t, n, k=kind: vote(n, k))
              for kind in {kind for kind, _ in VARIANTS}}
    out = {}
    for kind, multiplier in VARIANTS:
        _, tracks, lean = truths[kind]
        rows = []
        for name, figure_tracks, bounds, truth in [
                ("ic", [("ic", 1)], (-1, 1), tracks["ic"]),
                ("management", [("management", 1)], (-1, 1), tracks["management"]),
                ("lean", LEAN, (-2, 2), lean)]:
            e = estimate(table, figure_tracks, bounds, kind, multiplier)
            if e is not None and truth is not None:
                rows.append((name, truth, e[1] <= truth <= e[2]))
        out[(kind, multiplier)] = rows
    return scenario, out


def check_against_binary(count):
    """The replica's lean interval and verdict against the binary's report, on `count` people
    of each kind at every fourth look. Returns (agreeing looks, looks)."""
    agree = total = 0
    for kind in ("balanced", "clear"):
        for index in range(count):
            entries, weeks, _ = C.weekly_person(kind, index)
            path = os.path.join(C.SCRATCH, "check-%s-%d.sqlite" % (kind, index))
            C.load(path, entries)
            table = weekly(entries, weeks)
            for week in range(3, weeks, 4):
                data = C.report(path, C.sunday(week))
                window = table[max(0, week - 11):week + 1]
                lean = estimate(window, LEAN, (-2, 2), "pooled", "lean z")
                theirs = data["lean"]
                same_lean = (theirs is None and lean is None) or (
                    theirs is not None and lean is not None
                    and abs(theirs["low"] - lean[1]) < 1e-3 and abs(theirs["high"] - lean[2]) < 1e-3)
                total += 1
                agree += same_lean and data["suggestion"]["track"] == verdict(window, "pooled", "lean z")
            os.remove(path)
    return agree, total


def main():
    agree, total = check_against_binary(6)
    print("the replica of the shipped method agrees with the binary in %d of %d looks"
          % (agree, total))
    if agree != total:
        sys.exit("calibrate-estimators: the replica no longer matches JournalAnalysis; fix it first")
    size = C.SIZES["balanced"]
    people_jobs = [("balanced", i) for i in range(size)] + [("clear", i) for i in range(size)]
    coverage_jobs = [(s, i) for s in range(len(C.COVERAGE_SCENARIOS))
                     for i in range(C.SIZES["coverage"])]
    with multiprocessing.Pool(C.JOBS) as pool:
        people = pool.map(looks, people_jobs, chunksize=20)
        covered = pool.map(coverage, coverage_jobs, chunksize=50)
    print()
    print("| vote | jackknife multiplier | balanced ever decisive (<= 20%) | right at week 12 "
          "(>= 75%) | lowest rate coverage (>= 88%) | lowest rate coverage, abs(truth) >= 0.5 "
          "(>= 85%) | lowest lean coverage (>= 88%) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for variant in VARIANTS:
        balanced = [o[variant] for kind, _, o in people if kind == "balanced"]
        clear = [(sign, o[variant]) for kind, sign, o in people if kind == "clear"]
        ever = np.mean([any(v in ("ic", "management") for v in h) for h in balanced])
        right = np.mean([h[11] == ("ic" if sign > 0 else "management") for sign, h in clear])
        rate, far, lean = [], [], []
        for scenario in range(len(C.COVERAGE_SCENARIOS)):
            rows = [r for s, o in covered if s == scenario for r in o[variant]]
            for name in ("ic", "management"):
                rate.append(np.mean([hit for n, _, hit in rows if n == name]))
            far.append(np.mean([hit for n, t, hit in rows if n != "lean" and abs(t) >= 0.5]))
            lean.append(np.mean([hit for n, _, hit in rows if n == "lean"]))
        print("| %s | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |" % (
            variant[0], variant[1], 100 * ever, 100 * right, 100 * min(rate), 100 * min(far),
            100 * min(lean)))


if __name__ == "__main__":
    C.run(main)
