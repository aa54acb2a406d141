"""YAML loading for posts and brand files: safe, fast, and with positions.

PyYAML's C loader builds the node tree; we construct plain data from it and keep the tree, so
that a problem found in the data (a schema error, a duplicate id) can point at its line and
column. Timestamps stay strings: JSON Schema's ``date-time`` format validates strings, and a
``datetime`` object would hide the offset the author wrote.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from checks.i18n import _

if TYPE_CHECKING:
    # The C loader, where PyYAML has it, has the same constructor and resolver API as SafeLoader.
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, _("duplicate key '{key}'").format(key=key_node.value), key_node.start_mark
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    return loader.construct_mapping(node, deep=True)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)

MAX_INT_DIGITS = 4000  # Python refuses to convert more than 4,300 digits


def _construct_int(loader: Any, node: yaml.ScalarNode) -> Any:
    if len(node.value) > MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, _("an integer of more than {n} digits").format(n=MAX_INT_DIGITS), node.start_mark)
    return _BaseLoader.construct_yaml_int(loader, node)


def _refuse(loader: Any, node: yaml.Node) -> Any:
    raise yaml.constructor.ConstructorError(
        None, None, _("tag not allowed here ({tag})").format(tag=node.tag.replace("tag:yaml.org,2002:", "!!")),
        node.start_mark)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
# Sets, ordered maps, pairs and binary make values that are not JSON (the schema, the reports).
for _tag in ("set", "omap", "pairs", "binary"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse)


class YamlError(Exception):
    """Invalid YAML; ``line`` and ``column`` are 0-based within the YAML text."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class Loaded:
    data: Any
    node: yaml.Node | None

    def position(self, path: Sequence[str | int], key: bool = False) -> tuple[int, int, int, int]:
        """0-based (line, column, end_line, end_column) of the value at ``path``, or of its key
        when ``key`` is true; the nearest existing ancestor when the path does not exist."""
        return node_position(self.node, path, key)


def node_position(
    node: yaml.Node | None, path: Sequence[str | int], key: bool = False
) -> tuple[int, int, int, int]:
    if node is None:
        return (0, 0, 0, 0)
    target: yaml.Node = node
    key_node: yaml.Node | None = None
    for part in path:
        nxt: yaml.Node | None = None
        if isinstance(target, yaml.MappingNode):
            for k, v in target.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    key_node, nxt = k, v
                    break
        elif isinstance(target, yaml.SequenceNode) and isinstance(part, int) and part < len(target.value):
            key_node, nxt = None, target.value[part]
        if nxt is None:
            break
        target = nxt
    else:
        if key and key_node is not None:
            target = key_node
    start, end = target.start_mark, target.end_mark
    if isinstance(target, (yaml.MappingNode, yaml.SequenceNode)) or end.line != start.line:
        # A block collection ends on a later line; point at its first line only.
        return (start.line, start.column, start.line, start.column + 1)
    return (start.line, start.column, end.line, max(end.column, start.column + 1))


# Bounds on what a document may hold once its aliases are expanded: a "billion laughs" (an
# anchor holding ten aliases of an anchor holding ten aliases of ...) is a few lines that expand
# to billions of values, and every later walk over the data (the schema, a report) would pay for
# each. Nesting is bounded too: each level costs a few Python frames to construct and check.
MAX_NODES = 100_000  # values, counted as if every alias were a copy
MAX_DEPTH = 64


def _check_size(root: yaml.Node) -> None:
    """Raise YamlError when ``root`` nests deeper than MAX_DEPTH, holds itself (a recursive
    alias), or expands to more than MAX_NODES values."""
    sizes: dict[int, int] = {}  # id(node) -> expanded size, once known
    # An explicit stack (no recursion): (node, depth, children expanded yet?)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            total = 1 + sum(sizes[id(child)] for child in _children(node))
            if total > MAX_NODES:
                raise YamlError(_("too large once its aliases are expanded (over {n:,} values)").format(n=MAX_NODES),
                                node.start_mark.line, node.start_mark.column)
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise YamlError(_("an alias refers to a value that holds it (recursive)"),
                            node.start_mark.line, node.start_mark.column)
        if depth > MAX_DEPTH:
            raise YamlError(_("nested more than {n} levels deep").format(n=MAX_DEPTH), node.start_mark.line,
                            node.start_mark.column)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))


_BRACKET = re.compile(r"[\[\]{}]")
_LINE_NESTING = re.compile(r"^[ \t]*|(?:[-?:])(?=[ \t])", re.M)


