"""Validate YAML data against a JSON Schema and say where the first mistake is.

jsonschema is imported only when something is validated: a run whose brand files were
validated before (see ``checks.brand.trust``) and whose posts are all valid never loads it,
which keeps the pre-commit case fast.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from checks.errors import EkipError
from checks.i18n import N_, _
from checks.timeutil import is_date_time
from checks.yamlfile import Loaded

if TYPE_CHECKING:
    import jsonschema
    from jsonschema import Draft202012Validator, FormatChecker

# Format checkers of our own, used by jsonschema and by the fast path (checks.brand.fastschema).
OWN_FORMATS: dict[str, Any] = {"date-time": is_date_time}


@lru_cache(maxsize=1)
def formats() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker()
    for name, func in OWN_FORMATS.items():
        checker.checks(name)(func)
    return checker


SCHEMA_REGEX_TIMEOUT = 1.0  # seconds a ``pattern`` of a schema may take on one value


@lru_cache(maxsize=256)
def schema_regex(pattern: str) -> tuple[Any, bool]:
    """A schema's ``pattern`` compiled, and whether it needs the time limit. Without a group (so
    without a backreference either) a pattern cannot nest quantifiers, the source of exponential backtracking;
    such a pattern (all of the default schema's) runs on the standard ``re`` module, since the
    ``regex`` module's time limit makes each search about ten times slower (a fifth of a
    10,000-post run). Any other goes to ``regex`` with the limit."""
    if "(" not in pattern:
        try:
            return re.compile(pattern), False
        except re.error:
            pass
    import regex

    return regex.compile(pattern, regex.V0), True


SHORT_VALUE = 10_000  # characters: on a value this short a pattern without groups is quick


def pattern_search(pattern: str, value: str) -> bool:
    """Whether ``pattern`` (a schema's) matches somewhere in ``value``, within the time limit:
    ``(a|a)+$`` in post.schema.json would otherwise hold the run for ever. A limit that trips
    stops the run (exit 2) naming the pattern: the brand is at fault, not the post."""
    compiled, limited = schema_regex(pattern)
    if not limited and len(value) <= SHORT_VALUE:
        return compiled.search(value) is not None
    if not limited:
        import regex

        compiled = regex.compile(pattern, regex.V0)
    try:
        return compiled.search(value, timeout=SCHEMA_REGEX_TIMEOUT) is not None
    except TimeoutError:
        raise EkipError(_("the pattern {pattern} took more than {seconds} s on one value (catastrophic "
                          "backtracking); rewrite it").format(pattern=repr(pattern),
                                                              seconds=f"{SCHEMA_REGEX_TIMEOUT:g}"),
                        "brand/post.schema.json") from None


@lru_cache(maxsize=1)
def _validator_class() -> Any:
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Any:
        if validator.is_type(instance, "string") and not pattern_search(patrn, instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    return validators.extend(Draft202012Validator, {"pattern": pattern})


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    checker: Draft202012Validator = _validator_class()(schema, format_checker=formats())
    return checker


# Every validator kind a schema error can come from, with its message (English msgid; the
# translator keeps the same placeholders). ``{value}`` is the offending value as jsonschema shows
# it (``repr``, shortened), ``{n}``/``{limit}`` the schema's number, ``{allowed}`` its list.
_MESSAGES: dict[str, str] = {
    "required": N_("'{key}' is required"),
    "type": N_("{value} is not of type {type}"),
    "enum": N_("{value} is not one of: {allowed}"),
    "const": N_("{value} must be {expected}"),
    "pattern": N_("{value} does not match the pattern {pattern}"),
    "minLength": N_("{value} is too short (at least {limit} characters)"),
    "maxLength": N_("{value} is too long (at most {limit} characters)"),
    "format": N_("{value} is not a valid {format}"),
    "minimum": N_("{value} is less than the minimum of {limit}"),
    "maximum": N_("{value} is more than the maximum of {limit}"),
    "exclusiveMinimum": N_("{value} must be more than {limit}"),
    "exclusiveMaximum": N_("{value} must be less than {limit}"),
    "minItems": N_("{value} has too few items (at least {limit})"),
    "maxItems": N_("{value} has too many items (at most {limit})"),
    "uniqueItems": N_("{value} has repeated items"),
    "minProperties": N_("{value} has too few keys (at least {limit})"),
    "maxProperties": N_("{value} has too many keys (at most {limit})"),
    "additionalProperties": N_("unknown key '{key}' (known keys: {known})"),
    "propertyNames": N_("'{key}' is not a valid name here"),
}
_OTHER = N_("{value} is not valid here (schema keyword '{keyword}')")
_SHOWN = 120  # characters of a value a message shows at most


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def describe(error: jsonschema.ValidationError) -> str:
    """The message of a schema error in the run's language, by its validator kind (jsonschema's
    own messages are English only)."""
    kind, limit, instance = str(error.validator), error.validator_value, error.instance
    value = _shown(instance)
    if kind == "required" and isinstance(limit, list):
        missing = [k for k in limit if not isinstance(instance, dict) or k not in instance]
        return _(_MESSAGES["required"]).format(key=missing[0] if missing else ", ".join(map(str, limit)))
    if kind == "type":
        wanted = ", ".join(limit) if isinstance(limit, list) else str(limit)
        return _(_MESSAGES["type"]).format(value=value, type=wanted)
    if kind == "enum":
        allowed = ", ".join(_shown(v) for v in limit) if isinstance(limit, list) else _shown(limit)
        return _(_MESSAGES["enum"]).format(value=value, allowed=allowed)
    if kind == "const":
        return _(_MESSAGES["const"]).format(value=value, expected=_shown(limit))
    if kind == "pattern":
        return _(_MESSAGES["pattern"]).format(value=value, pattern=_shown(limit))
    if kind == "format":
        return _(_MESSAGES["format"]).format(value=value, format=limit)
    if kind == "propertyNames":
        return _(_MESSAGES["propertyNames"]).format(key=instance)
    if kind in _MESSAGES:
        return _(_MESSAGES[kind]).format(value=value, limit=limit)
    return _(_OTHER).format(value=value, keyword=kind)


def error_path(error: jsonschema.ValidationError) -> tuple[list[str | int], bool, str]:
    """Where an error is (a path in the data; True when it is a key) and its message in the run's
    language (``describe``)."""
    path = list(error.absolute_path)
    if (error.validator == "additionalProperties" and isinstance(error.instance, dict)
            and isinstance(error.schema, Mapping)):
        allowed = set(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        if extra:
            known = ", ".join(sorted(allowed)) or "-"
            return [*path, extra[0]], True, _(_MESSAGES["additionalProperties"]).format(key=extra[0], known=known)
    if error.validator == "required":
        return path, True, describe(error)
    if error.validator == "propertyNames" and isinstance(error.instance, str):
        return [*path, error.instance], True, describe(error)
    where = ".".join(str(p) for p in path)
    message = describe(error)
    return path, False, f"{where}: {message}" if where else message


def check(data: Any, schema: dict[str, Any], loaded: Loaded, file: str) -> None:
    """Raise EkipError (file and line) for the first mistake in ``data``."""
    from jsonschema.exceptions import best_match

    error = best_match(_cached_validator(id(schema), schema).iter_errors(data))
    if error is None:
        return
    path, key, message = error_path(error)
    line = loaded.position(path, key=key)[0]
    raise EkipError(message, file, line + 1)


_VALIDATORS: dict[int, tuple[dict[str, Any], Draft202012Validator]] = {}


def _cached_validator(key: int, schema: dict[str, Any]) -> Draft202012Validator:
    hit = _VALIDATORS.get(key)
    if hit is None or hit[0] is not schema:
        hit = _VALIDATORS[key] = (schema, validator(schema))
    return hit[1]
