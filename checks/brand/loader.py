"""Load ``brand/`` into one Brand. Any invalid file stops the run (EkipError, exit code 2)
with the file and line; a missing file falls back to its documented default."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from checks import i18n
from checks.boundary import REFUSED
from checks.brand import platforms as platform_table
from checks.brand import schemas, trust
from checks.brand.fastschema import PostValidator
from checks.brand.model import Brand
from checks.brand.validate import check, validator
from checks.errors import EkipError
from checks.i18n import N_, _
from checks.rules import FILE_KINDS, KINDS
from checks.rules.base import HEADER_PROPERTIES, Header, Rule
from checks.text.matcher import TermMatcher
from checks.yamlfile import Loaded, YamlError, load

DEFAULTS: dict[str, Any] = {
    "name": "",
    "timezone": "Europe/Istanbul",
    "default_lang": "tr",
    "packs": [],
}


def find_brand_dir(start: Path) -> Path | None:
    """The nearest ``brand/`` in ``start`` or above."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "brand"
        if candidate.is_dir():
            return candidate
    return None


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


MAX_BRAND_FILE_BYTES = 8 << 20  # 8 MiB: far beyond any brand file


# The repository root of the brand being loaded (``load_brand`` sets it): no brand file is read
# through a symlink that leads out of it, as no post is (checks/boundary.py).
_ROOTS: list[Path] = []
OUTSIDE = REFUSED  # the message a post reached so gets


def within_root(path: Path, root: Path | None = None) -> None:
    """EkipError naming ``path`` when a symlink on the way to it leads out of ``root`` (by
    default the root of the brand being loaded): a pull request could link ``brand/team.yml``
    to a secret of the CI machine, and parts of a brand file are quoted in error messages."""
    from checks.boundary import Boundary, Outside

    root = root if root is not None else (_ROOTS[-1] if _ROOTS else None)
    if root is None:
        return
    try:
        Boundary(root).check(str(path))
    except Outside:
        raise EkipError(_(OUTSIDE), _display(path)) from None


def read_brand_file(path: Path, root: Path | None = None) -> bytes | None:
    """A brand file's bytes, None when it does not exist; EkipError when a symlink leads out of
    the repository root (``within_root``), when it is not a regular file (a FIFO is never waited
    for), is larger than MAX_BRAND_FILE_BYTES or cannot be read."""
    from checks.post import NotAFile, TooLarge, read_file

    within_root(path, root)
    try:
        return read_file(str(path), limit=MAX_BRAND_FILE_BYTES)
    except FileNotFoundError:
        return None
    except NotAFile:
        raise EkipError(_("not a regular file (a folder, FIFO or device)"), _display(path)) from None
    except TooLarge as exc:
        raise EkipError(_("too large ({size:,} bytes; at most {limit:,})").format(
            size=exc.size, limit=MAX_BRAND_FILE_BYTES), _display(path)) from None
    except OSError as exc:
        raise EkipError(_("cannot read: {reason}").format(reason=exc.strerror or exc), _display(path)) from None


def read_yaml(path: Path, root: Path | None = None) -> Loaded | None:
    """The file's YAML, or None when the file does not exist (``root`` as in ``read_brand_file``)."""
    raw = read_brand_file(path, root)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EkipError(_("not UTF-8 (byte {offset})").format(offset=exc.start), _display(path)) from None
    try:
        loaded = load(text)
    except YamlError as exc:
        raise EkipError(_("invalid YAML: {problem}").format(problem=exc.message), _display(path),
                        exc.line + 1) from None
    if loaded.data is None:
        return Loaded({}, loaded.node)
    return loaded


def _load_file(path: Path, schema: dict[str, Any]) -> tuple[dict[str, Any], Loaded | None]:
    loaded = read_yaml(path)
    if loaded is None:
        return {}, None
    if not isinstance(loaded.data, dict):
        raise EkipError(_("must be a YAML mapping (key: value)"), _display(path), 1)
    if not trust.active():
        check(loaded.data, schema, loaded, _display(path))
    return loaded.data, loaded


_RULE_FILE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["rules"],
    "properties": {"rules": {"type": "array", "items": {"type": "object"}}},
}


