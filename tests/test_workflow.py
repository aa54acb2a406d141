"""workflow.author, workflow.approval, workflow.overdue (without git)."""

from __future__ import annotations

import pytest

from tests.conftest import BRAND_YML, Repo

TEAM = """\
members:
  ayse: {name: Ayşe Yılmaz, roles: [writer]}
  mehmet: {name: Mehmet Kaya, roles: [manager]}
  zeynep: {name: Zeynep Arslan, roles: [manager]}
  okan: {name: Okan Çelik, roles: [crisis-lead]}
"""
NOW = ("--now", "2027-02-01T09:00:00+03:00")


def approvals(*pairs: tuple[str, str]) -> str:
    return "[" + ", ".join(f'{{by: {by}, at: "{at}"}}' for by, at in pairs) + "]"


@pytest.fixture
def team(repo: Repo) -> Repo:
    repo.write("brand/team.yml", TEAM)
    repo.write("brand/brand.yml", BRAND_YML + """\
approvals:
  approved: {roles: [manager], count: 1}
  scheduled: {roles: [manager, crisis-lead], count: 2}
""")
    return repo


# -- workflow.author -------------------------------------------------------------------------
def test_unknown_author_is_an_error(team: Repo) -> None:
    team.post("p", "Merhaba.", author="zeki")
    found = team.findings(*NOW, rule="workflow.author")
    assert [(f["line"], f["level"], f["match"]) for f in found] == [(6, "error", "zeki")]
    assert "zeki" in found[0]["message"]


def test_known_author_passes(team: Repo) -> None:
    team.post("p", "Merhaba.", author="ayse")
    assert team.findings(*NOW, rule="workflow.author") == []


def test_author_not_checked_without_members(repo: Repo) -> None:
    repo.write("brand/team.yml", "members: {}\n")
    repo.post("p", "Merhaba.", author="zeki")
    assert repo.findings(*NOW, rule="workflow.author") == []


def test_author_not_checked_without_team_file(repo: Repo) -> None:
    (repo.root / "brand" / "team.yml").unlink()
    repo.post("p", "Merhaba.", author="zeki")
    assert repo.findings(*NOW, rule="workflow.author") == []


# -- workflow.approval -----------------------------------------------------------------------
def test_status_without_policy_needs_nothing(team: Repo) -> None:
    team.post("p", "Merhaba.", status="review")
    assert team.findings(*NOW, rule="workflow.approval") == []


def test_approved_without_approvals_points_at_status(team: Repo) -> None:
    team.post("p", "Merhaba.", status="approved")
    found = team.findings(*NOW, rule="workflow.approval")
    assert [(f["line"], f["level"]) for f in found] == [(5, "error")]
    assert "manager" in found[0]["message"] and "geçerli onay: 0" in found[0]["message"]


def test_manager_approval_clears_approved(team: Repo) -> None:
    team.post("p", "Merhaba.", status="approved", approvals=approvals(("mehmet", "2027-02-20T10:00:00+03:00")))
    assert team.findings(*NOW, rule="workflow.approval") == []


def test_author_never_approves_own_post(team: Repo) -> None:
    team.post("p", "Merhaba.", status="approved", author="mehmet",
              approvals=approvals(("mehmet", "2027-02-20T10:00:00+03:00")))
    found = team.findings(*NOW, rule="workflow.approval")
    assert len(found) == 1
    assert found[0]["line"] == 7  # the approvals key
    assert "yazarı" in found[0]["message"]


def test_wrong_role_does_not_count(team: Repo) -> None:
    team.post("p", "Merhaba.", status="approved", author="mehmet",
              approvals=approvals(("ayse", "2027-02-20T10:00:00+03:00")))
    found = team.findings(*NOW, rule="workflow.approval")
    assert len(found) == 1 and "ayse manager rolünde değil" in found[0]["message"]


def test_unknown_member_does_not_count(team: Repo) -> None:
    team.post("p", "Merhaba.", status="approved", approvals=approvals(("zeki", "2027-02-20T10:00:00+03:00")))
    found = team.findings(*NOW, rule="workflow.approval")
    assert len(found) == 1 and "zeki ekipte yok" in found[0]["message"]


