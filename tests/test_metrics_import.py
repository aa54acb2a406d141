"""``ekip metrics import``: every supported export, in English and Turkish, into metrics/."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from checks.metrics.numbers import NumberError, decimal_mark, parse_number

DATA = Path(__file__).parent / "data" / "metrics"
AT = "2026-11-30T23:00:00+03:00"
PAIRS = [  # (English export, Turkish export, platform)
    ("meta-instagram-posts-en.csv", "meta-instagram-posts-tr.csv", "instagram"),
    ("meta-facebook-posts-en.csv", "meta-facebook-posts-tr.csv", "facebook"),
    ("x-posts-en.csv", "x-posts-tr.csv", "x"),
    ("linkedin-content-en.xlsx", "linkedin-content-tr.xlsx", "linkedin"),
    ("tiktok-content-en.csv", "tiktok-content-tr.xlsx", "tiktok"),
]


def stored(root: Path, pattern: str) -> list[dict[str, str]]:
    rows = []
    for f in sorted(root.glob(pattern)):
        rows += list(csv.DictReader(io.StringIO(f.read_text(encoding="utf-8"))))
    return rows


def snapshot(root: Path) -> dict[str, bytes]:
    files = sorted((root / "metrics").rglob("*"))
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files if p.is_file()}


def test_sample_files_cover_both_languages_separators_and_bom():
    """The fixtures really have what the other tests rely on."""
    raw = {p.name: p.read_bytes() for p in DATA.iterdir()}
    assert raw["meta-instagram-posts-en.csv"].startswith(b"\xef\xbb\xbf")
    tr = raw["meta-instagram-posts-tr.csv"].decode("utf-8-sig")
    assert tr.splitlines()[0].startswith("Gönderi kimliği;") and ";" in tr
    assert any("." in cell and cell.replace(".", "").isdigit() for cell in tr.replace("\r\n", ";").split(";"))
    assert "%" in raw["tiktok-audience-tr.csv"].decode("utf-8-sig") and "," in raw["tiktok-audience-tr.csv"].decode()
    assert raw["linkedin-content-en.xlsx"].startswith(b"PK")
    assert raw["ga4-campaigns-en.csv"].startswith(b"# ")


@pytest.mark.parametrize(("en", "tr", "platform"), PAIRS)
def test_english_and_turkish_exports_store_the_same_numbers(repo, make_repo, tmp_path, en, tr, platform):
    code, out, err = repo.run("metrics", "import", "--at", AT, str(DATA / en))
    assert code == 0, err
    english = stored(repo.root, f"metrics/{platform}/posts/*.csv")
    assert english and "yeni gönderi satırı" in out
    other = tmp_path / "other"
    other.mkdir()
    (other / "brand").mkdir()
    (other / "brand" / "brand.yml").write_text((repo.root / "brand" / "brand.yml").read_text(encoding="utf-8"))
    from tests.conftest import Repo

    second = Repo(other)
    code, out, err = second.run("metrics", "import", "--at", AT, str(DATA / tr))
    assert code == 0, err
    turkish = stored(other, f"metrics/{platform}/posts/*.csv")
    counts = ("impressions", "views", "reach", "likes", "comments", "shares", "saves", "clicks", "follows")
    assert [[r[c] for c in ("post_id", "permalink", "published", *counts)] for r in english] == \
           [[r[c] for c in ("post_id", "permalink", "published", *counts)] for r in turkish]
    assert any(int(r[c] or 0) >= 1000 for r in english for c in counts), \
        "the fixtures should have numbers with thousands separators"


def test_meta_views_and_post_ids(repo):
    code, _, err = repo.run("metrics", "import", "--at", AT, str(DATA / "meta-instagram-posts-en.csv"))
    assert code == 0, err
    rows = stored(repo.root, "metrics/instagram/posts/*.csv")
    first = next(csv.DictReader(io.StringIO((DATA / "meta-instagram-posts-en.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["post_id"] == first["Post ID"])
    assert row["views"] == first["Views"].replace(",", "") and row["impressions"] == ""
    assert row["reach"] == first["Reach"].replace(",", "")
    assert row["permalink"] == first["Permalink"]
    month, day, rest = first["Publish time"].split("/")
    assert row["published"].startswith(f"{rest[:4]}-{month}-{day}T{rest[5:]}")
    assert row["published"].endswith("+03:00")


def test_x_legacy_and_new_exports_agree(repo):
    code, _, err = repo.run("metrics", "import", "--at", AT, str(DATA / "x-tweet-activity-legacy.csv"))
    assert code == 0, err
    legacy = {r["post_id"]: r for r in stored(repo.root, "metrics/x/posts/*.csv")}
    code, _out, err = repo.run("metrics", "import", "--at", "2026-11-30T23:30:00+03:00", str(DATA / "x-posts-en.csv"))
    assert code == 0, err
    new = [r for r in stored(repo.root, "metrics/x/posts/*.csv") if r["at"].startswith("2026-11-30T23:30")]
    for r in new:  # the legacy file has a time in UTC: the same post, the same counts
        old = legacy[r["post_id"]]
        assert old["published"][:10] == r["published"][:10]
        assert (old["likes"], old["comments"], old["shares"]) == (r["likes"], r["comments"], r["shares"])


def test_followers_audience_and_ga4(repo):
    files = ["meta-instagram-followers-en.csv", "meta-facebook-followers-tr.csv", "x-overview-en.csv",
             "linkedin-followers-en.xlsx", "tiktok-followers-en.csv", "tiktok-audience-tr.csv",
             "ga4-campaigns-en.csv", "ga4-campaigns-tr.csv"]
    code, _out, err = repo.run("metrics", "import", "--at", AT, *(str(DATA / f) for f in files))
    assert code == 0, err
    ig = {r["date"]: r for r in stored(repo.root, "metrics/instagram/followers.csv")}
    assert ig["2026-11-01"]["followers"] == "48000" and ig["2026-11-30"]["followers"] == "49440"
    fb = stored(repo.root, "metrics/facebook/followers.csv")
    assert len(fb) == 61 and all(r["followers"].isdigit() for r in fb)
    assert all(r["gained"] and not r["followers"] for r in stored(repo.root, "metrics/x/followers.csv"))
    li = stored(repo.root, "metrics/linkedin/audience/*.csv")
    assert {"dimension": "konum", "value": "İstanbul", "followers": "2350", "share": ""} in li
    tt = stored(repo.root, "metrics/tiktok/audience/*.csv")
    assert {"dimension": "cinsiyet", "value": "Kadın", "followers": "", "share": "61.4"} in tt
    nov = stored(repo.root, "metrics/ga4/2026-11-01_2026-11-30.csv")
    assert {"campaign": "kasim-indirimleri", "date": "", "sessions": "9000", "conversions": "162",
            "revenue": "184500"} in nov
    assert not any(r["campaign"] == "(not set)" for r in nov)
    oct_ = stored(repo.root, "metrics/ga4/2026-10-01_2026-10-31.csv")
    assert {"campaign": "yeni-sezon", "date": "", "sessions": "5760", "conversions": "83",
            "revenue": "92070.45"} in oct_
    assert "sheet skipped" not in err  # LinkedIn followers: every sheet is known


def test_reimport_adds_nothing(repo):
    files = [str(p) for p in sorted(DATA.iterdir())]
    code, _, err = repo.run("metrics", "import", "--at", AT, *files)
    assert code == 0, err
    before = snapshot(repo.root)
    assert len(before) > 10
    code, out, err = repo.run("metrics", "import", "--at", AT, *files)
    assert code == 0, err
    assert snapshot(repo.root) == before
    assert "Yeni bir şey yok" in out
    # A later export with the same numbers says nothing new either.
    code, out, _ = repo.run("metrics", "import", "--at", "2026-12-02T10:00:00+03:00", *files)
    assert snapshot(repo.root) == before and "Yeni bir şey yok" in out


def test_unknown_columns_name_the_file_and_change_nothing(repo):
    repo.run("metrics", "import", "--at", AT, str(DATA / "x-posts-en.csv"))
    before = snapshot(repo.root)
    bad = repo.write("exports/odd.csv", "Gönderi,Beğeni sayısı,Hava durumu\n1,2,güneşli\n")
    code, _out, err = repo.run("metrics", "import", "--at", "2026-12-01T10:00:00+03:00",
                              str(DATA / "meta-instagram-posts-en.csv"), str(bad))
    assert code == 2
    assert "odd.csv" in err and "'Beğeni sayısı'" in err and "'Hava durumu'" in err
    assert snapshot(repo.root) == before  # not even the good file went in


def test_a_bad_cell_names_file_line_and_column_and_changes_nothing(repo):
    rows = list(csv.reader(io.StringIO((DATA / "meta-instagram-posts-en.csv").read_text(encoding="utf-8-sig"))))
    likes = rows[0].index("Likes")
    rows[2][likes] = "çok"
    description = rows[0].index("Description")
    for r in rows[1:]:  # one line per row, so that the line number is the row's
        r[description] = "metin"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    bad = repo.write("exports/ig.csv", out.getvalue())
    code, _, err = repo.run("metrics", "import", "--at", AT, str(DATA / "x-posts-en.csv"), str(bad))
    assert code == 2
    assert "ig.csv:3" in err and "'Likes'" in err and "'çok'" in err
    assert not (repo.root / "metrics").exists()


def test_not_a_spreadsheet(repo):
    bad = repo.write("exports/x.xlsx", "not a zip")
    code, _, err = repo.run("metrics", "import", str(bad))
    assert code == 2 and "x.xlsx" in err and "Traceback" not in err
    code, _, err = repo.run("metrics", "import", "nowhere.csv")
    assert code == 2 and "nowhere.csv: böyle bir dosya yok" in err


def test_custom_preset_from_brand_metrics_yml(repo):
    repo.write("brand/metrics.yml", """\