def _kind_schema(module: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "kind", *module.REQUIRED],
        "properties": {**HEADER_PROPERTIES, **module.PROPERTIES},
    }
    if getattr(module, "ANY_OF", None):
        schema["anyOf"] = [{"required": r} for r in module.ANY_OF]
    return schema


def load_rule_file(path: Path, stem: str, text: str | None = None, pack: bool = False) -> list[Rule]:
    """Rules of one file; ``stem`` prefixes their ids. ``pack``: a built-in pack, whose messages are
    Ekip's own (English msgids in the catalogs, shown in the run's language)."""
    display = _display(path)
    if text is None:
        loaded = read_yaml(path)
        if loaded is None:
            raise EkipError(_("file not found"), display)
    else:
        loaded = load(text)
    if not isinstance(loaded.data, dict):
        raise EkipError(_("a rule file is a mapping with a 'rules' list"), display, 1)
    if not trust.active():
        check(loaded.data, _RULE_FILE_SCHEMA, loaded, display)
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, spec in enumerate(loaded.data["rules"]):
        line = loaded.position(["rules", i])[0] + 1
        kind = spec.get("kind")
        module = KINDS.get(kind) if isinstance(kind, str) else None
        if module is None:
            kline = loaded.position(["rules", i, "kind"])[0] + 1
            known = ", ".join(sorted(KINDS))
            raise EkipError(_("unknown rule kind {kind!r} (known kinds: {known})").format(kind=kind, known=known),
                            display, kline)
        if not trust.active():
            try:
                check(spec, _kind_schema(module), Loaded(spec, None), display)
            except EkipError as exc:
                raise EkipError(exc.message, display, line) from None
        rule_id = f"{stem}.{spec['id']}"
        if rule_id in seen:
            raise EkipError(_("duplicate rule id '{id}'").format(id=spec["id"]), display,
                            loaded.position(["rules", i, "id"])[0] + 1)
        seen.add(rule_id)
        header = Header(
            id=rule_id,
            kind=kind,
            level=spec.get("level", module.DEFAULT_LEVEL),
            message=spec.get("message", module.DEFAULT_MESSAGE),
            # a kind's default message and a built-in pack's messages are Ekip's text (English
            # msgids, shown in the run's language); the team's own messages stay as written
            translated="message" not in spec or pack,
            lang=frozenset(spec["lang"]) if "lang" in spec else None,
            platforms=frozenset(spec["platforms"]) if "platforms" in spec else None,
            examples={k: list(v) for k, v in spec.get("examples", {}).items()},
            origin=display,
            line=line,
        )
        try:
            rules.append(module.build(header, spec))
        except regex.error as exc:
            key = "regex" if "regex" in spec else "patterns"
            kline = loaded.position(["rules", i, key])[0] + 1
            raise EkipError(_("rule '{id}': regex does not compile: {error}").format(id=spec["id"], error=exc),
                            display, kline) from None
        except ValueError as exc:
            raise EkipError(f"rule '{spec['id']}': {exc}", display, line) from None
    return rules


# Package data sits beside the code (the package is installed unpacked; importlib.resources
# would cost more to import than the files cost to read).
_PACKAGE = Path(__file__).resolve().parent.parent


def pack_names() -> list[str]:
    return sorted(p.name[:-4] for p in (_PACKAGE / "packs").iterdir() if p.name.endswith(".yml"))


def load_pack(name: str) -> list[Rule]:
    resource = _PACKAGE / "packs" / f"{name}.yml"
    if not name or "/" in name or "\\" in name or not resource.is_file():
        raise EkipError(_("unknown pack '{name}' (built-in packs: {packs})").format(
            name=name, packs=", ".join(pack_names()) or _("none")))
    return load_rule_file(Path(f"<pack {name}>"), name, resource.read_text(encoding="utf-8"), pack=True)


