"""Problems with the file itself, found while reading a post (``checks.post.read_post``): the
post cannot be checked further, so these findings cannot be suppressed.

``file.encoding`` (error): the file is not UTF-8, or holds a NUL byte.

``file.front-matter`` (error): the front matter is missing, unclosed, not YAML, or not a
mapping; or it holds a YAML tag such as ``!!python/object`` (never executed).
"""

from __future__ import annotations

IDS = ("file.encoding", "file.front-matter")
