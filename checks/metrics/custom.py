"""``brand/metrics.yml``: column maps for the exports of other tools (Sprout Social,
Hootsuite, Metricool, a spreadsheet of the team's own). Optional; invalid -> exit 2 with the
file and line, like every brand file.

.. code-block:: yaml

    presets:
      - id: sprout-posts
        kind: posts                  # posts | followers | audience | campaigns
        platform: instagram          # or platform_column: the column that names the network
        columns:                     # header as written -> Ekip's field (see presets.py)
          Post ID: post_id
          Link: permalink
          Date: published
          Impressions: impressions
          Reach: reach
          Reactions: likes
          Comments: comments
          Shares: shares
          Saves: saves
          Post Link Clicks: clicks
        day_first: false             # optional: 01/02/2026 is 1 February
"""

from __future__ import annotations

from typing import Any

from checks.brand.loader import read_yaml
from checks.brand.model import Brand
from checks.brand.validate import check
from checks.errors import EkipError
from checks.i18n import _
from checks.metrics.presets import FIELDS, KINDS, Preset, norm

FILE = "metrics.yml"
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "presets": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "kind", "columns"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                    "name": {"type": "string"},
                    "kind": {"enum": list(KINDS)},
                    "platform": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
                    "platform_column": {"type": "string", "minLength": 1},
                    "columns": {"type": "object", "minProperties": 1,
                                "additionalProperties": {"type": "string"}},
                    "day_first": {"type": "boolean"},
                },
            },
        },
    },
}


def load_custom(brand: Brand) -> list[Preset]:
    if brand.dir is None:
        return []
    path = brand.dir / FILE
    loaded = read_yaml(path, brand.root)
    if loaded is None:
        return []
    shown = str(path)
    check(loaded.data, SCHEMA, loaded, shown)
    out = []
    for i, spec in enumerate(loaded.data.get("presets", [])):
        kind = spec["kind"]
        for header, fld in spec["columns"].items():
            if fld and fld not in FIELDS[kind]:
                line = loaded.position(["presets", i, "columns", header], key=False)[0] + 1
                raise EkipError(_("unknown field '{field}' for kind {kind} (fields: {fields})").format(
                    field=fld, kind=kind, fields=", ".join(sorted(FIELDS[kind]))), shown, line)
        platform = spec.get("platform", "ga4" if kind == "campaigns" else "")
        column = norm(spec.get("platform_column", ""))
        if not platform and not column:
            line = loaded.position(["presets", i], key=False)[0] + 1
            raise EkipError(_("a preset needs 'platform' or 'platform_column'"), shown, line)
        if platform and platform != "ga4" and platform not in brand.platforms:
            line = loaded.position(["presets", i, "platform"], key=False)[0] + 1
            raise EkipError(_("unknown platform '{platform}'").format(platform=platform), shown, line)
        columns = {norm(h): f for h, f in spec["columns"].items()}
        marker = {h for h, f in columns.items() if f}
        required = {"posts": ("published",), "followers": ("date",), "audience": ("dimension",),
                    "campaigns": ("campaign",)}[kind]
        out.append(Preset(spec["id"], kind, platform, columns, frozenset(marker), required,
                          spec.get("name", spec["id"]), platform_column=column,
                          day_first=spec.get("day_first")))
    return out
