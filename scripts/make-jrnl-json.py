#!/usr/bin/env python3
"""Writes a jrnl JSON export (`jrnl --format json`) of N generated entries, for scripts/bench.

Usage: make-jrnl-json.py N OUTPUT [SEED]
"""
import datetime
import json
import random
import sys

SENTENCES = [
    "Paired with Priya on the flaky cache invalidation and finally found the race.",
    "Two planning meetings and a long thread about the release train.",
    "Wrote the design doc for splitting the storage service into readers and writers.",
    "A 1:1 with Sam about the on-call rotation and his promotion case.",
    "Mediated the API ownership disagreement between payments and identity.",
    "Profiled the importer and cut the hot path by half with a streaming parser.",
    "Reviewed three pull requests and unblocked the migration of the billing tables.",
    "Walked the new hires through the deployment pipeline and the runbooks.",
]
TAGS = ["@deepwork", "@design", "@1on1", "@meetings", "@conflict", "@pairing"]


def main():
    count = int(sys.argv[1])
    output = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    end = datetime.date(2026, 11, 20)
    span = 100 * 365 if count > 10_000 else max(1, count * 365 // 780)
    entries = []
    counts = {}
    for index in range(count):
        day = end - datetime.timedelta(days=span - index * span // count)
        tags = rng.sample(TAGS, rng.randint(1, 3))
        for tag in tags:
            counts[tag] = counts.get(tag, 0) + 1
        entries.append({
            "title": rng.choice(SENTENCES),
            "body": " ".join(rng.choice(SENTENCES) for _ in range(2)) + " " + " ".join(tags),
            "date": day.isoformat(),
            "time": f"{9 + index % 9:02d}:{index % 60:02d}",
            "tags": tags,
            "starred": rng.random() < 0.05,
        })
    with open(output, "w", encoding="utf-8") as handle:
        json.dump({"tags": counts, "entries": entries}, handle, ensure_ascii=False, indent=4)


if __name__ == "__main__":
    main()
