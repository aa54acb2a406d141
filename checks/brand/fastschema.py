"""A fast path for validating ten thousand front matters against post.schema.json.

jsonschema walks every keyword of every property of every post, and importing it costs about
0.1 s, which matters for the one-post pre-commit run. This validator evaluates a well-defined
subset of JSON Schema directly — ``type``, ``enum``, ``const``, string length, ``pattern``,
``format`` (the formats in ``validate.OWN_FORMATS``), ``minimum``/``maximum``, arrays
(``items``, ``minItems``, ``maxItems``, ``uniqueItems``) and objects (``properties``,
``required``, ``additionalProperties``), compiled once into closures, and memoises each
top-level list or mapping per distinct value. A schema that uses anything else is handed to
jsonschema, and so is every invalid post, so that findings always come from jsonschema's own
errors. A randomised test checks that both agree.

Why not fastjsonschema, the library made for fast validation: ``python bench/schema_bench.py``
(2026-11-30, 10,000 front matters of the benchmark corpus, same machine, same minutes) gave
360-465 ms here against 528-731 ms for fastjsonschema's generated code, which also costs
70-110 ms to import and compile in every process, a third of the one-post pre-commit budget
(0.3 s). Both agree on every post of the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from checks.brand.validate import OWN_FORMATS, pattern_search, validator
from checks.memo import remember

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_ANNOTATIONS = {"title", "description", "default", "examples", "$comment"}
_KEYWORDS = _ANNOTATIONS | {
    "type", "enum", "const", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
    "items", "minItems", "maxItems", "uniqueItems", "properties", "required", "additionalProperties",
}
_TOP = _KEYWORDS | {"$schema", "$id"}
_STR_ONLY = {str}
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


Check = Callable[[Any], bool]


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)

    def every(v: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a loop, not all() over a generator: called per value
            if not check(v):
                return False
        return True

    return every


def compile_schema(schema: Any) -> Check:
    """A ``supported`` schema as one function of the value, each keyword turned into a closure
    once, so that checking a value does no dictionary lookups in the schema."""
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    checks: list[Check] = []
    types = schema.get("type")
    names = None if types is None else [types] if isinstance(types, str) else types
    if names is not None:
        tests = [_TYPES[t] for t in names]
        checks.append(tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests))
    if "enum" in schema:
        allowed = {_json_key(e) for e in schema["enum"]}
        words = {e for e in schema["enum"] if type(e) is str}
        checks.append(lambda v: v in words if type(v) is str else _json_key(v) in allowed)
    if "const" in schema:
        const = _json_key(schema["const"])
        checks.append(lambda v: _json_key(v) == const)
    strings = _string_check(schema)
    numbers = _number_check(schema)
    arrays = _array_check(schema)
    objects = _object_check(schema)
    if names == ["string"] and not (numbers or arrays or objects):
        if strings is not None:  # the type test is already in ``checks``
            checks.append(strings)
    elif names == ["array"] and not (strings or numbers or objects):
        if arrays is not None:
            checks.append(arrays)
    elif strings or numbers or arrays or objects:
        def by_type(v: Any) -> bool:
            if isinstance(v, str):
                return strings is None or strings(v)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return numbers is None or numbers(v)
            if isinstance(v, list):
                return arrays is None or arrays(v)
            if isinstance(v, dict):
                return objects is None or objects(v)
            return True

        checks.append(by_type)
    return _all(checks)


def _string_check(schema: dict[str, Any]) -> Check | None:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    rx = schema.get("pattern")
    fmt = OWN_FORMATS[schema["format"]] if "format" in schema else None
    if not low and high is None and rx is None and fmt is None:
        return None

    def check(v: str) -> bool:
        n = len(v)  # code points, as JSON Schema counts
        if n < low or (high is not None and n > high):
            return False
        if rx is not None and not pattern_search(rx, v):
            return False
        return fmt is None or bool(fmt(v))

    return check


def _number_check(schema: dict[str, Any]) -> Check | None:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is None and high is None:
        return None
    return lambda v: (low is None or v >= low) and (high is None or v <= high)


def _array_check(schema: dict[str, Any]) -> Check | None:
    low, high = schema.get("minItems", 0), schema.get("maxItems")
    unique = bool(schema.get("uniqueItems"))
    item = compile_schema(schema["items"]) if "items" in schema else None
    if not low and high is None and not unique and item is None:
        return None

    def check(v: list[Any]) -> bool:
        if len(v) < low or (high is not None and len(v) > high):
            return False
        if unique and len({_json_key(x) for x in v}) != len(v):
            return False
        return item is None or all(item(x) for x in v)

    return check


def _object_parts(schema: dict[str, Any]) -> tuple[list[str], dict[str, Check], Check]:
    """An object schema's required keys, a check per named property, and the check for the others."""
    props = {k: compile_schema(sub) for k, sub in schema.get("properties", {}).items()}
    return list(schema.get("required", ())), props, compile_schema(schema.get("additionalProperties", True))


def _object_check(schema: dict[str, Any]) -> Check | None:
    required, props, extra = _object_parts(schema)
    if not required and not props and schema.get("additionalProperties", True) is True:
        return None

    def check(v: dict[str, Any]) -> bool:
        if any(k not in v for k in required):
            return False
        return all(props.get(k, extra)(x) for k, x in v.items())

    return check


class PostValidator:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.fast = supported(schema, top=True) and schema.get("type", "object") == "object"
        self._full: Draft202012Validator | None = None
        self._memo: dict[tuple[str, Any], bool] = {}
        if self.fast:  # the object check, taken apart to remember list and mapping values
            self._required, self._props, self._extra = _object_parts(schema)

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
        if any(k not in data for k in self._required):
            return False
        props, extra, memo = self._props, self._extra, self._memo
        for key, value in data.items():
            check = props.get(key, extra)
            if not isinstance(value, (list, dict)):
                if not check(value):  # a scalar: checking it costs less than remembering it
                    return False
                continue
            # Lists and mappings (platforms, media, approvals) recur across posts: remember them.
            if isinstance(value, list) and set(map(type, value)) <= _STR_ONLY:
                memo_key: tuple[str, object] | None = (key, ("strings", *value))
            else:
                try:
                    memo_key = (key, json.dumps(value, sort_keys=True, default=str))
                except TypeError:  # mapping keys of mixed types (`{by: x, 3:00: y}`) do not sort
                    memo_key = None
            ok = memo.get(memo_key) if memo_key is not None else None
            if ok is None:
                ok = check(value) if memo_key is None else remember(memo, memo_key, check(value))
            if not ok:
                return False
        return True

    def iter_errors(self, data: Any) -> Any:
        return self.full.iter_errors(data)
