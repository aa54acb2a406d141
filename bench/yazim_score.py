"""Precision and recall of the ``tr-yazim`` pack, and its false alarms on real web text.

    python bench/yazim_score.py                 # labelled set + committed web sample
    python bench/yazim_score.py --download      # web text fetched with pip (turkish-treebanks)
    python bench/yazim_score.py --conllu web.conllu --show

**Labelled set** (``tests/data/yazim-etiketli.tsv``): each sentence is checked as a Turkish post
with the pack enabled, exactly as ``ekip check`` would; a rule counts once per sentence. A rule
found on a sentence labelled with it is a true positive, found elsewhere a false positive, and
missed a false negative. Precision and recall are printed per rule and overall (micro average).

**Web text**: the sentences of the web section of the Turkish Web Treebank (Google Research,
Apache-2.0: forum posts, blogs, reviews as their authors wrote them; 2,541 sentences),
committed as ``tests/data/twt-web.tsv`` or read from the PyPI package ``turkish-treebanks``.
Real text has real errors: every finding on it was read by hand, and those that are real
errors are listed with a note in ``tests/data/twt-web-hatalar.tsv``. Any other finding is a
false alarm; the script prints false alarms per 1,000 sentences (target: at most 1) and the
findings it does not know (``--show`` prints every finding).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks import engine  # noqa: E402
from checks.brand.loader import load_brand  # noqa: E402
from checks.brand.model import Brand  # noqa: E402
from checks.context import Context  # noqa: E402
from checks.post import read_post  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "yazim-etiketli.tsv"
WEB = ROOT / "tests" / "data" / "twt-web.tsv"
WEB_ERRORS = ROOT / "tests" / "data" / "twt-web-hatalar.tsv"
PACK = "tr-yazim"
_FRONT = "---\ntitle: t\ndate: 2030-01-01T10:00:00+03:00\nplatforms: [facebook]\nstatus: draft\nlang: tr\n---\n\n"


def pack_brand() -> Brand:
    folder = Path(tempfile.mkdtemp(prefix="ekip-yazim-"))
    (folder / "brand").mkdir()
    (folder / "brand" / "brand.yml").write_text(
        f"name: Örnek Giyim\ntimezone: Europe/Istanbul\ndefault_lang: tr\npacks: [{PACK}]\n", encoding="utf-8")
    return load_brand(folder / "brand")


def findings(brand: Brand, text: str) -> list[tuple[str, str]]:
    """(short rule id, matched text) of every pack finding on ``text`` checked as a post."""
    post = read_post("<yazim>", data=(_FRONT + text + "\n").encode("utf-8"))
    ctx = Context(brand, datetime.now(brand.timezone))
    engine.prepare(post, ctx)
    out = []
    for f in engine.check_rules(post, ctx):
        if f.rule.startswith(PACK + "."):
            out.append((f.rule[len(PACK) + 1:], f.match))
    return out


def read_labelled(path: Path = LABELLED) -> list[tuple[frozenset[str], str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        labels, _, text = line.partition("\t")
        rows.append((frozenset() if labels == "-" else frozenset(labels.split(",")), text))
    return rows


def score_labelled(brand: Brand, rows: list[tuple[frozenset[str], str]]) -> dict[str, Counter[str]]:
    """Per rule: Counter with tp, fp, fn (sentence level)."""
    per: dict[str, Counter[str]] = {}
    for expected, text in rows:
        found = {rule for rule, _ in findings(brand, text)}
        for rule in expected | found:
            c = per.setdefault(rule, Counter())
            if rule in expected and rule in found:
                c["tp"] += 1
            elif rule in found:
                c["fp"] += 1
            else:
                c["fn"] += 1
    return per


def ratios(c: Counter[str]) -> tuple[float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def total(per: dict[str, Counter[str]]) -> Counter[str]:
    out: Counter[str] = Counter()
    for c in per.values():
        out.update(c)
    return out


def read_web(path: Path = WEB) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sid, _, text = line.partition("\t")
        rows.append((sid, text))
    return rows


def read_conllu(path: Path) -> list[tuple[str, str]]:
    rows, sid = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text"):
            rows.append((sid, line.split("=", 1)[1].strip()))
    return rows


def download_web() -> list[tuple[str, str]]:
    """The web section from the PyPI wheel ``turkish-treebanks`` 1.0.0 (fetched with pip)."""
    folder = Path(tempfile.mkdtemp(prefix="ekip-twt-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
                    "turkish-treebanks==1.0.0"], check=True)
    wheel = next(folder.glob("turkish_treebanks-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extract("data/web.conllu", folder)
    return read_conllu(folder / "data" / "web.conllu")


def read_known_errors(path: Path = WEB_ERRORS) -> set[tuple[str, str, str]]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sid, rule, match, *_ = line.split("\t")
        out.add((sid, rule, match))
    return out


def web_false_alarms(brand: Brand, rows: list[tuple[str, str]], known: set[tuple[str, str, str]]
                     ) -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, str, str]]]:
    """(real errors found, false alarms), each as (sentence id, rule, match, sentence)."""
    real: list[tuple[str, str, str, str]] = []
    false: list[tuple[str, str, str, str]] = []
    for sid, text in rows:
        for rule, match in findings(brand, text):
            (real if (sid, rule, match) in known else false).append((sid, rule, match, text))
    return real, false


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labelled", type=Path, default=LABELLED)
    ap.add_argument("--conllu", type=Path, help="web text from a CoNLL-U file instead of the committed sample")
    ap.add_argument("--download", action="store_true", help="web text from the turkish-treebanks wheel (pip)")
    ap.add_argument("--show", action="store_true", help="print every finding on the web text")
    args = ap.parse_args()
    brand = pack_brand()

    per = score_labelled(brand, read_labelled(args.labelled))
    print(f"{'rule':<26} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for rule in sorted(per):
        c = per[rule]
        p, r = ratios(c)
        print(f"{rule:<26} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {p:>10.3f} {r:>8.3f}")
    all_ = total(per)
    p, r = ratios(all_)
    print(f"{'overall':<26} {all_['tp']:>4} {all_['fp']:>4} {all_['fn']:>4} {p:>10.3f} {r:>8.3f}")

    rows = download_web() if args.download else read_conllu(args.conllu) if args.conllu else read_web()
    real, false = web_false_alarms(brand, rows, read_known_errors())
    rate = 1000 * len(false) / max(len(rows), 1)
    print(f"\nweb text: {len(rows)} sentences, {len(real) + len(false)} findings: {len(real)} real errors, "
          f"{len(false)} false alarms = {rate:.2f} per 1,000 sentences (target <= 1)")
    for sid, rule, match, text in (real + false if args.show else false):
        kind = "error" if (sid, rule, match, text) in real else "FALSE"
        print(f"  {kind:<5} {rule:<16} {match!r:<22} {sid}  {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
