"""``posted:`` in front matter (schema and the ``posted`` check) and ``ekip metrics link``."""

from __future__ import annotations

from checks.metrics.link import add_posted, similarity

TEXT = "Kış koleksiyonumuz mağazalarda! Yün kabanlar ve triko kazaklar şimdi vitrinde."


def test_posted_must_be_for_the_posts_platforms(repo):
    repo.post("a", TEXT, platforms="[instagram]", status="published",
              posted='{instagram: "https://x.com/o/status/1", x: "123"}')
    found = repo.findings(rule="posted")
    messages = sorted((f["line"], f["level"], f["message"]) for f in found)
    assert len(found) == 2, found
    assert any("'x' bu gönderinin platformlarından biri değil" in m for _, _, m in messages)
    assert any("'x.com' bağlantısı instagram için değil" in m for _, _, m in messages)


def test_posted_on_an_unpublished_post_is_a_warning_and_shape_is_schema(repo):
    repo.post("a", TEXT, platforms="[instagram]", status="draft", posted='{instagram: "1790"}')
    repo.post("b", TEXT, platforms="[instagram]", status="published", posted="[1, 2]")
    found = repo.findings(rule="posted")
    assert [(f["path"].rsplit("/", 1)[-1], f["level"]) for f in found] == [("a.md", "warning")]
    assert [f["path"].rsplit("/", 1)[-1] for f in repo.findings(rule="schema")] == ["b.md"]
    repo.post("b", TEXT, platforms="[instagram]", status="published",
              posted='{instagram: "https://www.instagram.com/p/ABC/"}')
    assert not repo.findings(rule="schema") and not [f for f in repo.findings(rule="posted") if f["level"] == "error"]


def test_add_posted_keeps_everything_else():
    src = "---\ntitle: A\nposted:\n  x: \"1\"\n# a comment\nstatus: published\n---\n\nMetin\n"
    out = add_posted(src, "instagram", "https://www.instagram.com/p/A/")
    assert out == ("---\ntitle: A\nposted:\n  x: \"1\"\n  instagram: \"https://www.instagram.com/p/A/\"\n"
                   "# a comment\nstatus: published\n---\n\nMetin\n")
    assert add_posted("---\ntitle: A\n---\nMetin\n", "x", "42") == "---\ntitle: A\nposted:\n  x: \"42\"\n---\nMetin\n"
    assert add_posted("---\nposted: {x: '1'}\n---\n", "instagram", "2") is None
    assert add_posted("---\r\ntitle: A\r\n---\r\n", "x", "4") == "---\r\ntitle: A\r\nposted:\r\n  x: \"4\"\r\n---\r\n"


def test_similarity_reads_the_start_of_a_post():
    assert similarity(TEXT[:40], TEXT) == 1.0
    assert similarity("Bambaşka bir gönderi, başka bir konu.", TEXT) < 0.6


def test_link_proposes_and_writes_on_confirmation(repo):
    a = repo.post("kis", TEXT + " https://ornek.com.tr/kis", platforms="[instagram, x]", status="published",
                  date="2026-11-05T10:00:00+03:00")
    repo.post("other", "Başka bir gönderi: iade süreleri uzadı, ayrıntılar sitede.", platforms="[instagram]",
              status="published", date="2026-11-05T11:00:00+03:00")
    repo.post("draft", TEXT, platforms="[instagram]", status="draft", date="2026-11-05T10:00:00+03:00")
    repo.write("exports/ig.csv", "Post ID,Account username,Publish time,Permalink,Description,Reach,Likes\n"
                                 f"111,o,11/05/2026 10:02,https://www.instagram.com/p/AAA/,\"{TEXT}\",1000,50\n"
                                 "222,o,11/09/2026 10:00,https://www.instagram.com/p/BBB/,Hikâye,500,5\n")
    repo.write("exports/x.csv", "Post id,Date,Post text,Post Link,Impressions,Likes\n"
                                f"9,\"Thu, Nov 05, 2026\",\"{TEXT[:60]}\",https://x.com/o/status/9,800,4\n")
    assert repo.run("metrics", "import", "--at", "2026-11-12T10:00", "exports/ig.csv", "exports/x.csv")[0] == 0
    before = a.read_text(encoding="utf-8")
    code, out, _ = repo.run("metrics", "link")
    assert code == 0 and "2 öneri" in out and "--yes" in out
    assert a.read_text(encoding="utf-8") == before  # not confirmed: nothing written
    code, out, _ = repo.run("metrics", "link", "--yes")
    assert code == 0
    after = a.read_text(encoding="utf-8")
    assert 'posted:\n  instagram: "https://www.instagram.com/p/AAA/"\n  x: "https://x.com/o/status/9"\n---' in after
    assert after.replace('posted:\n  instagram: "https://www.instagram.com/p/AAA/"\n  x: "https://x.com/o/status/9"\n',
                         "") == before
    assert not repo.findings(rule="posted") and not repo.findings(rule="schema")
    code, out, _ = repo.run("metrics", "link")
    assert "0 öneri" in out  # BBB (a story) is left alone
    import json

    doc = json.loads(repo.run("report", "--format", "json")[1])
    linked = {p["post_id"]: p["path"] for p in doc["posts"]}
    assert linked["111"].endswith("kis.md") and linked["9"].endswith("kis.md") and linked["222"] is None
    x = next(p for p in doc["posts"] if p["post_id"] == "9")
    assert x["published"] == "2026-11-05T10:00+03:00"  # the day from X, the time from the post
