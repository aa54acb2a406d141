"""Problems with the file itself, found while reading a post (``checks.post.read_post``): the
post cannot be checked further, so these findings cannot be suppressed.

``file.encoding`` (error): the file is not UTF-8, or holds a NUL byte; or its name is not UTF-8;
or it is not a regular file (a FIFO, a device: never waited for), or cannot be read.

``file.size`` (error): the file is larger than ``checks.post.MAX_POST_BYTES`` (8 MiB); it is not read.

``file.front-matter`` (error): the front matter is missing, unclosed, not YAML, or not a
mapping; or it holds a YAML tag such as ``!!python/object`` (never executed), or ``!!set``; or it
nests more than 64 levels, expands its aliases to more than 100,000 values, holds itself through an
alias, or an integer of more than 4,000 digits.

``file.internal-error`` (error): an error of Ekip's own while checking this post, with its message;
the rest of the post is not checked, the other posts are (``checks.engine``).
"""

from __future__ import annotations

IDS = ("file.encoding", "file.front-matter", "file.size", "file.internal-error")
