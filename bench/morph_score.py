"""Precision and recall of term matching on a labelled set of term/word pairs.

    python bench/morph_score.py [tests/data/morph-devset.tsv] [--by section] [--errors N]

Each line of the set (TSV with a header: term, word, label, ...) asks whether ``word`` is a form of
``term``; the matcher is asked the same (a Turkish post whose text is the word; a hit must cover
the whole word). Prints pairs, precision and recall (overall, and per value of the column given
with ``--by``), and with ``--errors N`` up to N false hits and N misses.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.text import turkish
from checks.text.matcher import TermEntry, TermMatcher

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "morph-devset.tsv"


def matches(matcher: TermMatcher, word: str) -> bool:
    return any(h.start == 0 and h.end == len(word) for h in matcher.find(word, turkish.fold_loose(word), "tr"))


Row = dict[str, str]


def score(rows: list[Row]) -> tuple[dict[str, tuple[int, int, int]], list[Row], list[Row]]:
    """Counts (true hits, false hits, misses) per term group, false hits and misses."""
    matchers: dict[str, TermMatcher] = {}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    false_hits, misses = [], []
    for row in rows:
        term = row["term"]
        matcher = matchers.get(term)
        if matcher is None:
            matcher = matchers[term] = TermMatcher([TermEntry(term, "rule")])
        got, want = matches(matcher, row["word"]), row["label"] == "1"
        c = counts[row.get("_group", "all")]
        if got and want:
            c[0] += 1
        elif got:
            c[1] += 1
            false_hits.append(row)
        elif want:
            c[2] += 1
            misses.append(row)
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}, false_hits, misses


def precision_recall(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--by", help="also score per value of this column (e.g. section)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N false hits and N misses")
    args = parser.parse_args()
    rows = read(args.path)
    groups = {"all": rows}
    if args.by:
        for row in rows:
            groups.setdefault(f"{args.by}={row[args.by]}", []).append(row)
    for name, group in groups.items():
        counts, false_hits, misses = score(group)
        tp, fp, fn = counts.get("all", (0, 0, 0))
        p, r = precision_recall(tp, fp, fn)
        print(f"{name}: {len(group)} pairs, precision {p:.3f}, recall {r:.3f} (true {tp}, false {fp}, missed {fn})")
        if name == "all" and args.errors:
            for label, errs in (("false hit", false_hits), ("missed", misses)):
                for row in errs[: args.errors]:
                    print(f"  {label}: {row['term']} / {row['word']}  ({row.get('gold', '')})")


if __name__ == "__main__":
    main()
