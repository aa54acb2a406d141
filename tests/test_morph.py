"""Turkish morphotactics (checks/text/morph.py) through the one term matcher: the examples of
issue 10 and the scores on the labelled development set."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checks.text import morph, turkish
from checks.text.matcher import TermEntry, TermMatcher

DEVSET = Path(__file__).parent / "data" / "morph-devset.tsv"


def matches(term: str, word: str) -> bool:
    matcher = TermMatcher([TermEntry(term, "rule")])  # type: ignore[arg-type]
    return any(h.start == 0 and h.end == len(word) for h in matcher.find(word, turkish.fold_loose(word), "tr"))


# Short terms hit words that merely begin with them.
LOOK_ALIKES = [
    ("kar", "karar"), ("kar", "karınca"), ("Eti", "etiket"), ("Eti", "etik"), ("su", "susam"), ("su", "sunum"),
    ("el", "elektrik"), ("el", "eleman"), ("ay", "ayran"), ("ay", "aynalı"), ("Zara", "zarar"), ("Ege", "egemenlik"),
    ("sır", "sırt"), ("bal", "balık"), ("oda", "odak"), ("Telekom", "Telekomünikasyon"), ("kar", "kara"),
    ("kan", "kanca"), ("parti", "partisyon"), ("seçim", "seçkin"), ("ucuz", "buçucuz"),
]
# Verbs: a noun that is also a verb stem, and verbs made from short nouns.
VERBS = [("at", "atmıştır"), ("yaz", "yazdı"), ("kır", "kırmış"), ("savaş", "savaştık"), ("baş", "başladı"),
         ("an", "anladım"), ("ek", "ekledik"), ("din", "dinlemek")]
FORMS = [
    # vowel drop, doubling, y buffer, inverse harmony
    ("ağız", "ağzınıza"), ("burun", "burnunuz"), ("şehir", "şehrimizin"), ("kayıp", "kaybımızın"),
    ("sabır", "sabrınız"), ("isim", "isminizi"), ("fikir", "fikriniz"), ("sır", "sırrı"), ("hak", "hakkı"),
    ("su", "suyu"), ("su", "suyun"), ("saat", "saati"), ("kalp", "kalbimiz"), ("alkol", "alkolü"),
    # meaning-keeping derivations
    ("deprem", "depremzedeler"), ("göz", "gözlük"), ("kan", "kanlı"), ("ırk", "ırkçılık"), ("din", "dinî"),
    ("ucuz", "ucuzluk"), ("tuz", "tuzsuz"),
    # verbs from nouns of five letters or more
    ("temiz", "temizledik"), ("güzel", "güzelleşti"),
    # order, harmony, buffers, softening, apostrophes
    ("kitap", "kitabı"), ("rakip", "rakibimizden"), ("renk", "rengi"), ("Telekom", "Telekom'un"),
    ("Zara", "Zara'nın"), ("Eti", "Eti'den"), ("ev", "evlerimizdekiler"), ("oda", "odasında"),
    ("sel felaketi", "sel felaketinde"), ("at", "atlar"), ("ay", "ayda"), ("kar", "karda"), ("an", "anki"),
    ("bu", "bunu"), ("ses", "sesimizdir"),
    # unknown words: lenient first vowel, then harmony
    ("feedback", "feedbackleri"), ("online", "online'da"), ("story", "story'lerimiz"), ("mail", "mail'inizi"),
    ("Twitter", "Twitter'ı"),
]
NOT_FORMS = [("feedback", "feedbacklerı"), ("ev", "evlerım"), ("kitap", "kitapdan"), ("oda", "odaa"),
             ("su", "susu"), ("ev", "evki")]


@pytest.mark.parametrize(("term", "word"), LOOK_ALIKES + VERBS + NOT_FORMS)
def test_not_a_form(term: str, word: str) -> None:
    assert not matches(term, word)


@pytest.mark.parametrize(("term", "word"), FORMS)
def test_a_form(term: str, word: str) -> None:
    assert matches(term, word)


def test_verbs_from_nouns_need_five_letters() -> None:
    assert morph.VERB_MIN == 5
    assert matches("temiz", "temizleyin") and not matches("renk", "renklendi")


def test_suffix_chain_without_a_stem() -> None:
    """What the hashtag splitter asks: could this follow some noun?"""
    assert morph.is_suffix_chain("lerimizden") and morph.is_suffix_chain("'ta")
    assert not morph.is_suffix_chain("lerımız") and not morph.is_suffix_chain("xyz") and not morph.is_suffix_chain("")


def _rows() -> list[dict[str, str]]:
    with DEVSET.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_devset_precision_and_recall() -> None:
    """The development set (scripts/build_morph_devset.py: word types of a gold treebank against
    short terms) holds precision and recall of at least 0.90 each, on each of its two sections."""
    rows = _rows()
    assert len(rows) > 15000 and {len(r["term"]) for r in rows} >= {2, 3, 4}
    for section in ("web", "wiki"):
        tp = fp = fn = 0
        matchers: dict[str, TermMatcher] = {}
        for row in rows:
            if row["section"] != section:
                continue
            matcher = matchers.setdefault(row["term"], TermMatcher([TermEntry(row["term"], "rule")]))  # type: ignore[arg-type]
            word = row["word"]
            got = any(h.start == 0 and h.end == len(word) for h in matcher.find(word, turkish.fold_loose(word), "tr"))
            want = row["label"] == "1"
            tp += got and want
            fp += got and not want
            fn += want and not got
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        assert precision >= 0.90 and recall >= 0.90, (section, precision, recall)


@pytest.mark.parametrize(("term", "cont", "replacement", "expected", "certain"), [
    ("story", "'lerimiz", "hikâye", ["hikâyelerimiz"], True),
    ("mail", "'inizi", "e-posta", ["e-postanızı"], True),
    ("online", "'dan", "çevrim içi", ["çevrim içinden"], True),
    ("online", "a", "çevrim içi", ["çevrim içine"], True),
    ("feedback", "ler", "geri bildirim", ["geri bildirimler"], True),
    ("indirim", "imizi", "kampanya", ["kampanyamızı"], True),
    ("facebook", "'ta", "Instagram", ["Instagram'da"], True),  # apostrophe after a proper noun only
    ("ürün", "ü", "paket", ["paketi"], True),
    ("fiyat", "ı", "kitap", ["kitabı"], True),  # the replacement's own stem change
    ("mail", "i", "e-posta", ["e-postası", "e-postayı"], False),  # possessive or accusative
    ("ucuz", "luğu", "uygun fiyat", ["uygun fiyatlığı"], False),  # a derivation: the writer decides
])
def test_suffixes_spelled_again_for_the_replacement(term: str, cont: str, replacement: str, expected: list[str],
                                                    certain: bool) -> None:
    from checks.text import reinflect

    assert reinflect.suggestions(term, cont, replacement) == (expected, certain)