presets:
  - id: sprout
    kind: posts
    platform_column: Network
    columns:
      Post ID: post_id
      Date: published
      Impressions: impressions
      Reactions: likes
      Comments: comments
""")
    f = repo.write("exports/sprout.csv", "Date,Network,Post ID,Impressions,Reactions,Comments\n"
                   "2026-11-05 10:00,Instagram,abc,\"12,000\",300,12\n2026-11-05 11:00,Twitter,42,900,10,1\n")
    code, _out, err = repo.run("metrics", "import", "--at", AT, str(f))
    assert code == 0, err
    ig = stored(repo.root, "metrics/instagram/posts/*.csv")
    x = stored(repo.root, "metrics/x/posts/*.csv")
    assert [(r["post_id"], r["impressions"], r["likes"]) for r in ig] == [("abc", "12000", "300")]
    assert [(r["post_id"], r["impressions"]) for r in x] == [("42", "900")]


def test_invalid_metrics_yml_stops_with_file_and_line(repo):
    repo.write("brand/metrics.yml", "presets:\n  - id: a\n    kind: posts\n    platform: instagram\n"
                                    "    columns: {Likes: likez}\n")
    code, _, err = repo.run("metrics", "import", str(DATA / "x-posts-en.csv"))
    assert code == 2 and "metrics.yml:5" in err and "likez" in err


@pytest.mark.parametrize(("raw", "mark", "value"), [
    ("1.234", ",", 1234), ("1,234", ".", 1234), ("%4,5", ",", 4.5), ("4.5%", ".", 4.5), ("1.234.567", ",", 1234567),
    ("12 345", ",", 12345), ("1.234,5", ",", 1234.5), ("0,05", ",", 0.05), ("-", ".", None), ("", ",", None),
])
def test_numbers(raw, mark, value):
    assert parse_number(raw, mark) == value


def test_decimal_mark_from_values_else_language():
    assert decimal_mark(["1.234", "%4,5"], ".") == ","
    assert decimal_mark(["1,234", "4.50"], ",") == "."
    assert decimal_mark(["1.234"], ",") == ","
    assert decimal_mark(["1,234"], ".") == "."
    with pytest.raises(NumberError):
        parse_number("12a", ".")
