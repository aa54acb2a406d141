#!/usr/bin/env python3
"""``ekip report`` over N published posts with S snapshots each (target: 10,000 posts with 30
snapshots each in at most 2 s wall, process start to exit).

    python bench/report_bench.py [N] [S] [--runs R] [--keep DIR]

Builds a repository in a temporary folder (or DIR): N posts spread over 2027 on five platforms
(one per post), each with ``posted:`` naming its row, ``metrics/<platform>/posts/<day>.csv``
with S snapshots per post over its first week (the first S−1 hours after publishing, then day
7), daily follower counts for each platform and a GA4 export per month. Then runs
``python -m checks report --format F`` for F = json, text, csv and md, R times each, with a
cache folder of its own (``EKIP_CACHE_DIR``, empty at first: the first json run reads every
file, the later ones find the snapshot and front matter caches), and prints the best and
median wall times, the median user CPU time (a figure the other work on a shared machine
disturbs less), the first, cold run, and a run after one snapshot file is written again (as an
import does). Deterministic: the same N and S give the same bytes.
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.metrics import store  # noqa: E402

TZ = ZoneInfo("Europe/Istanbul")
PLATFORMS = ("instagram", "facebook", "x", "linkedin", "tiktok")
AUTHORS = ("ayse", "can", "burak", "selin")
CAMPAIGNS = ("yeni-sezon", "kasim-indirimleri", "kis-indirimi", "")


def build(folder: Path, n: int, snapshots: int) -> None:
    rng = random.Random(14)
    (folder / "brand").mkdir(parents=True, exist_ok=True)
    (folder / "brand" / "brand.yml").write_text("name: Bench\ntimezone: Europe/Istanbul\ndefault_lang: tr\n",
                                                encoding="utf-8")
    hours = [*range(1, snapshots), 168]
    rows: dict[tuple[str, str], list[dict[str, object]]] = {}
    start = datetime(2027, 1, 1, 9, 0, tzinfo=TZ)
    for i in range(n):
        platform = PLATFORMS[i % len(PLATFORMS)]
        when = start + timedelta(minutes=rng.randrange(0, 365 * 24 * 60 // 15) * 15)
        post_id = f"{i + 1:012d}"
        campaign = CAMPAIGNS[i % len(CAMPAIGNS)]
        day = when.strftime("%Y/%m")
        path = folder / "content" / "posts" / day / f"post-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        front = [f"title: Gönderi {i}", f"date: {when.isoformat()}", f"platforms: [{platform}]", "status: published",
                 f"author: {AUTHORS[i % len(AUTHORS)]}", *( [f"campaign: {campaign}"] if campaign else []),
                 "posted:", f'  {platform}: "{post_id}"']
        path.write_text("---\n" + "\n".join(front) + "\n---\n\nYeni sezon ürünleri mağazalarda. #ÖrnekGiyim\n",
                        encoding="utf-8")
        reach = rng.randrange(2000, 40000)
        tau = rng.uniform(2, 30)
        for h in hours:
            share = 1 - 2.718281828 ** (-h / tau)
            at = when + timedelta(hours=h)
            rows.setdefault((platform, at.strftime("%Y-%m-%d")), []).append({
                "at": at.isoformat(timespec="minutes"), "post_id": post_id, "permalink": "",
                "published": when.isoformat(timespec="minutes"), "type": "image",
                "impressions": round(reach * 2.1 * share), "reach": round(reach * share),
                "likes": round(reach * 0.03 * share), "comments": round(reach * 0.004 * share),
                "shares": round(reach * 0.002 * share), "saves": round(reach * 0.005 * share),
                "clicks": round(reach * 0.006 * share), "text": "",
            })
    for (platform, day), these in rows.items():
        target = folder / "metrics" / platform / "posts" / f"{day}.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        these.sort(key=lambda r: (str(r["post_id"]), str(r["at"])))
        target.write_bytes(store.encode(store.POST_COLUMNS, these))
    for k, platform in enumerate(PLATFORMS):
        total = 20000 + 5000 * k
        series = []
        d = datetime(2026, 12, 31, tzinfo=TZ)
        while d.year < 2028:
            total += rng.randrange(-20, 80)
            series.append({"date": d.strftime("%Y-%m-%d"), "followers": total})
            d += timedelta(days=1)
        (folder / "metrics" / platform / "followers.csv").write_bytes(store.encode(store.FOLLOWER_COLUMNS, series))
    (folder / "metrics" / "ga4").mkdir(parents=True, exist_ok=True)
    for month in range(1, 13):
        first = datetime(2027, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        ga = [{"campaign": c, "date": "", "sessions": rng.randrange(1000, 9000), "conversions": rng.randrange(10, 200)}
              for c in CAMPAIGNS if c]
        (folder / "metrics" / "ga4" / f"{first:%Y-%m-%d}_{last:%Y-%m-%d}.csv").write_bytes(
            store.encode(store.CAMPAIGN_COLUMNS, ga))


def measure(folder: Path, fmt: str, runs: int, cache: Path) -> tuple[list[float], list[float]]:
    """Wall and user CPU seconds of ``runs`` runs."""
    times, cpu = [], []
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "EKIP_CACHE_DIR": str(cache)}
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "checks", "report", "--format", fmt], cwd=folder, env=env,
                              capture_output=True)
        times.append(time.perf_counter() - t0)
        cpu.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before)
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode())
    return times, cpu


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    n = int(args[0]) if args else 10_000
    snapshots = int(args[1]) if len(args) > 1 else 30
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        t0 = time.perf_counter()
        build(folder, n, snapshots)
        print(f"built {n} posts x {snapshots} snapshots in {time.perf_counter() - t0:.1f} s")
        cache = Path(tmp) / "cache"  # cold at first: the first run fills the caches the others use
        for fmt in ("json", "text", "csv", "md"):
            times, cpu = measure(folder, fmt, runs, cache)
            cold = f"; first run (cold caches) {times[0]:.2f} s" if fmt == "json" else ""
            print(f"ekip report --format {fmt}: best {min(times):.2f} s, median {statistics.median(times):.2f} s wall, "
                  f"median {statistics.median(cpu):.2f} s user CPU ({runs} runs; target 2 s{cold})")
        # as after an import: one snapshot file written again (the same bytes, a new mtime and ctime)
        touched = sorted((folder / "metrics" / "instagram" / "posts").glob("*.csv"))[-1]
        touched.write_bytes(touched.read_bytes())
        times, cpu = measure(folder, "json", 1, cache)
        print(f"ekip report --format json after one snapshot file changed: {times[0]:.2f} s wall, "
              f"{cpu[0]:.2f} s user CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
