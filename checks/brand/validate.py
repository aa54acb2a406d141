"""Validate YAML data against a JSON Schema and say where the first mistake is."""

from __future__ import annotations

from typing import Any

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

from checks.errors import EkipError
from checks.timeutil import is_date_time
from checks.yamlfile import Loaded

FORMATS = FormatChecker()
FORMATS.checks("date-time")(is_date_time)


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=FORMATS)


def error_path(error: jsonschema.ValidationError) -> tuple[list[str | int], bool, str]:
    """Where an error is (a path in the data; True when it is a key) and a message in English."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
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


def check(data: Any, schema_validator: Draft202012Validator, loaded: Loaded, file: str) -> None:
    error = jsonschema.exceptions.best_match(schema_validator.iter_errors(data))
    if error is None:
        return
    path, key, message = error_path(error)
    line, _col, _, _ = loaded.position(path, key=key)
    raise EkipError(message, file, line + 1)
