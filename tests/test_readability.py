"""The ``readability`` rule kind: Ateşman for Turkish, Flesch reading ease for English."""

from __future__ import annotations

import json

import pytest

from checks.rules.readability import english_syllables, score, split_sentences, turkish_syllables

# The rule recommended for brand/rules/ (30 words or more, Ateşman below 50 is flagged).
BAD_TR = ("Sürdürülebilirlik politikalarımız doğrultusunda gerçekleştirdiğimiz kapsamlı değerlendirmeler "
          "neticesinde, tedarik zincirimizdeki üreticilerimizin çevresel performanslarını iyileştirmeye yönelik "
          "uzun vadeli çalışmalarımızı kurumsallaştırmayı hedeflediğimizi, değerli paydaşlarımızın ve "
          "müşterilerimizin bilgisine sunmaktan büyük memnuniyet duymaktayız ve bu doğrultudaki gelişmeleri "
          "düzenli olarak paylaşacağız.")
GOOD_TR = ("Yeni sezon geldi. Kabanlar sıcak, renkler canlı. Hafta sonu mağazaya gelin, size uygun bir kaban "
           "bulalım. Beden ve renk için bize yazın. Kargo ücretsiz, iade kolay. Sizi mağazamızda bekliyoruz, "
           "hemen gelin.")
RULE = """\
rules:
  - id: okunabilirlik
    kind: readability
    level: warning
    min_score: {min_score}
    min_words: {min_words}
    examples:
      bad: [{bad}]
      good: [{good}]
"""

# Ateşman (1997) for Turkish
SIMPLE_TR = "Ali topu at. Ayşe ipi tut."  # 6 words, 2 sentences, 10 vowels
HARD_TR = ("Sürdürülebilirlik politikalarımız doğrultusunda gerçekleştirdiğimiz kapsamlı değerlendirmeler "
           "neticesinde tedarik zincirimizdeki üreticilerimizin çevresel performanslarını iyileştirmeyi "
           "hedeflemekteyiz.")


def test_turkish_syllables_are_vowels():
    assert turkish_syllables("kitap") == 2
    assert turkish_syllables("İSTANBUL") == 3
    assert turkish_syllables("sürdürülebilirlik") == 7
    assert turkish_syllables("KDV") == 0


def test_atesman_on_known_sentences():
    s = score(SIMPLE_TR, "tr")
    assert s is not None
    assert (s.words, s.sentences, s.syllables, s.formula) == (6, 2, 10, "Ateşman")
    assert s.score == pytest.approx(round(198.825 - 40.175 * 10 / 6 - 2.610 * 6 / 2, 1))
    hard = score(HARD_TR, "tr")
    assert hard is not None and hard.sentences == 1 and hard.words == 14
    assert hard.score == pytest.approx(round(198.825 - 40.175 * hard.syllables / 14 - 2.610 * 14, 1))
    assert hard.score < 0 < 90 < s.score


@pytest.mark.parametrize(
    ("word", "n"),
    [("the", 1), ("cat", 1), ("store", 1), ("table", 2), ("makes", 1), ("boxes", 2), ("jumped", 1),
     ("wanted", 2), ("collection", 3), ("recycled", 3), ("water", 2), ("every", 3), ("year", 1),
     ("sustainability", 6), ("beautiful", 3), ("they", 1), ("I", 1)],
)
def test_english_syllables(word, n):
    assert english_syllables(word) == n


def test_flesch_on_known_sentences():
    s = score("The cat sat on the mat.", "en")
    assert s is not None and (s.words, s.sentences, s.syllables, s.formula) == (6, 1, 6, "Flesch")
    assert s.score == pytest.approx(round(206.835 - 1.015 * 6 - 84.6 * 1, 1))  # 116.1
    text = "Linen shirts are back in our stores. They get softer with every wash."
    s = score(text, "en")
    assert s is not None and s.words == 13 and s.sentences == 2
    assert s.score == pytest.approx(round(206.835 - 1.015 * 13 / 2 - 84.6 * s.syllables / 13, 1))


def test_other_languages_not_scored():
    assert score("Das ist ein Haus.", "de") is None
    assert score("", "tr") is None


def test_sentences_ordinals_and_line_breaks():
    assert len(split_sentences("Cumhuriyetimizin 103. yılını kutluyoruz. Nice yıllara!")) == 2
    assert len(split_sentences("Neler yapacaksınız?\n• Takvim hazırlamak\n• İçerik üretmek")) == 3
    assert len(split_sentences("Fiyat 12.50 TL. Kargo ücretsiz")) == 2


def rule_yaml(min_score: float, min_words: int) -> str:
    return RULE.format(min_score=min_score, min_words=min_words, bad=json.dumps(BAD_TR, ensure_ascii=False),
                       good=json.dumps(GOOD_TR, ensure_ascii=False))


def findings(repo, body: str, min_score: float = 50, min_words: int = 10, **front):
    repo.rules(rule_yaml(min_score, min_words), stem="okuma")
    repo.post("p", body, **front)
    return repo.findings(rule="okuma.okunabilirlik")


def test_hard_turkish_post_is_flagged(repo):
    found = findings(repo, HARD_TR)
    assert len(found) == 1
    f = found[0]
    assert f["level"] == "warning" and "Ateşman" in f["message"] and "50" in f["message"]


def test_easy_turkish_post_passes(repo):
    body = "Yeni sezon geldi. Kabanlar çok sıcak. Renkler çok güzel. Hemen gelin, bakın. Mağazada sizi bekliyoruz."
    assert findings(repo, body) == []


def test_short_posts_are_not_scored(repo):
    assert findings(repo, HARD_TR, min_words=30) == []


def test_urls_hashtags_and_mentions_are_not_words(repo):
    url = "https://ornek.com.tr/sürdürülebilirlik-politikalarımız "
    body = "Yeni sezon geldi. " + url * 5 + "#Sürdürülebilirlik " * 5
    assert findings(repo, body, min_words=3) == []


def test_english_post_uses_flesch(repo):
    hard = ("Notwithstanding considerable organisational complexities, our sustainability commitments "
            "necessitate comprehensive documentation of environmental performance indicators throughout "
            "international manufacturing operations.")
    found = findings(repo, hard, lang="en")
    assert len(found) == 1 and "Flesch" in found[0]["message"]
    easy = "Our new shirts are here. They are soft and light. Come and see them in our shops this week."
    assert findings(repo, easy, lang="en") == []


def test_rules_test_proves_the_examples(repo):
    assert score(BAD_TR, "tr").words >= 30 and score(GOOD_TR, "tr").words >= 30  # type: ignore[union-attr]
    repo.rules(rule_yaml(50, 30), stem="okuma")
    code, out, _ = repo.run("rules", "test", "--lang", "en")
    assert code == 0, out
    assert "✔ okuma.okunabilirlik: 1 bad, 1 good" in out


def test_rules_test_fails_when_the_bad_example_reads_easily(repo):
    repo.rules(rule_yaml(50, 30).replace(json.dumps(BAD_TR, ensure_ascii=False),
                                         json.dumps(GOOD_TR, ensure_ascii=False), 1), stem="okuma")
    code, out, _ = repo.run("rules", "test")
    assert code == 1 and "✖ okuma.okunabilirlik" in out


def test_invalid_rule_stops_the_run(repo):
    repo.rules("rules:\n  - id: r\n    kind: readability\n    min_words: 3\n", stem="okuma")
    repo.post("p", "Merhaba.")
    code, _, err = repo.run("check", "--grammar", "off")
    assert code == 2 and "okuma.yml" in err