def _check_depth_first(text: str) -> None:
    """Raise YamlError when ``text`` nests more than MAX_DEPTH levels, before the C parser builds
    its node tree: it recurses once per level and crashes the process (a segmentation fault) at
    some tens of thousands (``[[[[…`` or ``- - - - …``). A cheap bound comes first (brackets open
    at once, plus the widest line's indentation and ``-``, ``?``, ``:`` indicators); only a
    text that could nest deeper than a thousand levels is read event by event."""
    depth = bound = 0
    for m in _BRACKET.finditer(text):
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        bound = max(bound, depth)
    if bound > 1000:  # brackets open at once (unless a quoted string holds a thousand of them)
        raise YamlError(_("nested more than {n} levels deep").format(n=MAX_DEPTH), 0, 0)
    widest = max((len(line) for line in text.splitlines()), default=0) if len(text) > 1000 else len(text)
    if bound + widest < 1000:
        return
    loader = _BaseLoader(text)
    try:
        depth = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark  # set by PyYAML's parser; None only in hand-made events
                    raise YamlError(_("nested more than {n} levels deep").format(n=MAX_DEPTH),
                                    mark.line if mark else 0, mark.column if mark else 0)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:  # also ReaderError (a control character), which has no mark
        return  # the parser reports it, with its position
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def load(text: str) -> Loaded:
    """Parse one YAML document safely. Raises YamlError (also for a document too deep or too
    large once its aliases are expanded, and for values Python cannot hold, such as an integer
    of more than 4,300 digits)."""
    _check_depth_first(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_size(node)
        data = loader.construct_document(node) if node is not None else None
    except (ValueError, OverflowError, RecursionError, TypeError) as exc:
        raise YamlError(_("a value cannot be read ({error})").format(
            error=f"{type(exc).__name__}: {_short(exc)}"), 0, 0) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "could not determine a constructor" in str(problem):
            problem = f"tag not allowed here ({problem.split('tag ')[-1]})"
        raise YamlError(problem, mark.line if mark else 0, mark.column if mark else 0) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), 0, 0) from None
    finally:
        loader.dispose()
    return Loaded(data, node)


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 120 else text[:117] + "..."


# Front matters repeat most of their lines (platforms, status, author, lang). A mapping is split
# into its top-level entries, each entry parsed once per process and merged; anything unusual
# (anchors, aliases, tags, directives, complex keys, block scalars, a non-mapping, a duplicate
# key, an error) takes the ordinary path, which also gives positions.
_ENTRY = re.compile(r"^(?=[^\s#-])", re.M)
_KEY_START = re.compile(r"[^\s#-]")
_UNUSUAL = re.compile(r"[&*!%?|>]|^(?:---|\.\.\.|[\[{])", re.M)
_ENTRIES: dict[str, tuple[tuple[str, Any], ...]] = {}  # entry text -> its (key, value) pairs
# Lines of blanks (CR included) and comments. (Written with every quantifier optional, as
# ``(?:[ \t]*(?:#[^\n]*)?\r?\n?)*``, it backtracked exponentially on blanks before a letter.)
_COMMENT_ONLY = re.compile(r"\A(?:[ \t\r]*+(?:#[^\n]*+)?\n)*+[ \t\r]*+(?:#[^\n]*+)?\Z")


_SIMPLE = re.compile(r"(?<![\w-])([A-Za-z_][\w-]*+):[ ]+([^\r\n]*)\r?\n?")  # (?<!..): one start per word
# Characters PyYAML refuses anywhere in a document (control characters, C1, U+FFFE/U+FFFF;
# U+0085 is also a line break to it): a line holding one goes to the parser, which says where.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_PLAIN_START = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]")
_RESOLVER = yaml.resolver.Resolver()
_RESOLVER.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"


