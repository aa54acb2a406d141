"""The page template of post previews, added to MkDocs' Jinja environment by the plugin.

Material renders the whole navigation into every page, which costs about as much as the rest
of the page; with thousands of previews that is most of the build. A preview extends
Material's ``main.html`` and replaces the navigation block with a short one: the top-level
entries, each linking to its first page (the drawer on small screens shows the same). The
table of contents is left out too: a preview has no Markdown headings.
"""

from __future__ import annotations

from html import escape

from checks.i18n import _
from checks.site.model import PREVIEW_TEMPLATE

SOURCE = """\
{% extends "main.html" %}
{% macro first_url(item) -%}
  {%- if item.children -%}{{ first_url(item.children | first) }}{%- else -%}{{ item.url | url }}{%- endif -%}
{%- endmacro %}
{% block site_nav %}
  {% if nav %}
    <div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation">
      <div class="md-sidebar__scrollwrap">
        <div class="md-sidebar__inner">
          <nav class="md-nav md-nav--primary" aria-label="@NAV_LABEL@" data-md-level="0">
            <label class="md-nav__title" for="__drawer">{{ config.site_name | e }}</label>
            <ul class="md-nav__list" data-md-scrollfix>
              {% for item in nav %}
                <li class="md-nav__item">
                  <a href="{{ first_url(item) }}" class="md-nav__link">
                    <span class="md-ellipsis">{{ item.title }}</span>
                  </a>
                </li>
              {% endfor %}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  {% endif %}
{% endblock %}
"""



def templates() -> dict[str, str]:
    """The templates by name, with their words in the run's language."""
    return {PREVIEW_TEMPLATE: SOURCE.replace("@NAV_LABEL@", escape(_("Navigation")))}
