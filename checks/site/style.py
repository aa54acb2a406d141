"""The site's own CSS (a Python string so that it ships inside the package)."""

from __future__ import annotations

CSS = """\
/* Ekip: generated calendar and preview pages. */
/* Crisis mode: a banner on every page. */
.ekip-kriz-bandi {
  padding: 0.6rem 1rem;
  background: #b71c1c;
  color: #fff;
  font-size: 0.8rem;
  line-height: 1.4;
  text-align: center;
}
.ekip-kriz-bandi a, .ekip-kriz-bandi code { color: #fff; text-decoration: underline; background: none; }
/* Post images in a preview. */
.md-typeset ul.ekip-gorseller { list-style: none; margin-left: 0; }
.md-typeset ul.ekip-gorseller li { margin-left: 0; }
.md-typeset .ekip-gorsel img { max-width: 24rem; max-height: 24rem; border-radius: 0.4rem; }
.md-typeset .ekip-gorsel figcaption { max-width: 24rem; margin: 0.3rem 0 0; }
/* Wide tables of the brand guide: long cells wrap instead of pushing the table off the page. */
.md-typeset table:not([class]) td { overflow-wrap: anywhere; }
.md-typeset .ekip-gonderi {
  max-width: 36rem;
  padding: 0.8rem 1rem;
  border: 1px solid var(--md-default-fg-color--lightest);
  border-radius: 0.6rem;
  background: var(--md-code-bg-color);
  overflow-wrap: anywhere;
}
.md-typeset .ekip-gonderi p:first-child { margin-top: 0; }
.md-typeset .ekip-gonderi p:last-child { margin-bottom: 0; }
.md-typeset .ekip-ambargo {
  display: inline-block;
  padding: 0 0.4em;
  border-radius: 0.2rem;
  background: var(--md-default-fg-color--lightest);
  color: var(--md-default-fg-color);
  font-weight: 700;
}
/* Calendar tables: full width, the same columns in every week. Material wraps a table in
   .md-typeset__scrollwrap > .md-typeset__table once its script runs. */
.md-typeset .ekip-takvim + .md-typeset__scrollwrap .md-typeset__table { display: block; }
.md-typeset .ekip-takvim + table,
.md-typeset .ekip-takvim + .md-typeset__scrollwrap table {
  display: table;
  width: 100%;
  table-layout: fixed;
}
.md-typeset .ekip-takvim + table th:nth-child(1),
.md-typeset .ekip-takvim + .md-typeset__scrollwrap th:nth-child(1) { width: 15%; }
.md-typeset .ekip-takvim + table th:nth-child(2),
.md-typeset .ekip-takvim + .md-typeset__scrollwrap th:nth-child(2) { width: 16%; }
.md-typeset .ekip-takvim + table th:nth-child(3),
.md-typeset .ekip-takvim + .md-typeset__scrollwrap th:nth-child(3) { width: 27%; }
.md-typeset .ekip-takvim + table th:nth-child(7),
.md-typeset .ekip-takvim + .md-typeset__scrollwrap th:nth-child(7) { width: 9%; }
.md-typeset .ekip-takvim + table td,
.md-typeset .ekip-takvim + .md-typeset__scrollwrap td { overflow-wrap: anywhere; }
.md-typeset .ekip-etiket {
  margin-bottom: 0.4em;
  color: var(--md-default-fg-color--light);
  font-size: 0.7rem;
  font-weight: 700;
  letter-spacing: 0.05em;
  text-transform: uppercase;
}
.md-typeset .ekip-gorsel { color: var(--md-default-fg-color--light); font-style: italic; }
/* Reports: a chart with its data table beside it (below it on narrow screens). */
.md-typeset .ekip-grafik {
  display: grid;
  grid-template-columns: minmax(0, 2fr) minmax(14rem, 1fr);
  gap: 1rem;
  align-items: start;
  margin: 1em 0;
}
@media screen and (max-width: 60em) {
  .md-typeset .ekip-grafik { grid-template-columns: minmax(0, 1fr); }
}
.md-typeset .ekip-grafik figure { display: block; width: 100%; max-width: none; margin: 0; }
.md-typeset .ekip-grafik figcaption { font-size: 0.7rem; color: var(--md-default-fg-color--light); }
.md-typeset .ekip-veri { max-height: 22rem; overflow: auto; font-size: 0.7rem; }
.md-typeset .ekip-veri table { margin: 0; }
.md-typeset .ekip-veri caption { caption-side: top; text-align: left; font-weight: 700; padding-bottom: 0.3em; }
.md-typeset .ekip-svg { display: block; width: 100%; height: auto; color: var(--md-default-fg-color); font-size: 11px; }
.ekip-svg .ekip-eksen, .ekip-svg .ekip-deger { fill: currentColor; }
.ekip-svg .ekip-eksen { fill-opacity: 0.7; }
.ekip-svg .ekip-izgara { stroke: currentColor; stroke-opacity: 0.15; }
.ekip-svg .ekip-cizgi { stroke-width: 2.5; stroke-linejoin: round; }
.ekip-svg .ekip-bos { fill: currentColor; fill-opacity: 0.05; }
.ekip-svg .ekip-isi { fill: var(--md-primary-fg-color); }
[data-md-color-scheme="slate"] .ekip-svg .ekip-isi { fill: var(--md-accent-fg-color); }
.ekip-seri-0 { stroke: #3f51b5; fill: #3f51b5; background: #3f51b5; }
.ekip-seri-1 { stroke: #e8710a; fill: #e8710a; background: #e8710a; }
.ekip-seri-2 { stroke: #0f9d58; fill: #0f9d58; background: #0f9d58; }
.ekip-seri-3 { stroke: #c2185b; fill: #c2185b; background: #c2185b; }
.ekip-seri-4 { stroke: #00897b; fill: #00897b; background: #00897b; }
.ekip-seri-5 { stroke: #8d6e63; fill: #8d6e63; background: #8d6e63; }
[data-md-color-scheme="slate"] .ekip-seri-0 { stroke: #8c9eff; fill: #8c9eff; background: #8c9eff; }
[data-md-color-scheme="slate"] .ekip-seri-1 { stroke: #ffb74d; fill: #ffb74d; background: #ffb74d; }
[data-md-color-scheme="slate"] .ekip-seri-2 { stroke: #69f0ae; fill: #69f0ae; background: #69f0ae; }
[data-md-color-scheme="slate"] .ekip-seri-3 { stroke: #f48fb1; fill: #f48fb1; background: #f48fb1; }
[data-md-color-scheme="slate"] .ekip-seri-4 { stroke: #4db6ac; fill: #4db6ac; background: #4db6ac; }
[data-md-color-scheme="slate"] .ekip-seri-5 { stroke: #bcaaa4; fill: #bcaaa4; background: #bcaaa4; }
.ekip-svg polyline.ekip-cizgi { fill: none; }
.md-typeset .ekip-lejantlar { font-size: 0.7rem; display: flex; flex-wrap: wrap; gap: 0.8em; }
.md-typeset .ekip-renk {
  display: inline-block; width: 0.8em; height: 0.8em; border-radius: 0.2em; margin-right: 0.3em;
}
"""
