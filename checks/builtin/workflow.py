"""Workflow: who wrote the post, who approved it, whether it is late, and (with ``--base``)
whether its text changed after approval or after publication.

``workflow.author`` (error): ``author`` is not a member of ``brand/team.yml``. Only when the
team file lists members; without a team file any author passes.

``workflow.approval`` (error): the post lacks the approvals its status needs. brand.yml
``approvals`` maps a status to ``{roles, count}``
(``count`` defaults to 1). A post in that status needs ``count`` approvals from *distinct*
members. An entry of ``approvals`` counts only when all of these hold:

- ``by`` is a member of team.yml (when the team file lists members);
- ``by`` is not the post's ``author`` (the author never approves their own post);
- ``by`` holds one of ``roles`` (an empty ``roles`` list accepts any member; without a team
  file roles cannot be known, so any approver other than the author counts);
- ``at`` is a valid time, and not later than the post's ``date``: an approval given after
  the planned publish time did not clear that publication. ``at`` is not compared with
  now: posts are planned ahead and their records may be written ahead too.

The same member approving twice counts once. The finding lists the approvals that did not
count and why, and points at the ``approvals`` key (or ``status`` when there is none).

With ``--base REV`` (git): an approved or scheduled post whose text (``post.text``) changed
since REV gets ``workflow.approval`` ("onay eskidi") unless enough of its counting approvals
(``count`` of the status's policy, or one when there is no policy) are new since REV, that
is, absent from the post at REV. A post that was added since REV has nothing to compare.
``workflow.published-edit`` (error): a published post whose text changed since REV, unless
its front matter has a ``correction`` note.

``workflow.overdue`` (warning): status approved or scheduled and ``date`` before now
(``--now``). A date without an offset is in the brand's timezone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from checks.finding import Finding
from checks.findings import front_finding
from checks.i18n import _
from checks.post import read_post
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.context import Context
    from checks.post import Post

IDS = ("workflow.author", "workflow.approval", "workflow.overdue", "workflow.published-edit")

OVERDUE_STATUSES = frozenset({"approved", "scheduled"})
STALE_STATUSES = frozenset({"approved", "scheduled"})


def policy_for(brand: Brand, status: str) -> tuple[list[str], int] | None:
    """(roles, count) the status needs, or None when it needs no approval."""
    policy = brand.approvals.get(status) if status else None
    if not isinstance(policy, dict):
        return None
    roles = [r for r in policy.get("roles") or [] if isinstance(r, str)]
    count = policy.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        count = 1
    return roles, count


def approval_key(item: Any) -> tuple[str, str]:
    """What identifies one approval record: who and when, as written."""
    if not isinstance(item, dict):
        return ("", repr(item))
    return (str(item.get("by")), str(item.get("at")))


def counted_approvers(post: Post, brand: Brand, roles: list[str],
                      skip: set[tuple[str, str]] | None = None) -> tuple[list[str], list[str]]:
    """Members whose approval counts (distinct, in order), and why the others do not (in
    Turkish, for the finding). Records whose ``approval_key`` is in ``skip`` are left out."""
    raw = post.front.get("approvals")
    if not isinstance(raw, list):
        return [], []
    author = post.front.get("author")
    tz = brand.timezone
    date = parse(post.front.get("date"), tz) if isinstance(post.front.get("date"), str) else None
    team = brand.members
    wanted = set(roles)
    valid: list[str] = []
    notes: list[str] = []
    for item in raw:
        if skip is not None and approval_key(item) in skip:
            continue
        by = item.get("by") if isinstance(item, dict) else None
        if not isinstance(by, str) or not by:
            notes.append(_("an entry has no 'by' (approver)"))
            continue
        if by in valid:
            continue
        if by == author:
            notes.append(_("{by} is the post's author and cannot approve their own post").format(by=by))
            continue
        if team and by not in team:
            notes.append(_("{by} is not in the team (brand/team.yml)").format(by=by))
            continue
        if team and wanted and not wanted.intersection(brand.roles_of(by)):
            notes.append(_("{by} does not have the role {roles}").format(by=by, roles=", ".join(roles)))
            continue
        at_raw = item.get("at")
        at = parse(at_raw, tz) if isinstance(at_raw, str) else None
        if at is None:
            notes.append(_("the time (at) of {by}'s approval is not a valid ISO 8601 time").format(by=by))
            continue
        if date is not None and at > date:
            notes.append(_("{by}'s approval was given after the publishing time ({when})").format(
                by=by, when=_local(date, brand)))
            continue
        valid.append(by)
    return valid, notes


def _local(dt: datetime, brand: Brand) -> str:
    return dt.astimezone(brand.timezone).strftime("%Y-%m-%d %H:%M")


def _approval_place(post: Post) -> tuple[list[str | int], bool]:
    return (["approvals"], True) if "approvals" in post.front else (["status"], False)


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    brand = ctx.brand
    author = post.front.get("author")
    if brand.members and isinstance(author, str) and author not in brand.members:
        yield front_finding(
            post, "workflow.author", "error",
            _("'{author}' is not in the team: the author must be a member id of brand/team.yml.").format(
                author=author),
            ["author"], match=author,
        )
    status = post.status
    policy = policy_for(brand, status)
    if policy is not None:
        roles, count = policy
        valid, notes = counted_approvers(post, brand, roles)
        if len(valid) < count:
            if roles:
                msg = _("A post in status '{status}' needs {count} approvals from the role {roles} (the "
                        "author excluded); valid approvals: {valid}.").format(
                    status=status, count=count, roles=", ".join(roles), valid=len(valid))
            else:
                msg = _("A post in status '{status}' needs {count} approvals from the team (the author "
                        "excluded); valid approvals: {valid}.").format(status=status, count=count, valid=len(valid))
            if notes:
                msg += " " + _("Not counted: {notes}.").format(notes="; ".join(notes))
            path, key = _approval_place(post)
            yield front_finding(post, "workflow.approval", "error", msg, path, key=key)
    if status in OVERDUE_STATUSES:
        raw = post.front.get("date")
        when = parse(raw, brand.timezone) if isinstance(raw, str) else None
        if when is not None and when < ctx.now:
            yield front_finding(
                post, "workflow.overdue", "warning",
                _("The post is in status '{status}' but its publishing time ({when}) has passed: if it was "
                  "published, set status: published; if not, update the date.").format(
                    status=status, when=_local(when, brand)),
                ["date"],
            )


def needs_posts(ctx: Context) -> bool:
    return bool(ctx.options.base)


def check_all(posts: list[Post], ctx: Context) -> Iterator[Finding]:
    """Git-aware checks, once per run: only with ``--base``."""
    changes = ctx.options.git_changes
    if changes is None:
        return
    candidates: dict[str, Post] = {}
    for post in posts:
        if post.status not in STALE_STATUSES and post.status != "published":
            continue
        rel = changes.relative(post.file)
        if rel is not None and changes.changed.get(rel) is not None:
            candidates[rel] = post
    if not candidates:
        return
    old = changes.old_sources(list(candidates))
    for rel, post in candidates.items():
        data = old.get(rel)
        if data is None:
            continue
        before = read_post(post.path, data=data)
        if before.text == post.text:
            continue
        if post.status == "published":
            correction = post.front.get("correction")
            if not (isinstance(correction, str) and correction.strip()):
                yield front_finding(
                    post, "workflow.published-edit", "error",
                    _("The text of a published post has changed since {rev}. If it is a correction, write "
                      "what was corrected in 'correction:' in the front matter; if not, open a new post.").format(
                        rev=changes.rev),
                    ["status"],
                )
            continue
        yield from _stale(post, before, changes.rev, ctx)


def _stale(post: Post, before: Post, rev: str, ctx: Context) -> Iterator[Finding]:
    brand = ctx.brand
    policy = policy_for(brand, post.status)
    current = post.front.get("approvals")
    if policy is None and not (isinstance(current, list) and current):
        return  # nothing was approved, and nothing needs to be
    roles, count = policy if policy is not None else ([], 1)
    if policy is not None and len(counted_approvers(post, brand, roles)[0]) < count:
        return  # already reported: the approvals are missing anyway
    old = before.front.get("approvals") if before.readable else None
    known = {approval_key(a) for a in old} if isinstance(old, list) else set()
    fresh = counted_approvers(post, brand, roles, skip=known)[0]
    if len(fresh) >= count:
        return
    path, key = _approval_place(post)
    yield front_finding(
        post, "workflow.approval", "error",
        _("The approval is stale: the text has changed since {rev} but there are not enough approvals "
          "given after that version. Send the post for approval again (status: review).").format(rev=rev),
        path, key=key,
    )
