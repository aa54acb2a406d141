"""JSON Schemas of the brand files (the rule files' schema is built from the rule kinds).

Every mapping is closed (``additionalProperties: false``) so that a typo in a key stops the
run with the file and line, instead of being silently ignored.
"""

from __future__ import annotations

from typing import Any

_STR_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_ROLE = {"type": "string", "pattern": "^[a-z][a-z-]*$"}

BRAND: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string"},
        "timezone": {"type": "string"},
        "default_lang": {"type": "string", "pattern": "^[a-z]{2}$"},
        "packs": _STR_LIST,
        "approvals": {
            "type": "object",
            "propertyNames": {"enum": ["idea", "draft", "review", "approved", "scheduled", "published", "archived"]},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["roles"],
                "properties": {"roles": {"type": "array", "items": _ROLE}, "count": {"type": "integer", "minimum": 1}},
            },
        },
        "utm_domains": _STR_LIST,
        "disclosure_tags": _STR_LIST,
        "grammar": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "languages": _STR_LIST,
                "disabled_rules": _STR_LIST,
                "server": {"type": "string"},
            },
        },
        "hashtags": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "banned": _STR_LIST,
                "campaigns": {"type": "object", "additionalProperties": _STR_LIST},
                "camelcase": {"type": "boolean"},
            },
        },
        # Personal data the brand publishes on purpose (a store's landline, a donation IBAN, a
        # press address): the `pii` check leaves these alone. Numbers compare by their digits.
        "pii": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"allow": _STR_LIST},
        },
    },
}

TEAM: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["members"],
    "properties": {
        "members": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z0-9][a-z0-9_.-]*$"},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "roles"],
                "properties": {"name": {"type": "string"}, "roles": {"type": "array", "items": _ROLE}},
            },
        }
    },
}

SENSITIVE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "topics": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "terms", "action"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
                    "name": {"type": "string"},
                    "terms": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
                    "action": {"enum": ["block", "approval", "warn"]},
                    "approvers": {"type": "array", "items": _ROLE},
                    "message": {"type": "string"},
                    "lang": {"type": "array", "items": {"type": "string"}},
                },
                # An approval topic names who can clear it.
                "if": {"properties": {"action": {"const": "approval"}}},
                "then": {"required": ["approvers"], "properties": {"approvers": {"minItems": 1}}},
            },
        }
    },
}

_TIME = {"type": "string", "format": "date-time"}
CALENDAR: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "daily_limit": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        "min_gap_minutes": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        "quiet_periods": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "start", "end"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
                    "name": {"type": "string"},
                    "start": _TIME,
                    "end": _TIME,
                    "yearly": {"type": "boolean"},
                    "platforms": _STR_LIST,
                },
            },
        },
    },
}

CRISIS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "active": {"type": "boolean"},
        "since": {"anyOf": [_TIME, {"type": "null"}]},
        "severity": {"type": ["integer", "string", "null"]},
        "reason": {"type": ["string", "null"]},
    },
}

PLATFORMS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"platforms": {"type": "object"}},
}
