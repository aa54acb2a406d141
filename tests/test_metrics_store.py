"""The stored metrics files under ``metrics/``: the fast reading of snapshot files as the import
writes them agrees with the csv module's reading, and a hand-edited or broken stored file
(a merge conflict, a short row, a word where a number goes, another encoding) never stops a
report nor an import with a traceback: the report leaves out what it cannot read and says
where, naming file and line and never the cell's content; the import stops before it would
write such a file again, and writes nothing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.metrics import curves, store
from tests.conftest import Repo

HEADER = ",".join(store.POST_COLUMNS)
SECRET = "05321234567"  # a phone number where a count goes: it must never be repeated

_TIMES = st.sampled_from(["2027-01-01T10:00+03:00", "2027-01-01T10:00+00:00", "2027-01-01T23:30+03:00",
                          "2027-01-02T00:00+03:00", "2026-12-31T21:00-05:00", "2027-01-01T10:00:30+03:00"])
_COUNT = st.one_of(st.just(""), st.integers(0, 10**7).map(str))
_TEXT = st.one_of(st.just(""), st.text(st.sampled_from("aç ,\"\x1f\n#İ"), max_size=8))
_ROW = st.tuples(st.sampled_from(["1", "2", "10", "x9"]), _TIMES, st.one_of(st.just(""), _TIMES),
                 st.lists(_COUNT, min_size=10, max_size=10), _TEXT)


def encode(rows: list[tuple], sort: bool) -> str:
    dicts = [{"at": at, "post_id": pid, "permalink": "", "published": published, "type": "image",
              **dict(zip(store.POST_COLUMNS[5:15], counts, strict=True)), "text": text}
             for pid, at, published, counts, text in rows]
    if sort:
        dicts.sort(key=lambda d: (d["post_id"], d["at"]))
    return store.encode(store.POST_COLUMNS, dicts).decode("utf-8")


def by_csv(text: str) -> dict:
    times: dict[str, float] = {}
    rows, problems = store.parse_post_text(text, "f.csv", times)
    assert problems == []
    return curves.fold(rows, times)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ROW, max_size=25), st.booleans())
def test_the_fast_reading_gives_what_the_csv_module_gives(rows, sort):
    text = encode(rows, sort)
    fast = curves.fold_text(text, {})
    if fast is not None:
        assert fast == by_csv(text)
    plain = all("," not in r[4] and '"' not in r[4] and "\n" not in r[4] for r in rows)
    if sort and plain:  # what the import writes: the fast reading takes it
        assert fast is not None


def test_the_fast_reading_leaves_other_files_to_the_csv_module():
    good = encode([("1", "2027-01-01T10:00+03:00", "2027-01-01T09:00+03:00", ["5"] * 10, "metin")], True)
    assert curves.fold_text(good, {}) == by_csv(good)
    for other in (good.replace("\n", "\r\n"),  # a checkout with CRLF line ends
                  good + "\n",  # a blank line
                  good.replace("image", '"image"'),  # a quoted cell
                  good.replace(HEADER, HEADER.replace("text", "metin")),  # another header
                  good.replace(",5,", ",5 ,", 1),  # not a count
                  good.replace("T10:00+03:00", "T10:00", 1)):  # no offset
        assert curves.fold_text(other, {}) is None
    assert by_csv(good.replace("\n", "\r\n")) == by_csv(good)


def write_snapshots(repo: Repo, lines: list[str], name: str = "2027-01-01.csv") -> Path:
    return repo.write(f"metrics/instagram/posts/{name}", HEADER + "\n" + "".join(line + "\n" for line in lines))


def row(at: str, post_id: str = "1", likes: str = "10") -> str:
    return f"{at},{post_id},,2027-01-01T09:00+03:00,image,500,,400,{likes},1,1,1,1,,,"


def report(repo: Repo) -> tuple[int, str, str]:
    return repo.run("report", "--format", "json")


def test_a_broken_snapshot_file_is_reported_by_file_and_line_and_the_rest_counts(repo: Repo) -> None:
    good = [row("2027-01-01T10:00+03:00"), row("2027-01-01T11:00+03:00", likes="20"),
            row("2027-01-01T10:00+03:00", post_id="2")]
    write_snapshots(repo, good)
    code, expected, err = report(repo)
    assert code == 0 and err == ""
    broken = [
        "<<<<<<< HEAD",  # line 2: a merge conflict
        good[0],
        "",  # a blank line: nothing to say
        row("2027-01-01T10:30+03:00", likes=SECRET + "x"),  # line 5: not a count
        good[1],
        row("yarın"),  # line 7: not a time
        row("2027-01-01T10:45"),  # line 8: no offset
        "=======",  # line 9
        good[2],
        ">>>>>>> main",  # line 11
        row("2027-01-01T12:00+03:00", post_id=""),  # line 12: no post id
    ]
    write_snapshots(repo, broken)
    code, out, err = report(repo)
    assert code == 0
    assert out == expected  # the same numbers as the file without the broken lines
    lines = err.splitlines()
    where = [line.split(": ")[1] for line in lines]
    assert where == [f"metrics/instagram/posts/2027-01-01.csv:{n}" for n in (2, 5, 7, 8, 9, 11, 12)]
    assert "likes bir tam sayı değil" in lines[1] and "at, UTC farkıyla" in lines[3]
    assert all(line.endswith("satır rapora alınmadı") for line in lines)
    assert SECRET not in err and "Traceback" not in err
    code, out, err2 = report(repo)  # from the caches: the same words again
    assert (code, out, err2) == (0, expected, err)


def test_unreadable_stored_files_are_left_out_with_a_reason(repo: Repo) -> None:
    write_snapshots(repo, [row("2027-01-01T10:00+03:00")])
    repo.write("metrics/instagram/posts/2027-01-02.csv", (HEADER + "\n" + row("2027-01-02T10:00+03:00", "ş")
                                                          + "\n").encode("cp1254"))
    repo.write("metrics/instagram/posts/2027-01-03.csv", HEADER + "\n" + row("2027-01-03T10:00+03:00") + "\x00\n")
    repo.write("metrics/instagram/posts/2027-01-04.csv", "tarih,gönderi\n1,2\n")
    repo.write("metrics/instagram/followers.csv", f"date,followers,gained,lost\n2027-01-01,100,,\n"
                                                  f"2027-01-02,{SECRET}x,,\n2027-01-03,120\n2027-01-04,130,,\n")
    repo.write("metrics/ga4/2027-01-01_2027-01-31.csv",
               "campaign,date,sessions,conversions,revenue\nkis,,100,5,\nyaz,,çok,5,\nbahar,,100,5,1.234,5\n")
    repo.write("metrics/instagram/audience/2027-01-01.csv", "dimension,value,followers,share\nyaş,18-24,,%12\n")
    code, out, err = report(repo)
    assert code == 0, err
    assert [p["post_id"] for p in json.loads(out)["posts"]] == ["1"]  # the readable file's post
    assert SECRET not in err and "Traceback" not in err
    said = {line.split(": ")[1]: line for line in err.splitlines()}
    assert set(said) == {"metrics/instagram/posts/2027-01-02.csv:2", "metrics/instagram/posts/2027-01-03.csv:2",
                         "metrics/instagram/posts/2027-01-04.csv:1", "metrics/instagram/followers.csv:3",
                         "metrics/instagram/followers.csv:4", "metrics/ga4/2027-01-01_2027-01-31.csv:3",
                         "metrics/ga4/2027-01-01_2027-01-31.csv:4", "metrics/instagram/audience/2027-01-01.csv:2"}
    assert "UTF-8" in said["metrics/instagram/posts/2027-01-02.csv:2"]
    assert said["metrics/instagram/posts/2027-01-04.csv:1"].endswith("dosya rapora alınmadı")
    assert "sessions bir tam sayı değil" in said["metrics/ga4/2027-01-01_2027-01-31.csv:3"]
    code, _out, err_en = repo.run("--lang", "en", "report", "--format", "json")
    assert code == 0 and "the row is left out of the report" in err_en and "followers is not a whole" in err_en


def test_an_import_stops_before_it_would_write_a_broken_stored_file_again(repo: Repo) -> None:
    data = Path(__file__).parent / "data" / "metrics"
    code, _, err = repo.run("metrics", "import", "--at", "2026-11-30T23:00:00+03:00",
                            str(data / "meta-instagram-posts-en.csv"))
    assert code == 0, err
    stored = sorted((repo.root / "metrics" / "instagram" / "posts").glob("*.csv"))[0]
    lines = stored.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "<<<<<<< HEAD\n")
    stored.write_text("".join(lines), encoding="utf-8")
    before = {p: p.read_bytes() for p in (repo.root / "metrics").rglob("*") if p.is_file()}
    code, _out, err = repo.run("metrics", "import", "--at", "2026-12-05T23:00:00+03:00",
                              str(data / "meta-instagram-posts-en.csv"))
    assert code == 2
    assert f"{stored.relative_to(repo.root).as_posix()}:3" in err and "Hiçbir şey yazılmadı" in err
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in (repo.root / "metrics").rglob("*") if p.is_file()} == before


def test_the_csv_reading_of_a_quoted_file_keeps_every_row(repo: Repo) -> None:
    """Texts with commas, quotes and line breaks (quoted cells) take the csv module's way and
    lose nothing."""
    text = encode([("1", "2027-01-01T10:00+03:00", "2027-01-01T09:00+03:00", ["3"] * 10, 'a, "b"\nc'),
                   ("1", "2027-01-01T11:00+03:00", "2027-01-01T09:00+03:00", ["4"] * 10, "")], True)
    assert curves.fold_text(text, {}) is None
    folded = by_csv(text)
    assert folded["1"][4] == ("2027-01-01T10:00+03:00", 'a, "b"\nc') and folded["1"][2] == [15, 20]
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 3