def default_post_schema() -> dict[str, Any]:
    text = (_PACKAGE / "data" / "post.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_brand(brand_dir: Path | None, root: Path | None = None) -> Brand:
    if brand_dir is None:
        brand = Brand(root=(root or Path.cwd()).resolve(), dir=None)
        config: dict[str, Any] = dict(DEFAULTS)
        brand.platforms = dict(platform_table.BUILTIN)
        brand.post_schema = default_post_schema()
        _finish(brand, config, [])
        return brand
    # The brand folder itself may not be a symlink out of the folder that holds it.
    within_root(brand_dir, Path(os.path.abspath(brand_dir)).parent)
    brand_dir = brand_dir.resolve()
    if not brand_dir.is_dir():
        raise EkipError(_("brand folder not found: {path}").format(path=brand_dir))
    _ROOTS.append(brand_dir.parent)
    try:
        with trust.trusted(brand_dir):
            return _load_dir(brand_dir)
    finally:
        _ROOTS.pop()


def _load_dir(brand_dir: Path) -> Brand:
    brand = Brand(root=brand_dir.parent, dir=brand_dir)
    data, loaded = _load_file(brand_dir / "brand.yml", schemas.BRAND)
    config = {**DEFAULTS, **data}
    team, _team_loaded = _load_file(brand_dir / "team.yml", schemas.TEAM)
    brand.members = dict(team.get("members") or {})
    overrides, ploaded = _load_file(brand_dir / "platforms.yml", schemas.PLATFORMS)
    for _pid, fields_ in (overrides.get("platforms") or {}).items():
        if ploaded is not None and not trust.active():
            check(fields_, platform_table.SCHEMA, Loaded(fields_, None), _display(brand_dir / "platforms.yml"))
    brand.platforms = platform_table.merge(overrides.get("platforms") or {})
    sensitive, sloaded = _load_file(brand_dir / "sensitive.yml", schemas.SENSITIVE)
    brand.sensitive = list(sensitive.get("topics") or [])
    brand.sensitive_lines = [sloaded.position(["topics", i])[0] + 1 if sloaded else 0
                             for i in range(len(brand.sensitive))]
    _unique_ids(brand.sensitive, brand_dir / "sensitive.yml", N_("duplicate topic id '{id}'"), sloaded, "topics")
    _approvers_exist(brand, brand_dir / "sensitive.yml")
    brand.calendar, cloaded = _load_file(brand_dir / "calendar.yml", schemas.CALENDAR)
    _unique_ids(brand.calendar.get("quiet_periods") or [], brand_dir / "calendar.yml",
                N_("duplicate quiet period id '{id}'"), cloaded, "quiet_periods")
    brand.crisis, _crisis_loaded = _load_file(brand_dir / "crisis.yml", schemas.CRISIS)
    brand.post_schema = _load_post_schema(brand_dir / "post.schema.json")

    rules: dict[str, Rule] = {}
    for i, pack in enumerate(config.get("packs") or []):
        try:
            pack_rules = load_pack(pack)
        except EkipError as exc:  # an unknown pack: brand.yml and the line that names it
            if loaded is None or "packs" not in data:
                raise
            raise EkipError(exc.message, _display(brand_dir / "brand.yml"),
                            loaded.position(["packs", i])[0] + 1) from None
        for rule in pack_rules:
            rules[rule.id] = rule
    pack_ids = set(rules)
    rules_dir = brand_dir / "rules"
    within_root(rules_dir)  # not even the names of an outside folder's files
    files = sorted(rules_dir.glob("*.yml")) + sorted(rules_dir.glob("*.yaml")) if rules_dir.is_dir() else []
    for path in files:
        for rule in load_rule_file(path, path.stem):
            if rule.id in rules and rule.id not in pack_ids:
                raise EkipError(_("duplicate rule id '{id}'").format(id=rule.id), _display(path), rule.header.line)
            rules[rule.id] = rule  # a brand file overrides a pack's rule of the same id
    _finish(brand, config, list(rules.values()), loaded)
    return brand


def _unique_ids(items: list[dict[str, Any]], path: Path, message: str, loaded: Loaded | None, key: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item["id"] in seen:
            line = loaded.position([key, i, "id"])[0] + 1 if loaded is not None else None
            raise EkipError(_(message).format(id=item["id"]), _display(path), line)
        seen.add(item["id"])


def _approvers_exist(brand: Brand, path: Path) -> None:
    """A topic cleared by approval needs a member who may give it: with a team in team.yml and
    none of its members holding any of the topic's ``approvers`` roles, every post on the topic
    would stay an error forever. (Without members nothing about the team is checked.)"""
    if not brand.members:
        return
    held = {role for m in brand.members.values() if isinstance(m, dict) for role in m.get("roles") or []}
    for topic, line in zip(brand.sensitive, brand.sensitive_lines, strict=True):
        approvers = topic.get("approvers") or []
        if topic.get("action") == "approval" and not held.intersection(approvers):
            raise EkipError(_("topic '{id}': no member of team.yml has an approver role ({roles}), so no post on it "
                              "could ever be approved").format(id=topic.get("id"), roles=", ".join(approvers)),
                            _display(path), line or None)


def _load_post_schema(path: Path) -> dict[str, Any]:
    raw = read_brand_file(path)
    if raw is None:
        return default_post_schema()
    try:
        schema = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise EkipError(_("not UTF-8 (byte {offset})").format(offset=exc.start), _display(path)) from None
    except json.JSONDecodeError as exc:
        raise EkipError(_("invalid JSON: {problem}").format(problem=exc.msg), _display(path), exc.lineno) from None
    except RecursionError:
        raise EkipError(_("invalid JSON: nested too deep"), _display(path), 1) from None
    if not isinstance(schema, dict):
        # ``false`` is a valid JSON Schema (nothing passes), but not a useful post schema.
        raise EkipError(_("the post schema must be a JSON object (a schema that describes the front matter)"),
                        _display(path), 1)
    if trust.active():
        return schema
    try:
        validator(schema).check_schema(schema)
        check_references(schema)
    except EkipError as exc:
        raise EkipError(exc.message, _display(path), _json_line(raw, exc.message)) from None
    except Exception as exc:  # jsonschema.SchemaError, RecursionError
        raise EkipError(_("not a valid JSON Schema: {problem}").format(problem=getattr(exc, "message", exc)),
                        _display(path), 1) from None
    return schema


def check_references(schema: dict[str, Any]) -> None:
    """Raise EkipError for a ``$ref`` that does not resolve within the schema: jsonschema would
    only find out while validating a post (and fetch other URLs from the network)."""
    anchors: set[str] = set()
    refs: list[str] = []
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$anchor"), str):
                anchors.add(node["$anchor"])
            if isinstance(node.get("$ref"), str):
                refs.append(node["$ref"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    for ref in refs:
        if not ref.startswith("#"):
            raise EkipError(_("$ref '{ref}': only references within this file are supported").format(ref=ref))
        fragment = ref[1:]
        if fragment and not fragment.startswith("/"):
            if fragment not in anchors:
                raise EkipError(_("$ref '{ref}' does not resolve: no $anchor '{anchor}'").format(
                    ref=ref, anchor=fragment))
            continue
        target: Any = schema
        for part in fragment.split("/")[1:]:
            part = urllib.parse.unquote(part).replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict) and part in target:
                target = target[part]
            elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                target = target[int(part)]
            else:
                raise EkipError(_("$ref '{ref}' does not resolve (no '{part}')").format(ref=ref, part=part))


def _json_line(raw: bytes, message: str) -> int:
    """The line of the first ``$ref`` named in ``message``, else 1."""
    m = re.search(r"\$ref '([^']*)'", message)
    if m:
        at = raw.find(json.dumps(m.group(1)).encode())
        if at >= 0:
            return raw.count(b"\n", 0, at) + 1
    return 1


def _finish(brand: Brand, config: dict[str, Any], rules: list[Rule], loaded: Loaded | None = None) -> None:
    brand.config = config
    brand.name = config.get("name") or ""
    brand.default_lang = config.get("default_lang") or "tr"
    i18n.brand_default(config.get("default_lang"))
    brand.packs = list(config.get("packs") or [])
    try:
        brand.timezone = ZoneInfo(config.get("timezone") or "Europe/Istanbul")
    except (ZoneInfoNotFoundError, ValueError):
        line = loaded.position(["timezone"])[0] + 1 if loaded else None
        raise EkipError(_("unknown timezone {value!r} (use an IANA name such as Europe/Istanbul)").format(
            value=config.get("timezone")), "brand/brand.yml", line) from None
    brand.rules = rules + [r for kind in FILE_KINDS.values() for r in kind.rules(brand)]
    brand.post_validator = PostValidator(brand.post_schema)
    brand.matcher = TermMatcher([e for r in brand.rules for e in r.terms()])
