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
        raise EkipError(f"the pattern {pattern!r} took more than {SCHEMA_REGEX_TIMEOUT:g} s on one value "
                        "(catastrophic backtracking); rewrite it", "brand/post.schema.json") from None


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


def error_path(error: jsonschema.ValidationError) -> tuple[list[str | int], bool, str]:
    """Where an error is (a path in the data; True when it is a key) and a message in English."""
    path = list(error.absolute_path)
    if (error.validator == "additionalProperties" and isinstance(error.instance, dict)
            and isinstance(error.schema, Mapping)):
        allowed = set(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        if extra:
            known = ", ".join(sorted(allowed)) or "none"
            return [*path, extra[0]], True, f"unknown key '{extra[0]}' (known keys: {known})"
    if error.validator == "required":
        return path, True, error.message
    if error.validator == "propertyNames" and isinstance(error.instance, str):
        return [*path, error.instance], True, f"'{error.instance}' is not a valid name here"
    where = ".".join(str(p) for p in path)
    return path, False, f"{where}: {error.message}" if where else error.message


def check(data: Any, schema: dict[str, Any], loaded: Loaded, file: str) -> None:
    """Raise EkipError (file and line) for the first mistake in ``data``."""
    from jsonschema.exceptions import best_match

    error = best_match(_cached_validator(id(schema), schema).iter_errors(data))
    if error is None:
        return
    path, key, message = error_path(error)
    line, _, _, _ = loaded.position(path, key=key)
    raise EkipError(message, file, line + 1)


_VALIDATORS: dict[int, tuple[dict[str, Any], Draft202012Validator]] = {}


def _cached_validator(key: int, schema: dict[str, Any]) -> Draft202012Validator:
    hit = _VALIDATORS.get(key)
    if hit is None or hit[0] is not schema:
        hit = _VALIDATORS[key] = (schema, validator(schema))
    return hit[1]
