"""The MkDocs plugin ``ekip``: a thin adapter between MkDocs and ``checks.site.generate``.

``on_config`` chooses the site's language, sets Material's ``theme.language`` to it and adds the
stylesheet; ``on_files`` reads the brand and the posts, runs the checker once, and adds every
generated file as a ``File.generated``: the calendar overview, the month pages and the brand
guide in the navigation (see ``checks.site.nav``), the post previews out of it (``NOT_IN_NAV``:
Material renders the whole navigation on every page, so 2,000 previews in it would make the
build several times slower); they are linked from the month pages. Previews are generated as
HTML (``SiteFile.html``): ``on_page_content`` puts that HTML in place of the rendered Markdown,
``on_post_page`` adds the part that search must not index (after the search plugin read the
page), and ``on_env`` adds their light template (``checks.site.template``).
``on_page_markdown`` fills the ``{{marka:NAME}}`` placeholders of the hand-written handbook pages
with values from the brand (``checks.site.handbook``), so the handbook states what ``brand/``
enforces. ``on_serve`` makes ``mkdocs serve`` rebuild when ``content/`` or ``brand/`` change. While crisis
mode is on, ``on_post_page`` puts a banner at the top of every page (hand-written, generated
and previews alike), linking to the crisis handbook.

The language of the generated pages (``checks.i18n``) is chosen as for ``ekip`` commands,
without ``--lang``: ``EKIP_LANG``, then the brand's ``default_lang`` when brand.yml sets it, then the
locale, else Turkish. Material's own words (search box, "Table of contents", the footer) follow it:
``on_config`` sets ``theme.language`` to the same language when the theme has that setting (Material
does), unless the plugin option ``theme_language`` is false; then mkdocs.yml's ``theme.language``
stays as written. The hand-written handbook pages and the team's texts are not translated.

Hand-written pages pass through two gates: a file in the docs folder whose real path lies
outside the repository root (a symlink leading out) is dropped in ``on_files``, with a warning
(so ``--strict`` fails); a post template is published as ``checks.site.templates`` says
(embargo, personal data) in ``on_page_markdown``.

Options (``plugins: - ekip: {...}`` in mkdocs.yml):

``now``
    The time the site is built for (ISO 8601; without an offset it is brand-local): what is
    "upcoming", and which embargoes have passed. The environment variable ``EKIP_NOW``
    overrides it; without either, the current time.
``root``
    The repository root, the folder that holds ``brand/`` and ``content/`` (default: the folder
    of mkdocs.yml; a relative path is read from there).
``theme_language``
    Set the theme's ``language`` to the site's language (default: true).
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from html import escape as escape_html
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from checks import i18n
from checks.errors import EkipError
from checks.i18n import _
from checks.site import handbook, labels, nav, source, templates
from checks.site.generate import build_site
from checks.site.model import PREVIEW_TEMPLATE, STYLE
from checks.site.template import templates as page_templates
from checks.timeutil import parse

PLAYBOOK = "kriz/index.md"
PLAYBOOK_URL = "kriz/"
log = logging.getLogger("mkdocs.plugins.ekip")  # under "mkdocs": a warning fails --strict
NOW_ENV = "EKIP_NOW"
UNINDEXED_MARK = "<!-- ekip: unindexed -->"


class EkipPluginConfig(base.Config):
    now = c.Optional(c.Type((str, datetime)))
    root = c.Optional(c.Type(str))
    theme_language = c.Type(bool, default=True)


class EkipPlugin(BasePlugin[EkipPluginConfig]):
    def __init__(self) -> None:
        self._html: dict[str, str] = {}  # docs path -> HTML of the pages generated as HTML
        self._unindexed: dict[str, str] = {}  # docs path -> HTML added after search indexing
        self._titles: dict[str, str] = {}  # docs path -> plain title of the pages generated as HTML
        self._jobs: int | None = None
        self._brand: Any = None  # the brand of the last on_files, for the handbook placeholders
        self._root_dir: Path | None = None
        self._when: datetime | None = None  # the time the site is built for, for post templates
        self._banner: str | None = None  # crisis banner HTML, with {playbook} for the handbook's URL
        self._config_brand: Any = None  # the brand on_config loaded, used once by on_files

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` runs a server thread: no forked checker workers there (forking a
        # process that has threads can deadlock); a build checks large corpora in parallel.
        self._jobs = 1 if command == "serve" else None

    def _root(self, config: MkDocsConfig) -> Path:
        here = Path(config.config_file_path or ".").resolve().parent
        return (here / self.config.root).resolve() if self.config.root else here

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Choose the language (loading the brand applies its ``default_lang``) and give it to the
        theme; the brand is kept for ``on_files`` of the same build."""
        i18n.choose()  # EKIP_LANG or the locale; a no-op under i18n.using (tests)
        try:
            self._config_brand = source.load_brand_at(self._root(config))
        except EkipError as exc:
            raise PluginError(f"ekip: {exc}") from None
        if self.config.theme_language and "language" in config.theme:
            config.theme["language"] = i18n.language()
        if STYLE not in config.extra_css:
            config.extra_css.append(STYLE)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = self._root(config)
        try:
            brand = self._config_brand if self._config_brand is not None else source.load_brand_at(root)
            self._config_brand = None
            now = self._now(brand.timezone)
            found = source.load(root, now, brand, jobs=self._jobs)
        except EkipError as exc:
            raise PluginError(f"ekip: {exc}") from None
        self._brand, self._root_dir, self._when = found.brand, root, now
        for problem in found.metrics.problems if found.metrics is not None else []:  # as `ekip report` says them
            log.warning("ekip: %s", problem)
        _drop_outside(files, config.docs_dir, root)
        docs = [f.src_uri for f in files.documentation_pages()]
        generated = build_site(found.brand, found.posts, now, found.findings, builtin_ids=found.builtin_ids,
                               unreadable=found.unreadable, docs=docs,
                               directory_urls=config.use_directory_urls, metrics=found.metrics,
                               site_url=config.site_url or None, media=found.media)
        self._html = {g.path: g.html for g in generated if g.html is not None}
        self._titles = {g.path: g.title for g in generated if g.html is not None}
        self._unindexed = {g.path: g.html_unindexed for g in generated if g.html_unindexed}
        self._banner = crisis_banner(found.brand, files.get_file_from_path(PLAYBOOK) is not None)
        for g in generated:
            inclusion = InclusionLevel.INCLUDED if g.in_nav else InclusionLevel.NOT_IN_NAV
            existing = files.get_file_from_path(g.path)
            if existing is not None:  # a hand-written file where a generated one goes
                log.warning("ekip: " + _("the generated {path} replaces {file} in docs_dir; rename the "
                                         "hand-written file").format(path=g.path, file=existing.src_uri))
                files.remove(existing)
            files.append(File.generated(config, g.path, content=g.content, inclusion=inclusion))
        config.nav = nav.place(config.nav, generated)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A page generated as HTML gets its title and template here rather than from front
        matter. The title is HTML-escaped: Material writes ``page.meta.title`` into
        ``<title>`` as it is (a plain page title would go through Jinja's ``striptags``,
        which turns ``&lt;`` back into ``<``)."""
        title = self._titles.get(page.file.src_uri)
        if title is not None:
            page.meta = {**page.meta, "title": escape_html(title), "template": PREVIEW_TEMPLATE}
            return markdown
        if self._brand is None or self._root_dir is None:
            return markdown
        src = page.file.abs_src_path
        if src and self._when is not None:  # a post template: embargo, personal data
            shown = templates.publish(src, markdown, page.meta, self._brand, self._when)
            if shown is not None:
                page.meta = shown.meta
                markdown = shown.markdown
        try:
            return handbook.fill(markdown, self._brand, self._root_dir, page.file.src_uri)
        except EkipError as exc:
            raise PluginError(f"ekip: {exc}") from None

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated HTML page (a preview) replaces what its empty Markdown rendered; a marker
        holds the place of its unindexed part."""
        uri = page.file.src_uri
        generated = self._html.get(uri)
        if generated is None:
            return html
        return generated + UNINDEXED_MARK if uri in self._unindexed else generated

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """The unindexed part goes in once the search plugin has read the page
        (``on_page_context`` runs between ``on_page_content`` and this event)."""
        rest = self._unindexed.get(page.file.src_uri)
        if rest:
            output = output.replace(UNINDEXED_MARK, rest, 1)
        if self._banner is not None:
            output = with_banner(output, self._banner.replace("{playbook}", get_relative_url(PLAYBOOK_URL, page.url)))
        return output

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Add the preview template (``checks.site.template``) in front of the theme's."""
        loaders: list[jinja2.BaseLoader] = [jinja2.DictLoader(page_templates())]
        if env.loader is not None:
            loaders.append(env.loader)
        env.loader = jinja2.ChoiceLoader(loaders)
        return env

    def _now(self, tz: Any) -> datetime:
        raw = os.environ.get(NOW_ENV) or self.config.now
        if not raw:
            return datetime.now(tz)
        now = parse(raw, tz)
        if now is None:
            where = NOW_ENV if os.environ.get(NOW_ENV) else _("the 'now' option")
            raise PluginError("ekip: " + _("{where} {value!r} is not an ISO 8601 time (e.g. {example})").format(
                where=where, value=raw, example="2026-11-27T12:00:00+03:00"))
        return now

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self._root(config)
        for folder in ("content", "brand", "metrics"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


def crisis_banner(brand: Any, has_playbook: bool) -> str | None:
    """The banner every page carries while crisis mode is on (None when it is off). The team's
    words are escaped; ``{playbook}`` stands for the crisis handbook's URL from the page."""
    crisis = brand.crisis or {}
    if not crisis.get("active"):
        return None
    facts = []
    since = parse(crisis.get("since"), brand.timezone)
    if since is not None:
        facts.append(_("as of {time}").format(time=escape_html(labels.date_time(since.astimezone(brand.timezone)))))
    if crisis.get("severity") is not None:
        facts.append(_("severity {severity}").format(severity=escape_html(str(crisis["severity"]))))
    if crisis.get("reason"):
        facts.append(escape_html(str(crisis["reason"])))
    link = ' <a href="{playbook}">' + escape_html(_("Crisis handbook")) + "</a>" if has_playbook else ""
    detail = f": {'; '.join(facts)}." if facts else "."
    title = escape_html(_("Crisis mode on"))
    held = _("Planned posts are held (except those with <code>crisis: true</code>).")
    return f'<div class="ekip-kriz-bandi" role="alert"><strong>{title}</strong>{detail} {held}{link}</div>'


def with_banner(html: str, banner: str) -> str:
    """``banner`` at the top of the page: before Material's main container, else after ``<body>``."""
    at = html.find('<div class="md-container"')
    if at < 0:
        body = html.find("<body")
        at = html.find(">", body) + 1 if body >= 0 else 0
    return html[:at] + banner + html[at:]


def _drop_outside(files: Files, docs_dir: str, root: Path) -> None:
    """Remove the files of the docs folder that a symlink brings in from outside ``root``
    (the theme's own files, which live elsewhere, are not the docs folder's)."""
    docs = os.path.abspath(docs_dir) + os.sep
    real_root = os.path.realpath(root)
    for f in list(files):
        src = f.abs_src_path
        if not src or f.generated_by or not os.path.abspath(src).startswith(docs):
            continue
        real = os.path.realpath(src)
        if real != real_root and not real.startswith(real_root + os.sep):
            log.warning("ekip: " + _("{file} leads outside the repository (a symlink); not published").format(
                file=f.src_uri))
            files.remove(f)
