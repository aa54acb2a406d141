"""Turkish nominal morphotactics: is a word a form of a term?

A term matches a word when the word is the term (maybe with its stem changed: ``ağız`` →
``ağz``, ``hak`` → ``hakk``, ``kitap`` → ``kitab``) followed by a continuation that this module
accepts. The continuation is read by a small finite-state machine of suffix templates in their
order::

    stem → derivations* → plural → possessive → case → -ki → copula → person

Templates use archiphonemes: ``A`` = a/e and ``I`` = ı/i/u/ü (two- and four-way vowel harmony
with the last vowel before them), ``D`` = d/t and ``C`` = c/ç (t and ç after a voiceless
consonant), ``K`` = k/ğ (ğ before a vowel); ``Y``, ``N``, ``S`` are the buffer letters y, n, s,
written only after a vowel, ``J`` is a high vowel written only after a consonant
(``ev-im``, ``oda-m``) and ``Q`` an s that follows a consonant only (``çocuk-su``).

Policies (the spec is silent; docs/MATCHING.md has them with examples):

- Derivations that keep the meaning count as forms: ``-lI``, ``-lIK``, ``-sIz``, ``-CI``,
  ``-CIK``, ``-CA``, ``-DAş``, ``-sAl``, ``-CIl``, ``-CAğIz``, ``-(I)msI``, ``-zede``,
  ``-giller``, ``-sever``, ``-hane``, ``-lArcA`` (``deprem`` → ``depremzedeler``, ``göz`` →
  ``gözlük``, ``kan`` → ``kanlı``).
- Verbs made from a noun (``-lA``, ``-lAş``, ``-lAn``: ``temizle-``, ``güzelleş-``) are forms only
  for terms of ``VERB_MIN`` (5) letters or more: ``baş`` → ``başla-``, ``an`` → ``anla-``, ``ek``
  → ``ekle-`` change the meaning, ``temiz`` → ``temizledik`` does not.
- A term that is also a verb stem (``at``, ``yaz``, ``kır``, ``savaş``) is not read with a copula
  tense or person ending right after it: ``atmıştır``, ``yazdı``, ``savaştık`` are the verb (``-DIr``
  stays: ``aydır``, ``yıldır``; ``var`` is read as the noun: ``varmış``). A word the verb explains
  with fewer suffixes is the verb (``arama`` is ara-ma, not ara-m-a).
- Another word of the lexicon that explains the word with fewer suffixes wins: ``karınca`` is the
  ant, not ``kar-ın-ca``; ``kara`` is not ``kar-a``; ``altına`` is ``altın-a``; ``aklı`` is akıl's
  (ties go to a dropped or doubled stem). So does a shorter word the term begins with, at equal
  cost (``kanı`` → ``kan-ın``, ``veri`` → ``ver-ici``), and the pronouns ``bu``, ``şu``, ``o``
  (``on`` → ``onlar``). A lexicon word that is the term plus meaning-keeping derivations
  (``gözlük``, ``depremzede``) or a relational ``-î`` (``dinî``) stays a form.
- An unknown word (a brand name, ``feedback``) is read leniently: its first suffix may take either
  harmony and, after a final ``e`` or ``y``, either buffer (``online'da``, ``story'lerimiz``), but
  every later suffix must agree with the one before it (``feedbackleri`` yes, ``feedbacklerı``
  no). A proper noun of the lexicon harmonises with its pronunciation (``Twitter'ı``).
- An apostrophe may stand between the stem and the suffixes (written after proper nouns, often
  after brand names and loanwords); the term's end is then certain and no other word competes.
  An apostrophe later in the word (``adaları'nda``) is read past.
- Suffixes typed without Turkish letters (``parayi``, ``vardir``) are read as meant when the
  whole continuation is ASCII.

The parser is hand-written (not Zemberek's analyser, which takes 45 s to load): it only decides
whether a continuation is a chain, and is cached per term and continuation.
``tests/test_morph.py`` checks it against the gold analyses of a treebank
(``tests/data/morph-devset.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from checks.text import lexicon

VOWELS = frozenset("aeıioöuü")
BACK = frozenset("aıou")
VOICELESS = frozenset("fstkçşhp")
_HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}
_FRONT = {"a": "e", "ı": "i", "o": "ö", "u": "ü"}
_PLAIN = str.maketrans("âîû", "aiu")
_ASCII = {"ı": "i", "ü": "u", "ö": "o", "ç": "c", "ş": "s", "ğ": "g"}
APOSTROPHES = "'’"
VERB_MIN = 5

# --- the grammar -------------------------------------------------------------------------------
# state -> [(template, next state, kind)]; kind: "d" derivation, "v" verb-making derivation,
# "i" inflection, "c" copula/person (not right after a term that is also a verb stem).

_DER = [(t, "DER", "d") for t in ("lI", "lIK", "sIz", "CI", "CIK", "CA", "DAş", "sAl", "CIl", "CAğIz",
                                    "JmsI", "zede", "giller", "sever", "hane", "lArcA")]
_VERB = [("lA", "V", "v"), ("lAş", "V", "v"), ("lAn", "V", "v"), ("lIyor", "VZ", "v"), ("lAşIyor", "VZ", "v")]
_PL = [("lAr", "PL", "i")]
_POSS = [("Jm", "POSS", "i"), ("Jn", "POSS", "i"), ("SI", "POSS3", "i"), ("JmIz", "POSS", "i"), ("JnIz", "POSS", "i")]
_POSS_Y = [("yIm", "POSS", "i"), ("yIn", "POSS", "i"), ("yI", "POSS3", "i"), ("yImIz", "POSS", "i"),
           ("yInIz", "POSS", "i")]
_POSS_PL = [("Im", "POSS", "i"), ("In", "POSS", "i"), ("I", "POSS3", "i"), ("ImIz", "POSS", "i"), ("InIz", "POSS", "i")]
_CASE_COMMON = [("YI", "ACC", "i"), ("YA", "DAT", "i"), ("DA", "LOC", "i"), ("DAn", "ABL", "i"), ("YlA", "INS", "i")]
_CASE = [*_CASE_COMMON, ("NIn", "GEN", "i")]
_CASE_Y = [*_CASE_COMMON, ("yIn", "GEN", "i")]
_CASE_N = [("nI", "ACC", "i"), ("nA", "DAT", "i"), ("nDA", "LOC", "i"), ("nDAn", "ABL", "i"), ("nIn", "GEN", "i"),
           ("ylA", "INS", "i"), ("nCA", "END", "i"), ("DA", "LOC", "i"), ("DAn", "ABL", "i")]
_EQU = [("CA", "END", "i"), ("CAsInA", "END", "i")]
_KI = [("ki", "KI", "i"), ("kü", "KI", "i")]
_COP = [("YDI", "COPK", "c"), ("YsA", "COPK", "c"), ("YmIş", "COPZ", "c"), ("Yken", "END", "c")]
_PERS = [("YIm", "PERS", "c"), ("sIn", "PERS", "c"), ("YIz", "PERS", "c"), ("sInIz", "PERS", "c"),
         ("DIr", "DIR", "c")]
_PERS_K = [("m", "END", "i"), ("n", "END", "i"), ("k", "END", "i"), ("nIz", "END", "i"), ("lAr", "END", "i")]
_PERS_Z = [("YIm", "PERS", "i"), ("sIn", "PERS", "i"), ("YIz", "PERS", "i"), ("sInIz", "PERS", "i"),
           ("lAr", "PERS", "i"), ("DIr", "DIR", "i")]
_NOMINAL_TAIL = _COP + _PERS

# Verbs (only after -lA, -lAş, -lAn): voice, negation, tense or a nominalisation, then person.
_V_VOICE = [("n", "V", "v"), ("Il", "V", "v"), ("In", "V", "v"), ("t", "V", "v"), ("DIr", "V", "v"),
            ("Iş", "V", "v"), ("ş", "V", "v"), ("YAbil", "V", "v")]
_V_TENSE = [("Iyor", "VZ", "v"), ("Ar", "VZ", "v"), ("DI", "COPK", "v"), ("mIş", "COPZ", "v"), ("YAcAK", "VZ", "v"),
            ("r", "VZ", "v"), ("Ir", "VZ", "v"),
            ("mAlI", "VZ", "v"), ("sA", "COPK", "v"), ("YA", "OPT", "v"), ("mAz", "VZ", "v"), ("mIyor", "VZ", "v"),
            ("YIn", "END", "v"), ("YInIz", "END", "v"), ("sIn", "END", "v"), ("sInlAr", "END", "v"),
            ("mAktA", "VZ", "v")]
_V_NOUN = [("mA", "DER", "v"), ("mAK", "DER", "v"), ("YIş", "DER", "v"), ("DIK", "DER", "v"), ("YAn", "DER", "v"),
           ("YAcAK", "DER", "v"), ("Ip", "END", "v"), ("YIp", "END", "v"), ("YArAk", "END", "v"),
           ("mAdAn", "END", "v"), ("YIncA", "END", "v"), ("DIkçA", "END", "v"), ("mAksIzIn", "END", "v"),
           ("YIcI", "DER", "v"), ("mAyA", "END", "v")]

GRAMMAR: dict[str, list[tuple[str, str, str]]] = {
    "DER": _DER + _VERB + _PL + _POSS + _CASE + _NOMINAL_TAIL,
    "PL": _POSS_PL + _CASE + _EQU + _NOMINAL_TAIL + [("CA", "END", "i")],
    "POSS": [*_CASE, *_EQU, *_NOMINAL_TAIL, ("lAr", "PL", "i")],  # annemler: my mother and hers
    "POSS3": _CASE_N + _NOMINAL_TAIL,
    "ACC": [],
    "DAT": [],
    "LOC": _KI + _NOMINAL_TAIL,
    "GEN": _KI,
    "ABL": _NOMINAL_TAIL,
    "INS": _NOMINAL_TAIL,
    "KI": _PL + _CASE_N + _NOMINAL_TAIL,
    "COPK": _PERS_K,
    "COPZ": _PERS_Z,
    "PERS": [("DIr", "DIR", "i")],
    "DIR": [("lAr", "END", "i")],
    "END": [],
    "V": _V_VOICE + _V_TENSE + _V_NOUN + [("mA", "VNEG", "v")],
    "VNEG": _V_TENSE + _V_NOUN,
    "VZ": [*_PERS_Z, ("DI", "COPK", "v"), ("mIş", "COPZ", "v"), ("sA", "COPK", "v"), ("ken", "END", "v")],
    "OPT": [("yIm", "END", "v"), ("lIm", "END", "v")],
}
_FINAL = frozenset(GRAMMAR) - {"V", "VNEG"}  # a verb stem alone is an imperative: allowed below


@dataclass(frozen=True, slots=True)
class Stem:
    """How a stem behaves before suffixes: the harmony vowel (``""``: free, for unknown words),
    whether it ends in a vowel (``None``: either), its last sound, and its special buffers."""

    vowel: str
    vowel_final: bool | None
    last: str
    y_buffer: bool = False
    possessed: bool = False  # a compound ending in the 3rd person possessive: pronominal n
    verb_stem: bool = False
    verbs: bool = False  # -lA, -lAş allowed
    time: bool = False  # a noun of time: -ki right after it (anki, bugünkü)
    derive: bool = True  # takes derivations (a pronoun does not)


def _realise(template: str, text: str, pos: int, vowel: str, last: str) -> list[tuple[int, str, str]]:
    """Where ``template`` ends when read at ``pos`` after a stem whose harmony vowel is ``vowel``
    (``""``: either) and whose last letter is ``last``; with the new vowel and last letter."""
    states = [(pos, vowel, last)]
    loose = text.isascii()  # typed without Turkish letters: ı, ü, ö, ç, ş, ğ may be i, u, o, c, s, g
    for sym in template:
        nxt = []
        for p, v, prev in states:
            after_vowel = prev in VOWELS
            if sym == "Q":  # the s of -sI (çocuksu) follows a consonant only
                if not after_vowel and text.startswith("s", p):
                    nxt.append((p + 1, v, "s"))
                continue
            if sym in "YNS":
                if after_vowel:
                    c = sym.lower()
                    if text.startswith(c, p):
                        nxt.append((p + 1, v, c))
                else:
                    nxt.append((p, v, prev))
                continue
            if sym == "J":
                if after_vowel:
                    nxt.append((p, v, prev))
                    continue
                sym = "I"
            if p >= len(text):
                continue
            ch = text[p]
            if sym == "A":
                want = ("a" if v in BACK else "e") if v else (ch if ch in "ae" else "")
            elif sym == "I":
                want = _HIGH[v] if v else (ch if ch in "ıiuü" else "")
            elif sym == "D":
                want = "t" if prev in VOICELESS else "d"
            elif sym == "C":
                want = "ç" if prev in VOICELESS else "c"
            elif sym == "K":
                want = "ğ" if text[p + 1:p + 2] in VOWELS else "k"
            else:
                want = sym
            if ch == want or (loose and ch == _ASCII.get(want)):
                # the sound meant, not the letter typed, sets the harmony (parayi: paray-ı)
                nxt.append((p + 1, want if want in VOWELS else v, want))
        states = nxt
        if not states:
            break
    return states


@lru_cache(maxsize=65536)
def _cost(text: str, pos: int, state: str, vowel: str, last: str, verbs: bool) -> int | None:
    """Fewest suffixes that read ``text[pos:]`` from ``state``; None when it cannot be read."""
    if pos == len(text):
        return 0 if state in _FINAL or state == "V" else None
    best: int | None = None
    for template, nxt, kind in GRAMMAR[state]:
        if kind == "v" and not verbs:
            continue
        for end, v, prev in _realise(template, text, pos, vowel, last):
            if end == pos:
                continue
            rest = _cost(text, end, nxt, v, prev, verbs)
            if rest is not None and (best is None or rest + 1 < best):
                best = rest + 1
    return best


def _start(stem: Stem) -> list[tuple[str, str, str]]:
    """The transitions right after a stem."""
    out = list(_DER) if stem.derive else []
    if stem.verbs:
        out += _VERB
    out += _PL
    if stem.possessed:
        out += _CASE_N
    else:
        out += _POSS_Y if stem.y_buffer else _POSS
        out += _CASE_Y if stem.y_buffer else _CASE
    if not (stem.verb_stem and not stem.vowel_final):
        out += _NOMINAL_TAIL
    else:
        out.append(("DIr", "DIR", "c"))  # aydır, yıldır, azdır: not a tense of the verb
    if stem.time:
        out += _KI
    return out


def chain_cost(cont: str, stem: Stem) -> int | None:
    """Fewest suffixes that make ``cont`` (folded, no apostrophe) a continuation of ``stem``;
    0 for an empty one; None when it is none."""
    if not cont:
        return 0
    cont = cont.translate(_PLAIN)
    finals = [stem.vowel_final] if stem.vowel_final is not None else [True, False]
    best: int | None = None
    for vowel_final in finals:
        last = "a" if vowel_final and stem.last not in VOWELS else stem.last
        if not vowel_final and last in VOWELS:
            last = "r"  # a written vowel that is not pronounced (online): read as a voiced consonant
        for template, nxt, kind in _start(stem):
            if kind == "v" and not stem.verbs:
                continue
            for end, v, prev in _realise(template, cont, 0, stem.vowel, last):
                if end == 0:
                    continue
                rest = _cost(cont, end, nxt, v, prev, stem.verbs)
                if rest is not None and (best is None or rest + 1 < best):
                    best = rest + 1
    return best


# Derivations whose lexicon word still means the term (gözlük, depremzede, tuzsuz, kalemci); a
# lexicon word made with -CA, -CIK or -sI (kanca, karınca, balık) is a word of its own.
_KEEPING = [t for t in _DER if t[0] in ("lI", "lIK", "sIz", "CI", "DAş", "sAl", "CIl", "zede", "giller", "sever",
                                         "hane", "lArcA")]


def derivation_ends(cont: str, stem: Stem) -> set[int]:
    """Offsets in ``cont`` reached by meaning-keeping derivations alone (``lük`` of ``gözlük``)."""
    out: set[int] = set()
    frontier = [(0, stem.vowel, stem.last)]
    keeping = _KEEPING + _VERB[:3] if stem.verbs else _KEEPING  # temizle-, güzelleş- for long terms
    while frontier:
        pos, vowel, last = frontier.pop()
        for template, _nxt, _kind in keeping:
            for end, v, prev in _realise(template, cont, pos, vowel, last):
                if end > pos and end not in out:
                    out.add(end)
                    frontier.append((end, v, prev))
    return out


def _last_vowel(word: str) -> str:
    for ch in reversed(word):
        if ch in VOWELS:
            return ch
    return ""


def stems_of(word: str, multiword: bool = False) -> list[Stem]:
    """Every way ``word`` (the term's last word, folded) behaves before suffixes, from the lexicon;
    an unknown word gets the lenient reading."""
    word = word.translate(_PLAIN)
    known = [r for r in lexicon.readings(word) if not (r[:1] == "P" and "g" in r.partition("=")[0])]
    verb_stem = any(r[:1] == "V" for r in known) and word not in _NOUN_FIRST
    verbs = len(word) >= VERB_MIN
    out: list[Stem] = []
    for reading in known:
        flags, _, pron = reading.partition("=")
        if flags[:1] == "V":
            continue
        sound = pron or word
        vowel = _last_vowel(sound)
        if "h" in flags and vowel:
            vowel = _FRONT.get(vowel, vowel)
        out.append(Stem(vowel, sound[-1] in VOWELS, sound[-1], "y" in flags, "c" in flags, verb_stem, verbs,
                        "t" in flags))
    if out and word[-1] == "l" and sum(c in VOWELS for c in word) >= 2 and _last_vowel(word) in "aou":
        # a loanword's palatal l often takes front vowels even where the lexicon does not say so
        # (orjinal, a misspelling of orijinal: orjinalliği)
        out += [Stem(_FRONT[s.vowel], s.vowel_final, s.last, s.y_buffer, s.possessed, s.verb_stem, s.verbs, s.time)
                for s in out if s.vowel in _FRONT]
    if not out:
        if verb_stem:  # only a verb in the lexicon (kır- is also a noun there; ulaş is not)
            return []
        vowel_final: bool | None = word[-1] in VOWELS
        if word[-1] in "ey":
            vowel_final = None
        out.append(Stem("", vowel_final, word[-1], verbs=verbs))
    if multiword and word[-1] in "ıiuü":
        out += [Stem(s.vowel, s.vowel_final, s.last, s.y_buffer, True, False, s.verbs) for s in out]
    return list(dict.fromkeys(out))


# --- stem changes --------------------------------------------------------------------------------

_SOFTEN = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}


def variants(word: str) -> list[tuple[str, str]]:
    """Changed stems a term's last word (folded) may take before a vowel, by rule, as (stem, kind):
    ``soft`` (kitap → kitab, renk → reng), ``drop`` (ağız → ağz, kayıp → kayb), ``double``
    (hak → hakk). The lexicon decides, when a hit is verified, whether the word takes each."""
    out: list[tuple[str, str]] = []
    n = len(word)
    if n >= 2 and word[-1] in _SOFTEN and word[-2] not in " -":
        out.append((word[:-1] + ("g" if word.endswith("nk") else _SOFTEN[word[-1]]), "soft"))
    if n >= 4 and word[-1] not in VOWELS and word[-2] in "ıiuü" and word[-3] not in VOWELS and word[-4] in VOWELS:
        final = _SOFTEN.get(word[-1], word[-1])
        out.append((word[:-2] + word[-1], "drop"))
        if final != word[-1]:
            out.append((word[:-2] + final, "drop"))
    if n >= 2 and word[-1] not in VOWELS and sum(c in VOWELS for c in word) == 1 and word[-2] in VOWELS:
        out.append((word + word[-1], "double"))
        if word[-1] == "p":  # tıp → tıbbı
            out.append((word[:-1] + "bb", "double"))
    return out


def _takes(word: str, kind: str, changed: str) -> bool:
    """Whether the lexicon says ``word`` takes the stem change ``kind``; unknown words soften."""
    readings = [r.partition("=")[0] for r in lexicon.readings(word.translate(_PLAIN)) if r[:1] != "V"]
    known = [r for r in readings if not (r[:1] == "P" and "g" in r)]
    if kind == "soft":
        if not known:
            return len(word) >= 3 and sum(c in VOWELS for c in word) >= 2
        return any("v" in r for r in known)
    if kind == "drop":
        return any("d" in r for r in known)
    return any("2" in r for r in known)


# --- the question ----------------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def is_form(term: str, word: str, kind: str = "", multiword: bool = False) -> bool:
    """Whether ``word`` (folded, apostrophes kept) is a form of ``term`` (its last word, folded).
    ``kind`` names the stem change the word was found with ("" none, or a ``variants`` kind);
    ``word`` then begins with that changed stem."""
    term = term.translate(_PLAIN)
    word = word.translate(_PLAIN)
    if kind:
        stem = next((s for s, k in variants(term) if k == kind and word.startswith(s)), None)
        if stem is None or not _takes(term, kind, stem):
            return False
        cont = word[len(stem):]
        if cont[:1] not in VOWELS:
            return False
    else:
        stem = term
        cont = word[len(term):]
    marked = cont[:1] in APOSTROPHES  # the writer marked where the term ends
    if marked:
        cont = cont[1:]
        if not cont:
            return False
    # An apostrophe later in the word (adaları'nda, ailesi'nden) is a slip: read the letters.
    for a in APOSTROPHES:
        cont = cont.replace(a, "")
    stems = stems_of(term, multiword)
    if term in _PRONOUN_BASE and cont[:1] == "n":  # bu-n-u, o-n-lar, şu-n-dan
        stem, cont, stems = stem + "n", cont[1:], [Stem(_last_vowel(term), False, "n")]
        if not cont:
            return False
    if kind == "drop":
        # harmony still follows the dropped vowel: ağız → ağzı, azim → azmi, burun → burnu
        stems = [Stem(s.vowel, False, stem[-1], False, False, s.verb_stem, s.verbs) for s in stems]
    costs = [c for s in stems if (c := chain_cost(cont, s)) is not None]
    if not costs:
        return False
    cost = min(costs)
    if cost == 0 or marked:
        return True
    return _rival(term, stem, cont, cost, stems) is None


_CLASSES = "NJV"
_PRONOUN_N = ("bun", "şun", "on")
# Nouns that are also verb stems but whose copula forms are the common reading (varmış, vardı).
_NOUN_FIRST = frozenset({"var"})
# A shorter lemma the term begins with competes from this length (two-letter lemmas of the
# lexicon are mostly letter names and abbreviations).
SHORTER_MIN = 3
_PRONOUN_BASE = ("bu", "şu", "o")
_UNSOFTEN = {"b": "p", "c": "ç", "d": "t", "ğ": "k", "g": "k"}


def _verb_cost(cont: str, verb: str) -> int | None:
    """Fewest suffixes that make ``cont`` a form of the verb stem ``verb`` (atmış, büyüme, bitince)."""
    if not cont:
        return 0
    return _cost(cont, 0, "V", _last_vowel(verb), verb[-1], True)


def _lemmas_at(prefix: str, before_vowel: bool) -> list[tuple[str, str]]:
    """Lexicon lemmas ``prefix`` may be written for, with the stem change: itself, and before a
    vowel a softened (araç → arac), vowel-dropped (akıl → akl) or doubled (hak → hakk) stem."""
    out = [(prefix, "")]
    if before_vowel and len(prefix) >= 2:
        last = prefix[-1]
        if last in _UNSOFTEN:
            out.append((prefix[:-1] + _UNSOFTEN[last], "soft"))
        if last not in VOWELS and prefix[-2] not in VOWELS:
            for v in "ıiuü":
                out.append((prefix[:-1] + v + last, "drop"))
            if last in "bcdğ":
                for v in "ıiuü":
                    out.append((prefix[:-1] + v + _UNSOFTEN[last], "drop"))
            if prefix[-2] == last:
                out.append((prefix[:-1], "double"))
    return out


_FLAG_OF = {"soft": "v", "drop": "d", "double": "2"}


def _rival(term: str, stem: str, cont: str, cost: int, stems: list[Stem]) -> str | None:
    """What explains ``stem + cont`` better than the term, if anything: a longer lemma
    (``karınca`` against kar-ın-ca, ``altın`` + a against alt-ı-na), maybe with its own stem
    change (``akl-ı`` of akıl against ak-lı), or a verb (``büyü-me`` against büyü-m-e; ``at``
    itself in ``atın`` only when cheaper) — unless that word is the term plus meaning-keeping
    derivations (``gözlük``) or a relational ``-î`` (``dinî``)."""
    word = stem + cont
    if any(r[:1] == "V" for r in lexicon.readings(term)):
        c = _verb_cost(cont, term)
        if c is not None and c < cost:
            return "verb-term"
    if term not in ("bu", "şu", "o"):
        for pronoun in _PRONOUN_N:  # bu, şu, o: bunu, bunda, onlar, onun
            if word.startswith(pronoun) and len(word) > len(pronoun):
                c = chain_cost(word[len(pronoun):], Stem(_last_vowel(pronoun), False, "n", derive=False))
                if c is not None and c <= cost:
                    return "pronoun"
    if stem == term:
        # A shorter word the term begins with, when it explains the word as cheaply: kan-ın
        # (not kanı-n), gör-en (not göre-n), ver-ici (not veri-ci), kat-ı-na (not katı-n-a).
        for k in range(SHORTER_MIN, len(term)):
            prefix, rest = word[:k], word[k:]
            for reading in lexicon.readings(prefix):
                flags = reading.partition("=")[0]
                if flags[:1] == "V":
                    why = "shorter-verb"
                    c = _verb_cost(rest, prefix)
                elif flags[:1] in "NJR":
                    why = "shorter-" + flags[:1]
                    c = min((x for sh in stems_of(prefix) if (x := chain_cost(rest, sh)) is not None), default=None)
                else:
                    continue
                if c is not None and c <= cost:
                    return why
    if any(r[:1] == "P" and "g" not in r.partition("=")[0] for r in lexicon.readings(word)):
        return "prop"  # adana, emine, sinan: a proper noun of its own
    derived: set[int] | None = None
    for k in range(len(stem) + 1, len(word) + 1):
        prefix, rest = word[:k], word[k:]
        for lemma, change in _lemmas_at(prefix, rest[:1] in VOWELS):
            readings = [r.partition("=")[0] for r in lexicon.readings(lemma)]
            readings = [r for r in readings if r[:1] in _CLASSES and (not change or _FLAG_OF[change] in r)]
            if not readings:
                continue
            if not change and k - len(stem) == 1 and lemma[-1] == "i" and any("i" in r[1:] for r in readings):
                continue  # dinî, millî: the relational adjective of the term
            if derived is None:
                derived = set().union(*(derivation_ends(cont, s) for s in stems))
            if k - len(stem) in derived:
                continue
            classes = "".join(sorted({r[:1] for r in readings}))
            if not rest and not change:
                # a bare verb stem (an imperative: taşı, yolla) does not outweigh the term's form
                why = "whole-" + classes
                if classes != "V":
                    return why
                continue
            tag = ("changed-" if change else "longer-") + classes
            if any(r[:1] == "V" for r in readings):
                c = _verb_cost(rest, prefix)
                if c is not None and c < cost:
                    return tag + "-v"
            if all(r[:1] == "V" for r in readings):
                continue
            for s in stems_of(lemma):
                if change:
                    s = Stem(s.vowel, False, prefix[-1])
                c = chain_cost(rest, s)
                if c is not None and (c < cost or (c == cost and change in ("drop", "double"))):
                    return tag
    return None


@lru_cache(maxsize=16384)
def is_suffix_chain(cont: str) -> bool:
    """Whether ``cont`` (folded, maybe after an apostrophe) reads as suffixes after some unknown noun."""
    rest = cont[1:] if cont[:1] in APOSTROPHES else cont
    if not rest or any(a in rest for a in APOSTROPHES):
        return False
    return any(chain_cost(rest, Stem("", None, last)) is not None for last in "rt")