@functools.lru_cache(maxsize=4096)
def _string_key(key: str) -> bool:
    """Whether PyYAML reads the plain scalar ``key`` as a string (``on``, ``null``, ``yes`` are
    not: a bool, None)."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, key, (True, False))
    return tag == _STR


def _simple_entry(part: str) -> tuple[tuple[str, str]] | None:
    """``key: value`` on one line whose value is a string: a quoted string without escapes, or a
    plain scalar that PyYAML's own resolver (as ours is set up) reads as a string; the key too
    is one the resolver reads as a string. None for anything else, which then goes to the
    parser."""
    m = _SIMPLE.fullmatch(part)
    if not m or _NOT_PRINTABLE.search(part):
        return None
    key, value = m.group(1), m.group(2).rstrip(" ")
    if not value or not _string_key(key):
        return None
    first = value[0]
    if first == '"':
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
            return None
        return ((key, inner),)
    if first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != "'" or "'" in inner:
            return None
        return ((key, inner),)
    if not _PLAIN_START.match(first) or ": " in value or " #" in value or value.endswith(":") or "\t" in value \
            or "\u2028" in value or "\u2029" in value:  # line breaks to YAML 1.1, but not in quotes
        return None
    if _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR:
        return None
    return ((key, value),)


_BLOCK_HEAD = re.compile(r"(?<![\w-])([A-Za-z_][\w-]*+):[ ]*\r?\n")  # (?<!..): one start per word
_INDENT = re.compile(r"[ ]+")
_LINES = re.compile(r"[^\n]+\n?|\n")  # lines as YAML ends them here (\n; a CR before it stays)


def _block_entry(part: str) -> tuple[tuple[str, dict[str, str]]] | None:
    """``key:`` and under it, one indentation deeper, only one-line entries that
    ``_simple_entry`` reads (``posted:`` with a permalink or id per platform): a mapping of
    strings. None for anything else (a blank or comment line inside, a different indentation, a
    key given twice), which then goes to the parser."""
    head = _BLOCK_HEAD.match(part)
    if head is None or head.end() == len(part) or not _string_key(head.group(1)):
        return None
    indent = _INDENT.match(part, head.end())
    if indent is None:
        return None
    width = indent.end() - indent.start()
    inner: dict[str, str] = {}
    for line in _LINES.findall(part, head.end()):
        if len(line) <= width or line[width] == " " or line[:width].strip(" "):
            return None
        entry = _simple_entry(line[width:])
        if entry is None or entry[0][0] in inner:
            return None
        inner[entry[0][0]] = entry[0][1]
    return ((head.group(1), inner),)


def load_mapping(text: str) -> dict[str, Any] | None:
    """The mapping ``text`` holds, fast; None when it needs the ordinary path (``load``).
    The values are shared between calls: treat them as read-only."""
    if len(_ENTRIES) > 200_000:
        _ENTRIES.clear()  # bounded (checks.memo); emptied here, never between a call's stores and reads
    parts = [p for p in _ENTRY.split(text) if p]
    if parts and not _KEY_START.match(parts[0]) and not _COMMENT_ONLY.match(parts[0]):
        return None  # indented content before the first key: let the parser judge it
    known = [_ENTRIES.get(p) for p in parts]
    missing = [p for p, d in zip(parts, known, strict=True) if d is None]
    if missing:
        # Most new entries are one line holding a string (a title, a date): read those directly.
        for p in missing:
            simple = _simple_entry(p) or _block_entry(p)
            if simple is not None:
                _ENTRIES[p] = simple
        missing = [p for p in missing if p not in _ENTRIES]
        if not missing:
            known = [_ENTRIES[p] for p in parts]
    if missing:
        # The entries not seen before are parsed together, as one small mapping. Each entry
        # holds one key (a flow mapping on a lone new entry may hold several); comment-only
        # entries hold none. Every key and value must lie within its own entry, or an entry
        # that is not self-contained (an unclosed bracket or quote) would swallow the next.
        joined = [p if p.endswith("\n") else p + "\n" for p in missing]
        # Anchors, aliases, tags, directives, complex keys, block scalars and document markers
        # make entries depend on each other or need positions: the ordinary path. (Entries read
        # as simple strings or parsed before hold none: "!" or "?" in a quoted title is fine.)
        if _UNUSUAL.search("".join(joined)):
            return None
        try:
            loaded = load("".join(joined))
        except YamlError:
            return None
        fresh, node = loaded.data, loaded.node
        if fresh is None:
            fresh = {}
        if not isinstance(fresh, dict) or (node is not None and not isinstance(node, yaml.MappingNode)):
            return None
        if len(missing) == 1:
            _ENTRIES[missing[0]] = tuple(fresh.items())
        else:
            starts, line = [], 0
            for p in joined:
                starts.append(line)
                line += p.count("\n")
            starts.append(line)
            node_pairs = list(node.value) if node is not None else []
            keyed = [i for i, p in enumerate(missing) if not _COMMENT_ONLY.match(p)]
            if len(node_pairs) != len(keyed) or len(fresh) != len(keyed):
                return None
            for (k_node, v_node), i in zip(node_pairs, keyed, strict=True):
                end = v_node.end_mark
                if k_node.start_mark.line != starts[i] or not (
                    end.line < starts[i + 1] or (end.line == starts[i + 1] and end.column == 0)
                ):
                    return None
            values = iter(fresh.items())
            for p in missing:
                _ENTRIES[p] = () if _COMMENT_ONLY.match(p) else (next(values),)
        known = [_ENTRIES[p] for p in parts]
    pairs: list[tuple[str, Any]] = []
    for entry in known:
        if entry is not None:  # always, once every entry is known
            pairs.extend(entry)
    out = dict(pairs)
    if len(out) != len(pairs):
        return None  # a key given twice: the parser reports it
    return out if out else None
