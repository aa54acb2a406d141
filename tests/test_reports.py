"""Output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import Repo

RULES = """
rules:
  - id: banned
    kind: ban
    level: error
    terms: [ucuz]
  - id: prefer
    kind: prefer
    swap: {online: çevrim içi}
  - id: hint
    kind: pattern
    level: info
    regex: 'gelin'
"""
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


@pytest.fixture
def sample(repo: Repo) -> Repo:
    repo.rules(RULES)
    repo.post("b", "Online gelin, ucuz: değil")
    repo.post("a", "Temiz bir metin")
    return repo


def test_json_shape(sample: Repo) -> None:
    code, doc = sample.check_json()
    assert code == 1
    assert set(doc) == {"version", "files", "findings", "summary"}
    assert doc["version"] == 1 and doc["files"] == 2
    assert doc["summary"] == {"error": 1, "warning": 1, "info": 1}
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "level", "message", "match", "suggestions"}
    for f in doc["findings"]:
        assert set(f) == keys
    first = doc["findings"][0]
    assert first["path"] == "content/posts/2027/03/b.md"
    assert (first["line"], first["column"], first["end_column"], first["match"]) == (9, 1, 7, "Online")
    assert [f["column"] for f in doc["findings"]] == sorted(f["column"] for f in doc["findings"])


def test_paths_stay_as_given(sample: Repo) -> None:
    _, doc = sample.check_json("content/posts/2027/03/b.md", "./content/posts/2027/03/a.md")
    assert {f["path"] for f in doc["findings"]} == {"content/posts/2027/03/b.md"}
    _, doc = sample.check_json(str(sample.root / "content"))
    assert all(f["path"].startswith(str(sample.root)) for f in doc["findings"])


def test_level_filter(sample: Repo) -> None:
    _, doc = sample.check_json("--level", "warning")
    assert {f["level"] for f in doc["findings"]} == {"error", "warning"}
    code, doc = sample.check_json("--level", "error")
    assert code == 1 and {f["level"] for f in doc["findings"]} == {"error"}


def test_sarif_is_valid(sample: Repo) -> None:
    code, out, _ = sample.run("check", "--format", "sarif", "--grammar", "off")
    assert code == 1
    doc = json.loads(out)
    jsonschema.validate(doc, SARIF_SCHEMA)
    run = doc["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"voice.banned", "voice.prefer", "voice.hint"} <= set(rule_ids)
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"voice.banned": "error", "voice.prefer": "warning", "voice.hint": "note"}
    for r in run["results"]:
        assert rule_ids[r["ruleIndex"]] == r["ruleId"]
        assert r["partialFingerprints"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == 9


def test_github_annotations(sample: Repo) -> None:
    code, out, _ = sample.run("check", "--format", "github", "--grammar", "off")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::warning file=content/posts/2027/03/b.md,line=9,col=1,endLine=9,endColumn=7,"
                               "title=voice.prefer::")
    assert any(line.startswith("::error ") and "title=voice.banned" in line for line in lines)
    assert any(line.startswith("::notice ") for line in lines)


def test_text_report(sample: Repo) -> None:
    code, out, _ = sample.run("check", "--grammar", "off", "--lang", "en")
    assert code == 1
    assert "content/posts/2027/03/b.md" in out
    assert "9:1" in out and "voice.prefer" in out and "→ Çevrim içi" in out
    assert "\033[" not in out  # no colour when not a terminal
    assert out.rstrip().splitlines()[-1].startswith("✖ 1 error, 1 warning, 1 info in 2 files")


def test_exit_0_without_errors(repo: Repo) -> None:
    repo.rules(RULES)
    repo.post("a", "Online gelin")
    code, doc = repo.check_json()
    assert code == 0 and doc["summary"]["error"] == 0


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"brand/rules/voice.yml": "rules:\n  - id: x\n    kind: pattern\n    regex: '(unclosed'\n"},
         "brand/rules/voice.yml:4: kural 'x': düzenli ifade derlenemiyor"),
        ({"brand/rules/voice.yml": "rules:\n  - id: x\n    kind: shout\n"},
         "brand/rules/voice.yml:3: bilinmeyen kural türü"),
        ({"brand/rules/voice.yml": "rules:\n  - id: x\n    kind: ban\n    terms: [a]\n    colour: red\n"},
         "brand/rules/voice.yml:2: bilinmeyen anahtar 'colour'"),
        ({"brand/rules/voice.yml": "rules:\n  - {id: x, kind: ban, terms: [a]}\n  - {id: x, kind: ban, terms: [b]}\n"},
         "brand/rules/voice.yml:3: yinelenen kural kimliği 'x'"),
        ({"brand/brand.yml": "name: [\n"}, "brand/brand.yml:2: geçersiz YAML"),
        ({"brand/brand.yml": "name: X\ntimezone: Mars/Olympus\n"}, "bilinmeyen saat dilimi"),
        ({"brand/brand.yml": "name: X\npacks:\n  - kvkk\n  - yok-boyle\n"},
         "brand/brand.yml:4: bilinmeyen paket 'yok-boyle'"),
        ({"brand/sensitive.yml": "topics:\n  - {id: a, terms: [x], action: warn}\n"
                                 "  - {id: a, terms: [y], action: warn}\n"},
         "brand/sensitive.yml:3: yinelenen konu kimliği 'a'"),
        ({"brand/calendar.yml": "quiet_periods:\n"
                                "  - {id: q, start: '2027-01-01T00:00:00', end: '2027-01-02T00:00:00'}\n"
                                "  - {id: q, start: '2027-02-01T00:00:00', end: '2027-02-02T00:00:00'}\n"},
         "brand/calendar.yml:3: yinelenen sessiz dönem kimliği 'q'"),
        ({"brand/team.yml": "members:\n  ayse: {name: A, roles: [writer], phone: 1}\n"},
         "brand/team.yml:2: bilinmeyen anahtar 'phone'"),
        ({"brand/post.schema.json": "{\"type\": 12}"}, "geçerli bir JSON Schema değil"),
    ],
)
def test_invalid_brand_exits_2(repo: Repo, files: dict[str, str], message: str) -> None:
    for rel, text in files.items():
        repo.write(rel, text)
    repo.post("a", "Merhaba")
    code, _out, err = repo.run("check")
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_usage_errors_exit_2(repo: Repo) -> None:
    assert repo.run("check", "nope/")[0] == 2
    assert repo.run("check", "--format", "xml")[0] == 2
    assert repo.run("check", "--now", "dün")[0] == 2
    assert repo.run("check", "--brand", "nowhere")[0] == 2


def test_a_time_out_of_range_is_said_as_such(repo: Repo) -> None:
    """A well-formed time in a year Ekip does not work with is not called malformed."""
    for flag, command in (("--now", ("check",)), ("--at", ("metrics", "import", "x.csv"))):
        code, _out, err = repo.run(*command, flag, "0001-01-01T00:00:00+00:00")
        assert code == 2 and f"{flag} '0001-01-01T00:00:00+00:00': Ekip 2 ile 9998 arasındaki yıllarla" in err
        code, _out, err = repo.run(*command, flag, "dün")
        assert code == 2 and f"{flag} 'dün' bir ISO 8601 zamanı değil" in err


def test_approval_topic_needs_approvers(repo: Repo) -> None:
    repo.write("brand/sensitive.yml", "topics:\n  - {id: deprem, terms: [deprem], action: approval}\n")
    code, _, err = repo.run("check")
    assert code == 2 and "brand/sensitive.yml:2" in err and "approvers" in err


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_reports_to_a_file_keep_turkish_letters(sample: Repo, fmt: str) -> None:
    """--output writes the JSON report (UTF-8, letters not escaped) to the file, nothing to stdout."""
    code, out, _ = sample.run("check", "--grammar", "off", "--format", fmt, "--output", "report.json")
    assert code == 1 and out == ""
    raw = (sample.root / "report.json").read_bytes()
    assert "Çevrim içi".encode() in raw and raw.endswith(b"\n")
    doc = json.loads(raw)
    assert (doc["files"] if fmt == "json" else len(doc["runs"][0]["results"])) >= 2
