"""Regenerate ``tests/data/morph-devset.tsv``: term/word pairs labelled from a gold treebank.

Usage::

    pip install 'turkish-treebanks==1.0.0'    # development only
    python scripts/build_morph_devset.py

The words are the word types of the Turkish Web Treebank (Google Research, Apache License 2.0;
``data/web.conllu`` and ``data/wiki.conllu`` of the PyPI package ``turkish-treebanks``), whose
human annotators gave every word its root and its chain of derivations. A word is a *form of a
term* (label 1) when one of its occurrences has the term as its root, and every derivation after
the root keeps it a noun or adjective (``-lI``, ``-lIK``, ``-sIz``, ``-CI``, ``-ki``, ``-CA``, …):
a word whose chain passes through a verb (``-lA``, ``-lAş``) is not, for these short terms (the
matching policy allows those only for terms of five letters or more); nor is a word whose root is
a verb (``atmıştır`` for ``at``) or another word (``karar`` for ``kar``: the annotators gave it
its own root, as they did for lexicalised words such as ``gözlük``).

Terms: every noun, adjective or proper noun root of two to four letters that occurs at least
``MIN_COUNT`` times, plus the short terms of issue 10. Pairs: each term with every word type
that begins with it (Turkish folding, circumflexes ignored), and with every word type whose root
it is (``ağzı`` for ``ağız``). Columns: term, word, label, section (web or wiki), and the gold
analysis of the word's first occurrence with that root (or of its first occurrence) for review.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "morph-devset.tsv"
MIN_COUNT = 2
ISSUE_TERMS = ["kar", "eti", "su", "el", "ay", "zara", "ege", "sır", "bal", "oda", "din", "kan", "yas", "sel",
               "ırk", "at", "yaz", "kır", "an", "hak", "göz", "saat", "kalp", "ağız", "isim", "ad", "ses", "iş", "yol"]
PLAIN = str.maketrans("âîûÂÎÛ", "aiuAIU")
LETTERS = set("abcçdefgğhıijklmnoöprsştuüvyz")


def fold(text: str) -> str:
    return text.translate(PLAIN).replace("İ", "i").replace("I", "ı").lower()


def locate() -> Path:
    spec = importlib.util.find_spec("turkish_treebanks")
    if spec is None or spec.origin is None:
        sys.exit("turkish-treebanks is not installed: pip install 'turkish-treebanks==1.0.0'")
    return Path(spec.origin).parent.parent / "data"


def words(path: Path) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """(form, root, root's xpos, derivations as (derivation, upos/xpos)) for every word token."""
    out: list[tuple[str, str, str, list[tuple[str, str]]]] = []
    current: list[list[str]] = []

    def flush() -> None:
        if current:
            form = "".join(t[1] for t in current)
            derivs = []
            for t in current[1:]:
                feats = dict(f.split("=", 1) for f in t[5].split("|") if "=" in f)
                derivs.append((feats.get("Derivation", "?"), t[3] + "/" + t[4]))
            out.append((form, current[0][2], current[0][4], derivs))
            current.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            flush()
            continue
        if cols[2] == "_" and current:
            current.append(cols)
            continue
        flush()
        current.append(cols)
    flush()
    return out


def is_form(xpos: str, derivs: list[tuple[str, str]]) -> bool:
    if xpos == "VB":
        return False
    return all(pos not in ("VERB/VB", "VERB/VN") and not pos.endswith("/VJ") for _d, pos in derivs)


def main() -> None:
    data = locate()
    # word type -> section, per root: whether some occurrence is a form of it, and an analysis
    sections: dict[str, str] = {}
    roots: dict[str, dict[str, tuple[bool, str]]] = defaultdict(dict)
    first: dict[str, str] = {}
    counts: Counter[str] = Counter()
    nominal_roots: set[str] = set()
    for section in ("wiki", "web"):
        for form, root, xpos, derivs in words(data / f"{section}.conllu"):
            w, r = fold(form), fold(root)
            if not set(w) <= LETTERS | {"'"} or not w.strip("'"):
                continue
            sections.setdefault(w, section)
            analysis = "+".join([f"{r}/{xpos}"] + [d for d, _p in derivs])
            first.setdefault(w, analysis)
            ok = is_form(xpos, derivs)
            seen = roots[w].get(r)
            if seen is None or (ok and not seen[0]):
                roots[w][r] = (ok, analysis)
            counts[r] += 1
            if xpos in ("NN", "NNP", "JJ", "NOMP") and set(r) <= LETTERS:
                nominal_roots.add(r)
    terms = sorted({r for r in nominal_roots if 2 <= len(r) <= 4 and counts[r] >= MIN_COUNT} | set(ISSUE_TERMS))
    by_root: dict[str, set[str]] = defaultdict(set)
    for w, rs in roots.items():
        for r in rs:
            by_root[r].add(w)
    rows = []
    types = sorted(sections)
    for term in terms:
        cands = {w for w in types if w.replace("'", "").startswith(term)} | by_root.get(term, set())
        for w in sorted(cands):
            ok, analysis = roots[w].get(term, (False, first[w]))
            rows.append(f"{term}\t{w}\t{int(ok)}\t{sections[w]}\t{analysis}\n")
    OUT.write_text("term\tword\tlabel\tsection\tgold\n" + "".join(rows), encoding="utf-8")
    pos = sum(r.split("\t")[2] == "1" for r in rows)
    print(f"{OUT}: {len(terms)} terms, {len(rows)} pairs ({pos} forms), {len(types)} word types")


if __name__ == "__main__":
    main()
