#!/usr/bin/env python3
"""Front-matter validation: Ekip's compiled closures (checks/brand/fastschema.py) against
fastjsonschema, on the front matters of the benchmark corpus.

    python bench/schema_bench.py [--posts 10000]

Prints, for each: import and compile time (what the one-post pre-commit run pays at every
start) and the best of three passes over every post. Both must agree on which posts are valid.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402


def best_of(fn: Callable[[dict[str, Any]], bool], fms: list[dict[str, Any]]) -> tuple[float, int]:
    best, valid = 1e9, 0
    for _ in range(3):
        start = time.perf_counter()
        valid = sum(1 for fm in fms if fn(fm))
        best = min(best, time.perf_counter() - start)
    return best, valid


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=10_000)
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = generate(opts.posts, Path(tmp), 10)
        texts = [p.read_text(encoding="utf-8").split("---\n")[1] for p in sorted((out / "content").rglob("*.md"))]
        fms = [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts]
        for fm in fms:  # Ekip keeps dates as written (no timestamp conversion)
            fm["date"] = str(fm["date"]).replace(" ", "T")
        start = time.perf_counter()
        from checks.brand.loader import load_brand

        brand = load_brand(out / "brand")
        ours_setup = time.perf_counter() - start
    ours = brand.post_validator
    start = time.perf_counter()
    import fastjsonschema

    from checks.brand.validate import OWN_FORMATS

    compiled = fastjsonschema.compile(brand.post_schema, formats=dict(OWN_FORMATS))
    theirs_setup = time.perf_counter() - start

    def theirs(fm: dict[str, Any]) -> bool:
        try:
            compiled(fm)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    ours_s, ours_valid = best_of(ours.is_valid, fms)
    theirs_s, theirs_valid = best_of(theirs, fms)
    print(f"{opts.posts} front matters; valid: ours {ours_valid}, fastjsonschema {theirs_valid}")
    print(f"  checks.brand.fastschema: {ours_s * 1000:7.1f} ms  (brand load incl. schema: {ours_setup * 1000:.0f} ms)")
    print(f"  fastjsonschema:          {theirs_s * 1000:7.1f} ms  (import + compile: {theirs_setup * 1000:.0f} ms)")
    return 0 if ours_valid == theirs_valid else 1


if __name__ == "__main__":
    sys.exit(main())
