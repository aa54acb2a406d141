#!/usr/bin/env python3
"""Make ``checks/starter/`` (what ``ekip init`` writes) from this repository's own sample.

    python scripts/sync_starter.py           # rewrite checks/starter/ from the sample
    python scripts/sync_starter.py --check   # exit 1 and list what differs (the test runs this)

The sample (``brand/``, ``playbooks/``, ``mkdocs.yml``, ``content/``) is what Ekip's own site and
tests run on; the starter is what a new team gets. They must not drift apart, so the starter is
made from the sample, and every way in which they differ is written down here, with its reason:

- ``{{ekip:...}}`` placeholders replace what is the sample brand's own: its name ("Örnek
  Giyim"), timezone, default language, packs and web domain; ``ekip init`` fills them in.
- ``brand/team.yml``: the sample's team of eleven people stays in the sample; a new team starts
  with the one person who runs ``ekip init``, holding every role the starter's approval policy
  and sensitive topics ask for (so that every approval can be given from day one).
- ``brand/brand.yml`` ``hashtags.campaigns``: the sample's campaigns are its own posts' campaigns;
  a new team has none yet.
- ``brand/crisis.yml``: crisis mode is off in the starter, whatever the sample's state.
- Post templates under ``playbooks/``: their ``author`` (and approvers) are the sample's people;
  in the starter, the member who runs ``ekip init``.
- ``content/``: the sample's posts stay in the sample; the starter has one example post, dated a
  week after ``ekip init`` runs.
- ``media/``: the sample posts' images stay in the sample.
- Files only the starter has: ``.pre-commit-config.yaml`` (Ekip's published hooks at a pinned
  version: this repository's own config runs them locally instead), ``.github/workflows/ekip.yml``
  (a content repository's workflow: Ekip is installed at a pinned version, not from source),
  ``.gitignore`` and ``README.md`` for the team.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "checks" / "starter"
SAMPLE_NAME = "Örnek Giyim"
COPIED = ("brand", "playbooks", "mkdocs.yml")
NOT_COPIED = {"brand/team.yml"}

TEAM = """\
# {{ekip:name}} social media team. Post `author:` and `approvals[].by` use these ids.
# Roles: manager, writer, analyst, designer, video, support, legal, crisis-lead.
# Add one entry per person; `ekip check` reports an author or approver who is not here.

members:
  {{ekip:member}}:
    name: {{ekip:member_name_yaml}}
    roles: [%s]
"""

EXAMPLE_POST = """\
---
title: İlk gönderimiz
date: {{ekip:example_date}}
platforms: [linkedin]
status: draft
author: {{ekip:member}}
lang: tr
---

<!-- Örnek gönderi: metni değiştirin ya da bu dosyayı silin. Yorumlar yayınlanmaz. -->

Merhaba! Sosyal medya hesaplarımızda yeni bir dönem başlıyor. Ürünlerimizi, ekibimizi ve
mağazalarımızdan haberleri buradan paylaşacağız.

Sorularınız için mesaj kutumuz her zaman açık.
"""

PRE_COMMIT = """\
# pre-commit: `pip install pre-commit && pre-commit install` once; then every commit runs Ekip
# on the posts it changes (with the whole repository's posts in view, as CI sees them).
# The version is pinned: raise `rev` when you update Ekip (and the workflow's EKIP_VERSION).
repos:
  - repo: {{ekip:hooks_repo}}
    rev: {{ekip:hooks_rev}}
    hooks:
      - id: ekip-check
      - id: ekip-rules-test
"""

WORKFLOW = """\
# Ekip for this content repository.
# Pull requests: `ekip check` on the changed posts, as annotations on the diff and as a SARIF
# report in code scanning. main (and hourly, so that embargoes end on time): build the site with
# `mkdocs build --strict` and publish it to GitHub Pages (Settings > Pages > Source: GitHub Actions).
name: ekip

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "17 * * * *"
  workflow_dispatch:

permissions:
  contents: read

env:
  PYTHON_VERSION: "3.11"
  EKIP: "ekip @ git+{{ekip:hooks_repo}}@{{ekip:hooks_rev}}"   # pinned; raise with .pre-commit-config.yaml

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      security-events: write
    env:
      BASE: ${{ github.event.pull_request.base.sha }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ env.PYTHON_VERSION }}
      - run: python -m pip install "$EKIP"
      - run: ekip rules test
      - run: ekip check --changed --base "$BASE" --format github
      - if: ${{ !cancelled() }}
        run: ekip check --changed --base "$BASE" --format sarif -o ekip.sarif || test -s ekip.sarif
      - if: ${{ !cancelled() && hashFiles('ekip.sarif') != '' }}
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: ekip.sarif
          category: ekip

  site:
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ env.PYTHON_VERSION }}
      - run: python -m pip install "$EKIP"
      - run: mkdocs build --strict
      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: site
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

GITIGNORE = """\
/site/
/.cache/
__pycache__/
.DS_Store
*.ekip-tmp
"""

