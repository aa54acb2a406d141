"""Charts as inline SVG, written here (no JavaScript, no CDN: they render offline and in
print), each in a ``<figure>`` with its data as an HTML table beside it: the table is what a
screen reader reads (the SVG has ``role="img"`` and a title, and its marks are hidden from
assistive technology), and what a reader copies numbers from.

Colours come from the stylesheet (``checks.site.style``): the marks carry classes
(``ekip-seri-0`` …), text uses ``currentColor``, so the charts follow Material's light and
dark schemes. Every value is escaped; labels are the caller's (already plain text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape as h

from checks.i18n import _

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 16, 36
SERIES = 6  # colours in the stylesheet; more series reuse them

Fmt = Callable[[float], str]


def _ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    mag = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw) if raw >= 1 else raw
    start = (lo // step) * step
    out, v = [], start
    while v <= hi + step * 0.001:
        out.append(v)
        v += step
    return out


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    head = "".join(f'<th scope="col">{h(c)}</th>' for c in header)
    body = "".join("<tr>" + "".join((f'<th scope="row">{h(r[0])}</th>' if i == 0 else f"<td>{h(c)}</td>")
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return (f'<div class="ekip-veri"><table><caption>{h(caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _figure(svg: str, title: str, table: str) -> str:
    return f'<div class="ekip-grafik"><figure>{svg}<figcaption>{h(title)}</figcaption></figure>{table}</div>'


def _svg_open(title: str, height: int = HEIGHT) -> str:
    return (f'<svg class="ekip-svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{h(title)}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{h(title)}</title><g aria-hidden="true">')


def _y_axis(lo: float, hi: float, fmt: Fmt, height: int = HEIGHT) -> tuple[str, Callable[[float], float]]:
    ticks = _ticks(lo, hi)
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    span = (hi - lo) or 1
    plot = height - TOP - BOTTOM

    def y(v: float) -> float:
        return TOP + plot - (v - lo) / span * plot

    parts = []
    for t in ticks:
        parts.append(f'<line class="ekip-izgara" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}"/>'
                     f'<text class="ekip-eksen" x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{h(fmt(t))}</text>')
    return "".join(parts), y


def line_chart(title: str, x_labels: Sequence[str], series: dict[str, Sequence[float | None]], fmt: Fmt,
               table_header: str | None = None) -> str:
    """One line per series over ``x_labels`` (e.g. days); the table has a row per label, headed
    ``table_header`` (default: "Date" in the run's language)."""
    values = [v for vs in series.values() for v in vs if v is not None]
    if not values or not x_labels:
        return ""
    axis, y = _y_axis(min(values), max(values), fmt)
    n = len(x_labels)
    step = (WIDTH - LEFT - RIGHT) / max(n - 1, 1)

    def x(i: int) -> float:
        return LEFT + i * step

    parts = [_svg_open(title), axis]
    every = max(1, n // 6)
    for i in range(0, n, every):
        parts.append(f'<text class="ekip-eksen" x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" '
                     f'text-anchor="middle">{h(x_labels[i])}</text>')
    for k, vs in enumerate(series.values()):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vs) if v is not None)
        parts.append(f'<polyline class="ekip-cizgi ekip-seri-{k % SERIES}" fill="none" points="{points}"/>')
    parts.append("</g></svg>")
    legend = "".join(f'<span class="ekip-lejant"><span class="ekip-renk ekip-seri-{k % SERIES}"></span>'
                     f"{h(name)}</span>" for k, name in enumerate(series))
    rows = [[label, *("—" if (v := vs[i]) is None else fmt(v) for vs in series.values())]
            for i, label in enumerate(x_labels)]
    svg = "".join(parts) + f'<div class="ekip-lejantlar" aria-hidden="true">{legend}</div>'
    return _figure(svg, title, _table([table_header or _("Date"), *series], rows, title))


def bar_chart(title: str, items: Sequence[tuple[str, float | None]], fmt: Fmt, label_header: str,
              value_header: str, extra: Sequence[tuple[str, Sequence[str]]] = ()) -> str:
    """Horizontal bars, one per item; ``extra`` adds columns to the table only."""
    shown = [(label, v) for label, v in items if v is not None]
    if not shown:
        return ""
    bar, gap = 22, 8
    height = TOP + len(shown) * (bar + gap) + 8
    hi = max(v for _label, v in shown) or 1
    left = 150
    scale = (WIDTH - left - 70) / hi
    parts = [_svg_open(title, height)]
    for i, (label, v) in enumerate(shown):
        y = TOP + i * (bar + gap)
        short = label if len(label) <= 22 else label[:21] + "…"
        colour = i % SERIES if len(shown) <= SERIES else 0
        parts.append(f'<text class="ekip-eksen" x="{left - 8}" y="{y + bar * 0.7:.1f}" '
                     f'text-anchor="end">{h(short)}</text><rect class="ekip-cubuk ekip-seri-{colour}" x="{left}" '
                     f'y="{y}" width="{max(v * scale, 1):.1f}" height="{bar}" rx="3"/>'
                     f'<text class="ekip-deger" x="{left + max(v * scale, 1) + 6:.1f}" y="{y + bar * 0.7:.1f}">'
                     f"{h(fmt(v))}</text>")
    parts.append("</g></svg>")
    header = [label_header, value_header, *(name for name, _col in extra)]
    rows = [[label, fmt(v) if v is not None else "—", *(col[i] for _name, col in extra)]
            for i, (label, v) in enumerate(items)]
    return _figure("".join(parts), title, _table(header, rows, title))


def heatmap(title: str, rows: Sequence[str], cols: Sequence[str], cells: dict[tuple[int, int], tuple[float, int]],
            fmt: Fmt) -> str:
    """A grid (e.g. weekday × hour): ``cells[(row, col)] = (value, count)``; the table lists
    the cells that have a value."""
    if not cells:
        return ""
    left, top, cell_w, cell_h = 40, 22, (WIDTH - 40 - 8) / len(cols), 26
    height = top + len(rows) * cell_h + 8
    hi = max(v for v, _count in cells.values()) or 1
    parts = [_svg_open(title, height)]
    for j, c in enumerate(cols):
        if j % 3 == 0:
            parts.append(f'<text class="ekip-eksen" x="{left + (j + 0.5) * cell_w:.1f}" y="{top - 6}" '
                         f'text-anchor="middle">{h(c)}</text>')
    for i, r in enumerate(rows):
        parts.append(f'<text class="ekip-eksen" x="{left - 6}" y="{top + i * cell_h + cell_h * 0.65:.1f}" '
                     f'text-anchor="end">{h(r)}</text>')
        for j in range(len(cols)):
            x, y = left + j * cell_w, top + i * cell_h
            found = cells.get((i, j))
            if found is None:
                parts.append(f'<rect class="ekip-bos" x="{x:.1f}" y="{y}" width="{cell_w - 2:.1f}" '
                             f'height="{cell_h - 2}" rx="2"/>')
            else:
                level = 0.15 + 0.85 * found[0] / hi
                parts.append(f'<rect class="ekip-isi" x="{x:.1f}" y="{y}" width="{cell_w - 2:.1f}" '
                             f'height="{cell_h - 2}" rx="2" fill-opacity="{level:.2f}"/>')
    parts.append("</g></svg>")
    listed = sorted(cells.items(), key=lambda kv: (-kv[1][0], kv[0]))
    table = _table([_("Day and hour"), _("Value"), _("Posts")],
                   [[f"{rows[i]} {cols[j]}", fmt(v), str(n)] for (i, j), (v, n) in listed], title)
    return _figure("".join(parts), title, table)
