#!/usr/bin/env python3
"""Decision rules tried offline on calibrate's weekly looks (docs/CALIBRATION.md, "Attempts").

Runs the same balanced and clear-truth people as scripts/calibrate.py (same seeds), keeps at
every weekly look what a decision rule needs (the lean and its interval, weeks with marks, each
track's own marks and weeks), checks that the shipped rule reproduces the binary's verdicts,
and scores candidate rules without rebuilding the binary:

    JOURNAL_BIN=$(scripts/release-build) CALIBRATE_MODE=full python3 scripts/calibrate-rules.py

A rule here is "the lean's interval at z standard errors lies beyond the margin m", with z and
m allowed to depend on the weeks with marks (a sequential rule). Only a rule that meets both
targets with room is worth building into JournalAnalysis/Suggestion.swift; then run
scripts/calibrate full to check everything else.
"""

import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibrate as C  # noqa: E402  (reads JOURNAL_BIN, CALIBRATE_MODE, CALIBRATE_SEED)


def history(args):
    kind, index = args
    entries, weeks, sign = C.weekly_person(kind, index)
    path = os.path.join(C.SCRATCH, "%s-%d.sqlite" % (kind, index))
    C.load(path, entries)
    looks = []
    for week in range(weeks):
        data = C.report(path, C.sunday(week))
        tracks = data["tracks"]
        looks.append(dict(
            track=data["suggestion"]["track"], lean=data["lean"],
            weeks=data["period"]["weeks_observed"],
            own=[(tracks[t]["own_observations"], tracks[t]["own_weeks_observed"])
                 for t in ("ic", "management")]))
    os.remove(path)
    return dict(kind=kind, sign=sign, looks=looks)


def decide(look, z, m):
    """The verdict of the rule (z, m) at one look; z None means no verdict that early."""
    if look["lean"] is None or any(n < 8 or w < 4 for n, w in look["own"]):
        return "unclear"
    value, low, high = look["lean"]["value"], look["lean"]["low"], look["lean"]["high"]
    if high - low <= 0 or z is None:
        return "unclear"
    if value - z * (value - low) / 1.645 > m:
        return "ic"
    if value + z * (high - value) / 1.645 < -m:
        return "management"
    return "other"


def score(histories, rule):
    balanced = [h for h in histories if h["kind"] == "balanced"]
    clear = [h for h in histories if h["kind"] == "clear"]
    ever = sum(any(decide(l, *rule(l["weeks"])) in ("ic", "management") for l in h["looks"])
               for h in balanced)
    right = sum(decide(h["looks"][11], *rule(h["looks"][11]["weeks"]))
                == ("ic" if h["sign"] > 0 else "management") for h in clear)
    return 100.0 * ever / len(balanced), 100.0 * right / len(clear)


def main():
    size = C.SIZES["balanced"]
    jobs = [("balanced", i) for i in range(size)] + [("clear", i) for i in range(size)]
    with multiprocessing.Pool(C.JOBS) as pool:
        histories = pool.map(history, jobs, chunksize=4)
    shipped = lambda weeks: (1.645, 0.1)  # noqa: E731
    agree = sum((l["track"] if l["track"] in ("ic", "management") else "-")
                == (lambda v: v if v in ("ic", "management") else "-")(decide(l, *shipped(l["weeks"])))
                for h in histories for l in h["looks"])
    print("shipped rule reproduces the binary in %d of %d looks"
          % (agree, sum(len(h["looks"]) for h in histories)))
    print()
    print("| rule | balanced ever decisive (<= 20%) | right at week 12 (>= 75%) |")
    print("| --- | ---: | ---: |")
    rules = [("shipped: 90% interval (z 1.645) beyond ±0.10", shipped)]
    for z, m in [(1.645, 0.08), (1.645, 0.06), (1.645, 0.05), (1.5, 0.1), (1.5, 0.08),
                 (1.28, 0.1)]:
        rules.append(("z %.3f, margin ±%.2f at every look" % (z, m),
                      lambda w, z=z, m=m: (z, m)))
    for cut in (6, 8):
        for early, name in [((None, None), "none"), ((1.645, 0.2), "z 1.645, ±0.20"),
                            ((2.0, 0.2), "z 2.0, ±0.20")]:
            for z, m in [(1.645, 0.08), (1.645, 0.06), (1.5, 0.1)]:
                rules.append((
                    "before week %d: %s; then z %.3f, ±%.2f" % (cut, name, z, m),
                    lambda w, cut=cut, early=early, z=z, m=m: early if w < cut else (z, m)))
            rules.append((
                "before week %d: %s; z 1.645 to week 9, then z 1.4, ±0.10" % (cut, name),
                lambda w, cut=cut, early=early: early if w < cut else (
                    (1.645, 0.1) if w < 10 else (1.4, 0.1))))
    for name, rule in rules:
        balanced, right = score(histories, rule)
        print("| %s | %.1f%% | %.1f%% |" % (name, balanced, right))


if __name__ == "__main__":
    C.run(main)
