"""What every check may read besides the post: the brand, the time, the options, all posts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from checks.options import Options

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.post import Post


@dataclass
class Context:
    brand: Brand
    now: datetime  # aware
    options: Options = field(default_factory=Options)  # frozen: built once by the command
    posts: list[Post] = field(default_factory=list)  # every post of the run, for checks across posts
    notices: list[str] = field(default_factory=list)  # said once per run on stderr

    def notice(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)
