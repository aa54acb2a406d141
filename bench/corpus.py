#!/usr/bin/env python3
"""A synthetic corpus of social-media posts for the benchmarks, with its brand and peers' configs.

    python bench/corpus.py N OUT [--terms K]

Writes, under OUT:

- ``content/posts/post-NNNNN.md``: N Turkish posts (front matter + two to four sentences of the
  kind a Turkish brand posts), a third of the sentences carrying an English word the brand swaps
  (``online``, ``feedback'a`` ...), one in ten a banned word; half the posts end with a tracked
  link; every post has two hashtags. Dates spread over 2027 so calendar checks have work.
- ``brand/``: ``brand.yml``, ``team.yml`` and ``rules/voice.yml`` with one ``prefer`` rule of K
  swaps (ten real ones, then generated ``eskiterimNNNN`` → ``yeniterimNNNN``) and one ``ban`` rule.
- For side-by-side runs against other linters on the same work: ``prh.yml`` and ``.textlintrc``
  (textlint with textlint-rule-prh) and ``.vale.ini`` with ``styles/Ekip/`` (Vale substitution and
  existence rules), holding the same swaps and banned terms.

Deterministic: the same N and K always give the same bytes (one seeded generator, used in a
fixed order), so figures from different days are for the same corpus.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SENTENCES = (
    "Sosyal medya kanalları bir işletmenin görünürlüğünü artırmanın harika bir yoludur",
    "Ekibimiz kampanyaları planlar, uygular ve yönetir",
    "Müşteri yorumlarına hızlı yanıt vermek sadakati artırır",
    "Yeni koleksiyonumuz bu hafta mağazalarda",
    "Etkileşim oranı, paylaşımlara yapılan yorumlar ve beğenilerin takipçi sayısına oranıdır",
    "İçerik takvimimizi her pazartesi güncelliyoruz",
    "Hedef kitlemizi tanımak doğru içerik üretmenin ilk adımıdır",
    "Kriz anında ekip aynı mesajı hızla iletmelidir",
    "İstanbul ve İzmir mağazalarımızda sizi bekliyoruz",
    "Geri bildirimleriniz bizim için çok değerli",
    "Bu hafta sonu canlı yayında sorularınızı yanıtlıyoruz",
    "Yarışmamıza katılmak için gönderiyi paylaşın",
    "Ürünlerimiz hakkında daha fazla bilgi için web sitemizi ziyaret edin",
    "Takipçilerimize özel indirim kodu hikâyelerde",
    "Marka değerlerimiz her paylaşımda kendini gösterir",
)
SWAPS = {
    "online": "çevrim içi", "feedback": "geri bildirim", "mail": "e-posta", "deadline": "son tarih",
    "content": "içerik", "story": "hikâye", "follower": "takipçi", "meeting": "toplantı",
    "brief": "özet", "trend": "eğilim",
}
BANNED = ("ucuz", "bedava", "kaçırmayın", "şok fiyat", "rakip")
PLATFORMS = ("x", "instagram", "linkedin", "facebook")
ENDINGS = ("", "", "", "lar", "ı", "a", "da", "ın", "ları", "dan")
HASHTAGS = ("Kampanya", "YeniSezon", "Ekip", "MarkaSesi", "İndirim")
SEED = 1234


def swaps(k: int) -> dict[str, str]:
    """The first K swaps: the real ones, then as many generated pairs as needed."""
    out = dict(SWAPS)
    n = 0
    while len(out) < k:
        out[f"eskiterim{n:04d}"] = f"yeniterim{n:04d}"
        n += 1
    return dict(list(out.items())[:k])


def post(rng: random.Random, i: int) -> str:
    english = list(SWAPS)
    sentences = []
    for sentence in rng.sample(SENTENCES, rng.randint(2, 4)):
        words = sentence.split()
        if rng.random() < 0.35:
            words.insert(rng.randrange(len(words) + 1), rng.choice(english) + rng.choice(ENDINGS))
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words) + 1), rng.choice(BANNED))
        sentences.append(" ".join(words) + rng.choice((".", ".", "!")))
    body = " ".join(sentences)
    if rng.random() < 0.5:
        body += f"\n\nhttps://ornek.com.tr/kampanya?utm_source=x&utm_medium=social&utm_campaign=k{i % 40}"
    body += "\n\n#" + " #".join(rng.sample(HASHTAGS, 2)) + "\n"
    month, day = 1 + (i // 28) % 12, 1 + i % 28
    front = "\n".join((
        "---",
        f'title: "Gönderi {i}"',
        f"date: 2027-{month:02d}-{day:02d}T{9 + i % 9:02d}:{(i * 7) % 60:02d}:00+03:00",
        f"platforms: [{rng.choice(PLATFORMS)}]",
        "status: draft",
        "author: ayse",
        "lang: tr",
        "---",
        "",
        "",
    ))
    return front + body


def dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def brand(out: Path, pairs: dict[str, str]) -> None:
    write(out / "brand" / "brand.yml", "name: Örnek Marka\ntimezone: Europe/Istanbul\ndefault_lang: tr\npacks: []\n")
    write(out / "brand" / "team.yml", "members:\n  ayse: {name: Ayşe Yılmaz, roles: [writer]}\n"
                                      "  mehmet: {name: Mehmet Kaya, roles: [manager]}\n")
    lines = ["rules:", "  - id: preferred-terms", "    kind: prefer", "    level: warning",
             "    message: \"'{match}' yerine '{suggestion}' yazın.\"", "    swap:"]
    lines += [f"      {dump(a)}: {dump(b)}" for a, b in pairs.items()]
    lines += ["  - id: banned-words", "    kind: ban", "    level: error",
              "    message: \"'{match}' marka dilimize uymuyor.\"", f"    terms: {dump(list(BANNED))}"]
    write(out / "brand" / "rules" / "voice.yml", "\n".join(lines) + "\n")


def peers(out: Path, pairs: dict[str, str]) -> None:
    """The same swaps and banned terms for textlint (prh) and Vale."""
    prh = ["version: 1", "rules:"]
    for a, b in pairs.items():
        prh += [f"  - expected: {dump(b)}", f"    pattern: {dump(a)}"]
    write(out / "prh.yml", "\n".join(prh) + "\n")
    write(out / ".textlintrc", json.dumps({"rules": {"prh": {"rulePaths": [str((out / "prh.yml").resolve())]}}}))
    write(out / ".vale.ini", "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Ekip\n")
    styles = out / "styles" / "Ekip"
    write(styles / "Swaps.yml", "extends: substitution\nmessage: \"'%s' yerine '%s' yazın.\"\nlevel: warning\n"
          "ignorecase: true\nswap:\n" + "".join(f"  {dump(a)}: {dump(b)}\n" for a, b in pairs.items()))
    write(styles / "Banned.yml", "extends: existence\nmessage: \"'%s' marka dilimize uymuyor.\"\nlevel: error\n"
          "ignorecase: true\ntokens:\n" + "".join(f"  - {dump(t)}\n" for t in BANNED))


def generate(n: int, out: Path, k: int = 200) -> Path:
    """Write the corpus of N posts and K swap terms under OUT; return OUT."""
    rng = random.Random(SEED)
    posts = out / "content" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (posts / f"post-{i:05d}.md").write_text(post(rng, i), encoding="utf-8")
    pairs = swaps(k)
    brand(out, pairs)
    peers(out, pairs)
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    k = int(argv[argv.index("--terms") + 1]) if "--terms" in argv else 200
    if "--terms" in argv:
        args.remove(str(k))
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    generate(int(args[0]), Path(args[1]), k)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
