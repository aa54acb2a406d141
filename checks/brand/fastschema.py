"""A fast path for validating ten thousand front matters against post.schema.json.

jsonschema walks every keyword of every property for every post; most front-matter values
repeat across posts (platforms, status, author, lang) and the rest are plain strings. When the
schema's top level is the simple shape (type, required, properties, additionalProperties) this
validator checks each property on its own, memoises results per distinct value, and evaluates
plain scalar keywords directly. Anything outside that subset goes to jsonschema, and so does
every invalid post, so that findings always come from jsonschema's own errors.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jsonschema import Draft202012Validator

from checks.brand.validate import FORMATS

_TOP_KEYWORDS = {"$schema", "$id", "title", "description", "type", "required", "properties",
                 "additionalProperties", "$comment", "examples"}
_SCALAR_KEYWORDS = {"type", "enum", "const", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
                    "title", "description", "default", "examples", "$comment"}
_TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _is_scalar_schema(sub: Any) -> bool:
    if not isinstance(sub, dict) or not set(sub) <= _SCALAR_KEYWORDS:
        return False
    types = sub.get("type", "string")
    types = [types] if isinstance(types, str) else types
    return all(t in _TYPES for t in types) and all(t not in ("array", "object") for t in types)


class PostValidator:
    def __init__(self, schema: dict[str, Any], full: Draft202012Validator) -> None:
        self.full = full
        self.simple = (
            isinstance(schema, dict)
            and set(schema) <= _TOP_KEYWORDS
            and schema.get("type", "object") == "object"
            and isinstance(schema.get("properties", {}), dict)
            and isinstance(schema.get("additionalProperties", True), (bool, dict))
        )
        self.required: list[str] = list(schema.get("required", [])) if self.simple else []
        self.properties: dict[str, Any] = dict(schema.get("properties", {})) if self.simple else {}
        self.additional: Any = schema.get("additionalProperties", True) if self.simple else True
        self._memo: dict[tuple[str, Any], bool] = {}
        self._scalar: dict[str, bool] = {k: _is_scalar_schema(v) for k, v in self.properties.items()}
        self._scalar["*"] = _is_scalar_schema(self.additional)
        self._patterns: dict[str, re.Pattern[str]] = {}

    def _scalar_ok(self, sub: dict[str, Any], value: Any) -> bool:
        types = sub.get("type")
        if types is not None:
            names = [types] if isinstance(types, str) else types
            if not any(_TYPES[t](value) for t in names):
                return False
        if "enum" in sub and not any(_same(value, e) for e in sub["enum"]):
            return False
        if "const" in sub and not _same(value, sub["const"]):
            return False
        if isinstance(value, str):
            if "minLength" in sub or "maxLength" in sub:
                n = len(value)  # code points, as JSON Schema counts
                if n < sub.get("minLength", 0) or n > sub.get("maxLength", n):
                    return False
            if "pattern" in sub:
                rx = self._patterns.get(sub["pattern"])
                if rx is None:
                    rx = self._patterns[sub["pattern"]] = re.compile(sub["pattern"])
                if not rx.search(value):
                    return False
            if "format" in sub and not FORMATS.conforms(value, sub["format"]):
                return False
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in sub and value < sub["minimum"]:
                return False
            if "maximum" in sub and value > sub["maximum"]:
                return False
        return True

    def _property_ok(self, key: str, sub: Any, value: Any) -> bool:
        if self._scalar.get(key, False) and not isinstance(value, (list, dict)):
            return self._scalar_ok(sub, value)
        memo_key = (key, _freeze(value))
        ok = self._memo.get(memo_key)
        if ok is None:
            ok = self._memo[memo_key] = self.full.evolve(schema=sub).is_valid(value)
        return ok

    def is_valid(self, data: Any) -> bool:
        if not self.simple:
            return bool(self.full.is_valid(data))
        if not isinstance(data, dict):
            return False
        for key in self.required:
            if key not in data:
                return False
        for key, value in data.items():
            sub = self.properties.get(key)
            if sub is None:
                if self.additional is False:
                    return False
                if self.additional is True:
                    continue
                sub = self.additional
            if sub is True:
                continue
            if sub is False or not self._property_ok(key if key in self.properties else "*", sub, value):
                return False
        return True

    def iter_errors(self, data: Any) -> Any:
        return self.full.iter_errors(data)


def _same(a: Any, b: Any) -> bool:
    return (type(a) is type(b) and a == b) or (
        isinstance(a, (int, float)) and isinstance(b, (int, float))
        and not isinstance(a, bool) and not isinstance(b, bool) and a == b
    )


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True, default=str)
    return (type(value).__name__, value)
