"""The tr-yazim pack's scores hold: precision and recall on the labelled set
(tests/data/yazim-etiketli.tsv) and false alarms on real web text (tests/data/twt-web.tsv),
measured by bench/yazim_score.py exactly as it prints them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def score():
    spec = importlib.util.spec_from_file_location("yazim_score", ROOT / "bench" / "yazim_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["yazim_score"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def brand(score):
    return score.pack_brand()


def test_labelled_set_is_large_and_covers_every_rule(score):
    rows = score.read_labelled()
    assert len(rows) >= 300
    labels = [label for expected, _ in rows for label in expected]
    for rule in ("soru-eki-ayri", "ki-ayri", "de-da-ayri", "de-da-te-ta", "de-da-zamir", "kesme-eksik",
                 "kesme-fazla", "yazim-yanlislari", "ayri-bitisik"):
        assert labels.count(rule) >= 10, rule
    assert sum(1 for expected, _ in rows if not expected) >= 150  # correct sentences, near misses


def test_labelled_precision_and_recall_hold(score, brand):
    per = score.score_labelled(brand, score.read_labelled())
    precision, recall = score.ratios(score.total(per))
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)
    for rule, counts in per.items():
        p, r = score.ratios(counts)
        assert p >= 0.95 and r >= 0.85, (rule, p, r, counts)


def test_web_text_has_at_most_one_false_alarm_per_thousand_sentences(score, brand):
    rows = score.read_web()
    assert len(rows) == 2541
    real, false = score.web_false_alarms(brand, rows, score.read_known_errors())
    assert 1000 * len(false) / len(rows) <= 1.0, false
    assert len(real) >= 100  # the rules find the real errors of unedited text, not nothing


def test_a_finding_the_rules_lose_is_not_counted_as_found(score, brand):
    per = score.score_labelled(brand, [(frozenset({"soru-eki-ayri"}), "Bedeni var mı?"),
                                      (frozenset(), "Bedeni varmı?")])
    assert per["soru-eki-ayri"] == {"fn": 1, "fp": 1}