def test_approval_after_publish_time_does_not_count(team: Repo) -> None:
    # the post goes out 2027-03-01 10:00 (+03:00); 10:00 exactly still counts, 10:01 does not
    team.post("ok", "Merhaba.", status="approved", approvals=approvals(("mehmet", "2027-03-01T07:00:00Z")))
    team.post("late", "Merhaba.", status="approved", approvals=approvals(("mehmet", "2027-03-01T10:01:00+03:00")))
    found = team.findings(*NOW, rule="workflow.approval")
    assert [f["path"].rsplit("/", 1)[-1] for f in found] == ["late.md"]
    assert "sonra verilmiş" in found[0]["message"]


def test_approval_time_must_be_a_time(team: Repo) -> None:
    team.post("p", "Merhaba.", status="approved", approvals='[{by: mehmet, at: "dün"}]')
    found = team.findings(*NOW, rule="workflow.approval")
    assert len(found) == 1 and "geçerli bir ISO 8601" in found[0]["message"]


def test_count_needs_distinct_members(team: Repo) -> None:
    at = "2027-02-20T10:00:00+03:00"
    team.post("one", "Merhaba.", status="scheduled", approvals=approvals(("mehmet", at)))
    team.post("twice", "Merhaba.", status="scheduled", approvals=approvals(("mehmet", at), ("mehmet", at)))
    team.post("two", "Merhaba.", status="scheduled", approvals=approvals(("mehmet", at), ("okan", at)))
    team.post("with-author", "Merhaba.", status="scheduled", author="zeynep",
              approvals=approvals(("mehmet", at), ("zeynep", at)))
    found = team.findings(*NOW, rule="workflow.approval")
    names = sorted(f["path"].rsplit("/", 1)[-1] for f in found)
    assert names == ["one.md", "twice.md", "with-author.md"]
    assert all("2 onay" in f["message"] for f in found)


def test_empty_roles_accepts_any_member_but_the_author(repo: Repo) -> None:
    repo.write("brand/brand.yml", BRAND_YML + "approvals:\n  approved: {roles: []}\n")
    at = "2027-02-20T10:00:00+03:00"
    repo.post("writer", "Merhaba.", status="approved", approvals=approvals(("okan", at)))
    repo.post("self", "Merhaba.", status="approved", approvals=approvals(("ayse", at)))
    found = repo.findings(*NOW, rule="workflow.approval")
    assert [f["path"].rsplit("/", 1)[-1] for f in found] == ["self.md"]


# -- workflow.overdue ------------------------------------------------------------------------
@pytest.mark.parametrize(("status", "now", "overdue"), [
    ("scheduled", "2027-03-01T10:00:01+03:00", True),
    ("scheduled", "2027-03-01T10:00:00+03:00", False),  # not before now: not yet late
    ("approved", "2027-03-01T07:30:00Z", True),
    ("approved", "2027-03-01T09:59:00+03:00", False),
    ("draft", "2027-04-01T00:00:00+03:00", False),
    ("published", "2027-04-01T00:00:00+03:00", False),
])
def test_overdue(repo: Repo, status: str, now: str, overdue: bool) -> None:
    repo.post("p", "Merhaba.", status=status)
    found = repo.findings("--now", now, rule="workflow.overdue")
    assert [(f["line"], f["level"]) for f in found] == ([(3, "warning")] if overdue else [])


def test_overdue_naive_date_is_brand_local(repo: Repo) -> None:
    repo.post("p", "Merhaba.", status="scheduled", date="2027-03-01T10:00:00")  # 07:00 UTC in Istanbul
    assert repo.findings("--now", "2027-03-01T06:59:00Z", rule="workflow.overdue") == []
    assert len(repo.findings("--now", "2027-03-01T07:01:00Z", rule="workflow.overdue")) == 1


# -- odd front matter --------------------------------------------------------------------------
@pytest.mark.parametrize("front", [
    {"author": "123"},
    {"author": "[a, b]"},
    {"status": "[approved]"},
    {"status": "approved", "approvals": "yes"},
    {"status": "approved", "approvals": "[1, {by: 5, at: 7}, {by: [x]}, null]"},
    {"status": "scheduled", "date": "42"},
    {"status": "scheduled", "date": "{a: 1}"},
    {"status": "approved", "date": "2027-13-45T99:00:00"},
])
def test_odd_values_never_crash(team: Repo, front: dict[str, str]) -> None:
    team.post("p", "Merhaba.", **front)
    code, _out, err = team.run("check", "--grammar", "off", "--format", "json", *NOW)
    assert code in (0, 1), err
    assert "Traceback" not in err
