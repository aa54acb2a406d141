"""A brand validated once is trusted until it changes; jsonschema stays unloaded then."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import Repo

PROBE = (
    "import sys; from checks.cli import main; code = main(sys.argv[1:]); "
    "print(code, 'jsonschema' in sys.modules)"
)


def run_probe(repo: Repo, *argv: str) -> tuple[int, bool]:
    env = {**os.environ, "EKIP_CACHE_DIR": str(repo.root / ".cache")}
    out = subprocess.run([sys.executable, "-c", PROBE, "check", "--grammar", "off", *argv], cwd=repo.root,
                         env=env, capture_output=True, text=True, check=True).stdout.split()
    return int(out[-2]), out[-1] == "True"


def test_second_run_skips_validation_and_jsonschema(repo: Repo) -> None:
    repo.rules("rules:\n  - {id: banned, kind: ban, terms: [ucuz]}\n")
    repo.post("a", "Merhaba")
    assert run_probe(repo) == (0, True)  # first run validates the brand
    assert run_probe(repo) == (0, False)  # same brand, valid post: jsonschema never imported


def test_a_changed_brand_is_validated_again(repo: Repo) -> None:
    repo.rules("rules:\n  - {id: banned, kind: ban, terms: [ucuz]}\n")
    repo.post("a", "Merhaba")
    run_probe(repo)
    repo.rules("rules:\n  - {id: banned, kind: ban, terms: [ucuz], colour: red}\n")
    env = {**os.environ, "EKIP_CACHE_DIR": str(repo.root / ".cache")}
    result = subprocess.run([sys.executable, "-m", "checks", "check"], cwd=repo.root, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 2 and "bilinmeyen anahtar 'colour'" in result.stderr


def test_an_invalid_post_still_gets_jsonschema_findings(repo: Repo) -> None:
    repo.post("a", "Merhaba")
    run_probe(repo)
    repo.post("a", "Merhaba", status="yayinda")
    assert run_probe(repo) == (1, True)
