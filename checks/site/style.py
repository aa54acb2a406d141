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
"""
