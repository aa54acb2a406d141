"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning accepts it.

Every rule gets a descriptor (short and full description, help); every result a location
(1-based lines and columns in Unicode code points) and a ``partialFingerprints`` entry that
stays the same when lines move, so alerts are not duplicated between runs.
"""

from __future__ import annotations

import hashlib
from typing import Any, TextIO

from checks import __version__
from checks.finding import Finding
from checks.i18n import _
from checks.registry import Help, help_for
from checks.report import write_json

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _fingerprint(f: Finding) -> str:
    key = f"{f.path}\0{f.rule}\0{f.match}\0{f.message}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def document(findings: list[Finding], files: int, rules: dict[str, Help] | None = None) -> dict[str, Any]:
    """``rules``: the registry's description and guide link per id (``registry.report_help``);
    every rule of the brand gets a descriptor, and every rule a finding names."""
    rules = rules or {}
    ids = sorted({f.rule for f in findings} | {rid for rid in rules if "*" not in rid})
    index = {rid: i for i, rid in enumerate(ids)}
    descriptors = []
    for rid in ids:
        found = help_for(rid, rules)
        text = found.description if found and found.description else rid
        descriptor: dict[str, Any] = {
            "id": rid,
            "name": rid,
            "shortDescription": {"text": text[:200]},
            "fullDescription": {"text": text[:1000]},
            "help": {"text": text[:1000]},
        }
        if found and found.uri:
            descriptor["helpUri"] = found.uri
        descriptors.append(descriptor)
    occurrences: dict[str, int] = {}
    results = []
    for f in findings:
        fp = _fingerprint(f)
        occurrences[fp] = occurrences.get(fp, 0) + 1
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.level],
            "message": {"text": f.message + (" " + _("Suggestion: {text}").format(text=f.suggestions[0])
                                             if f.suggestions else "")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path.replace("\\", "/"), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                        "snippet": {"text": f.match} if f.match else {"text": ""},
                    },
                }
            }],
            "partialFingerprints": {"ekipFindingHash/v1": f"{fp}:{occurrences[fp]}"},
        }
        if f.fix is not None:
            result["fixes"] = [{
                "description": {"text": f"'{f.match}' → '{f.fix.replacement}'"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": f.path.replace("\\", "/"), "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                        "deletedRegion": {"startLine": f.line, "startColumn": f.column,
                                          "endLine": f.end_line, "endColumn": f.end_column},
                        "insertedContent": {"text": f.fix.replacement},
                    }],
                }],
            }]
        results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "ekip",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(findings: list[Finding], files: int, stream: TextIO, *, rules: dict[str, Help] | None = None,
           **_: Any) -> None:
    write_json(stream, document(findings, files, rules))