README = """\
# {{ekip:name}} sosyal medya

Gönderilerimiz, marka kurallarımız ve el kitabımız bu depoda durur. Her gönderi
`content/posts/YYYY/MM/<ad>.md` altında, başında ön bilgisi (front matter) olan bir Markdown
dosyasıdır. [Ekip](https://github.com/ekip-tr/ekip) ({{ekip:version}}) her commit'te ve her PR'da
gönderileri `brand/` içindeki kurallarla denetler.

```sh
pip install "ekip @ git+{{ekip:hooks_repo}}@{{ekip:hooks_rev}}" pre-commit && pre-commit install
ekip new --title "Yeni sezon" --platforms instagram --author {{ekip:member}}   # yeni gönderi
ekip check                      # gönderileri denetle (--fix: kesin düzeltmeleri uygula)
ekip rules test                 # kuralların örneklerini sına
mkdocs serve                    # takvim, marka rehberi ve el kitabı: http://127.0.0.1:8000
```

- `brand/`: marka kuralları (ses, yasaklı ve tercih edilen sözcükler, hassas konular, takvim,
  kriz modu). Kurallar değişince `ekip rules test` örnekleri sınar.
- `playbooks/`: el kitabı (roller, iş akışı, metrikler, kriz el kitabı ve şablonlar).
- `.github/workflows/ekip.yml`: PR'larda denetim, `main`'de sitenin yayını.
"""


def _brand_yml(text: str) -> str:
    text = re.sub(r"^name: .*$", "name: {{ekip:name_yaml}}", text, flags=re.M)
    text = re.sub(r"^timezone: *\S+", "timezone: {{ekip:timezone}}", text, flags=re.M)
    text = re.sub(r"^default_lang: *\S+", "default_lang: {{ekip:lang}}", text, flags=re.M)
    text = re.sub(r"^packs: *\[[^\]]*\]", "packs: [{{ekip:packs}}]", text, flags=re.M)
    text = re.sub(r"^utm_domains: *\[[^\]]*\]", "utm_domains: {{ekip:utm_domains}}", text, flags=re.M)
    # A flow or block mapping of campaigns under hashtags: the sample's own campaigns.
    text = re.sub(r"^(\s+)campaigns:\s*\{[^}]*\}\s*$\n?", "", text, flags=re.M)
    text = re.sub(r"^(\s+)campaigns:\s*\n(?:\1\s+.*\n)*", "", text, flags=re.M)
    return text


def _name_in_yaml(text: str) -> str:
    text = re.sub(r"(names:\s*\[[^\]]*?)" + SAMPLE_NAME, r"\1{{ekip:name_yaml}}", text)
    return text.replace(SAMPLE_NAME, "{{ekip:name_dq}}")  # safe inside double quotes and in comments


def _crisis_off(text: str) -> str:
    for key in ("active", "since", "severity", "reason"):
        value = "false" if key == "active" else "null"
        text = re.sub(rf"^{key}:[^#\n]*?(\s*#|$)", rf"{key}: {value}\1", text, count=1, flags=re.M)
    return text


def _template_people(text: str) -> str:
    """A post template's author and approvers are the sample's people: the new team's member instead."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    front = re.sub(r"^(author|\s*-?\s*by):\s*\S+", r"\1: {{ekip:member}}", text[:end], flags=re.M)
    return front + text[end:]


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "brand/brand.yml": _brand_yml,
    "brand/crisis.yml": _crisis_off,
}


def _roles_needed(brand: Path) -> list[str]:
    """Every role the starter's approval policy and sensitive topics name, manager first."""
    roles = {"manager"}
    for name in ("brand.yml", "sensitive.yml"):
        path = brand / name
        if path.is_file():
            for block in re.findall(r"(?:roles|approvers):\s*\[([^\]]*)\]", path.read_text(encoding="utf-8")):
                roles.update(r.strip() for r in block.split(",") if r.strip())
    return sorted(roles, key=lambda r: (r != "manager", r))


def build(out: Path) -> None:
    """Write the starter into ``out`` (an empty folder)."""
    for top in COPIED:
        src = ROOT / top
        paths = [src] if src.is_file() else sorted(p for p in src.rglob("*") if p.is_file())
        for path in paths:
            rel = path.relative_to(ROOT).as_posix()
            if rel in NOT_COPIED or "__pycache__" in rel:
                continue
            dest = out / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix not in (".md", ".yml", ".yaml", ".json"):
                shutil.copy2(path, dest)
                continue
            text = path.read_text(encoding="utf-8")
            text = TRANSFORMS.get(rel, _template_people if rel.startswith("playbooks/") else lambda t: t)(text)
            text = _name_in_yaml(text) if path.suffix in (".yml", ".yaml") else text.replace(SAMPLE_NAME,
                                                                                             "{{ekip:name}}")
            dest.write_text(text, encoding="utf-8")
    own = {
        "brand/team.yml": TEAM % ", ".join(_roles_needed(ROOT / "brand")),
        "content/posts/{{ekip:example_year}}/{{ekip:example_month}}/ilk-gonderimiz.md": EXAMPLE_POST,
        "dot-pre-commit-config.yaml": PRE_COMMIT,
        "dot-github/workflows/ekip.yml": WORKFLOW,
        "dot-gitignore": GITIGNORE,
        "README.md": README,
    }
    for rel, text in own.items():
        dest = out / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    doc = '"""What `ekip init` writes: made from the sample by scripts/sync_starter.py."""\n'
    (out / "__init__.py").write_text(doc, encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "starter"
        build(fresh)
        want, have = tree(fresh), tree(STARTER) if STARTER.is_dir() else {}
        if "--check" in argv:
            diff = sorted({k for k in want.keys() | have.keys() if want.get(k) != have.get(k)})
            for rel in diff:
                state = "missing" if rel not in have else "not in the sample" if rel not in want else "differs"
                print(f"checks/starter/{rel}: {state}")
            if diff:
                print("run: python scripts/sync_starter.py", file=sys.stderr)
            return 1 if diff else 0
        if STARTER.exists():
            shutil.rmtree(STARTER)
        shutil.copytree(fresh, STARTER)
        print(f"checks/starter/: {len(want)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
