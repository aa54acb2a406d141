"""A fast path for validating ten thousand front matters against post.schema.json.

jsonschema walks every keyword of every property of every post, and importing it costs about
0.1 s, which matters for the one-post pre-commit run. This validator evaluates a well-defined
subset of JSON Schema directly — ``type``, ``enum``, ``const``, string length, ``pattern``,
``format`` (the formats in ``validate.OWN_FORMATS``), ``minimum``/``maximum``, arrays
(``items``, ``minItems``, ``maxItems``, ``uniqueItems``) and objects (``properties``,
``required``, ``additionalProperties``) — and memoises each top-level property per distinct
value. A schema that uses anything else is handed to jsonschema, and so is every invalid
post, so that findings always come from jsonschema's own errors. A randomised test checks
that both agree.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from checks.brand.validate import OWN_FORMATS, validator

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_ANNOTATIONS = {"title", "description", "default", "examples", "$comment"}
_KEYWORDS = _ANNOTATIONS | {
    "type", "enum", "const", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
    "items", "minItems", "maxItems", "uniqueItems", "properties", "required", "additionalProperties",
}
_TOP = _KEYWORDS | {"$schema", "$id"}
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


def supported(schema: Any, top: bool = False) -> bool:
    """True when ``schema`` uses only what this module evaluates."""
    if isinstance(schema, bool):
        return True
    if not isinstance(schema, dict) or not set(schema) <= (_TOP if top else _KEYWORDS):
        return False
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not isinstance(names, list) or not all(t in _TYPES for t in names):
            return False
    if "format" in schema and schema["format"] not in OWN_FORMATS:
        return False
    if "items" in schema and not supported(schema["items"]):
        return False
    if "properties" in schema and not (
        isinstance(schema["properties"], dict) and all(supported(s) for s in schema["properties"].values())
    ):
        return False
    return "additionalProperties" not in schema or supported(schema["additionalProperties"])


def _json_key(v: Any) -> Any:
    """Equality as JSON Schema defines it (1 == 1.0, True != 1)."""
    if isinstance(v, bool):
        return ("b", v)
    if isinstance(v, (int, float)):
        return ("n", v)
    if isinstance(v, list):
        return ("l", tuple(_json_key(x) for x in v))
    if isinstance(v, dict):
        return ("d", frozenset((k, _json_key(x)) for k, x in v.items()))
    return (type(v).__name__, v)


_PATTERNS: dict[str, re.Pattern[str]] = {}


def valid(schema: Any, value: Any) -> bool:
    """Evaluate a ``supported`` schema."""
    if schema is True:
        return True
    if schema is False:
        return False
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_TYPES[t](value) for t in names):
            return False
    if "enum" in schema and _json_key(value) not in {_json_key(e) for e in schema["enum"]}:
        return False
    if "const" in schema and _json_key(value) != _json_key(schema["const"]):
        return False
    if isinstance(value, str):
        n = len(value)  # code points, as JSON Schema counts
        if n < schema.get("minLength", 0) or n > schema.get("maxLength", n):
            return False
        if "pattern" in schema:
            rx = _PATTERNS.get(schema["pattern"])
            if rx is None:
                rx = _PATTERNS[schema["pattern"]] = re.compile(schema["pattern"])
            if not rx.search(value):
                return False
        if "format" in schema and not OWN_FORMATS[schema["format"]](value):
            return False
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < schema.get("minimum", value) or value > schema.get("maximum", value):
            return False
    elif isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
            return False
        if schema.get("uniqueItems") and len({_json_key(x) for x in value}) != len(value):
            return False
        if "items" in schema and not all(valid(schema["items"], x) for x in value):
            return False
    elif isinstance(value, dict):
        if any(k not in value for k in schema.get("required", ())):
            return False
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for k, x in value.items():
            sub = props.get(k, extra)
            if not valid(sub, x):
                return False
    return True


class PostValidator:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.fast = supported(schema, top=True) and schema.get("type", "object") == "object"
        self._full: Draft202012Validator | None = None
        self._memo: dict[tuple[str, Any], bool] = {}

    @property
    def full(self) -> Draft202012Validator:
        if self._full is None:
            self._full = validator(self.schema)
        return self._full

    def is_valid(self, data: Any) -> bool:
        if not self.fast:
            return bool(self.full.is_valid(data))
        if not isinstance(data, dict):
            return False
        schema = self.schema
        if any(k not in data for k in schema.get("required", ())):
            return False
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        memo = self._memo
        for key, value in data.items():
            sub = props.get(key, extra)
            if isinstance(value, list) and all(isinstance(x, str) for x in value):
                memo_key = (key, ("strings", *value))
            elif isinstance(value, (list, dict)):
                memo_key = (key, json.dumps(value, sort_keys=True, default=str))
            else:
                memo_key = (key, (type(value), value))
            ok = memo.get(memo_key)
            if ok is None:
                ok = valid(sub, value)
                if len(memo) > 100_000:
                    memo.clear()
                memo[memo_key] = ok
            if not ok:
                return False
        return True

    def iter_errors(self, data: Any) -> Any:
        return self.full.iter_errors(data)
