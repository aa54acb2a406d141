"""links.https, links.utm and links.count through real posts."""

from __future__ import annotations

import pytest

from checks.builtin.links import missing_utm
from checks.hosts import brand_domains

BRAND = "name: Test\nutm_domains: [ornek.com.tr]\n"
UTM = "utm_source=x&utm_medium=social&utm_campaign=yeni-sezon"


def link_findings(repo, body: str, platforms: str = "[facebook]", rule: str = "links"):
    repo.write("brand/brand.yml", BRAND)
    repo.post("p", body, platforms=platforms)
    return repo.findings(rule=rule)


def test_http_link(repo):
    found = link_findings(repo, "Ayrıntılar: http://baska.com/sayfa.", rule="links.https")
    assert len(found) == 1
    f = found[0]
    assert f["match"] == "http://baska.com/sayfa" and f["suggestions"] == ["https://baska.com/sayfa"]
    assert f["level"] == "warning"


def test_https_and_code_and_comments_are_fine(repo):
    body = "Ayrıntılar: https://baska.com/sayfa\n`http://ornek.local/ornek`\n<!-- http://eski.com -->"
    assert link_findings(repo, body, rule="links.https") == []


@pytest.mark.parametrize(
    ("url", "missing"),
    [
        (f"https://ornek.com.tr/kampanya?{UTM}", []),
        (f"https://www.ornek.com.tr/kampanya?{UTM}", []),
        (f"https://magaza.ornek.com.tr/?{UTM}#bolum", []),
        ("https://ornek.com.tr/kampanya", ["utm_source", "utm_medium", "utm_campaign"]),
        ("https://ORNEK.com.tr/kampanya?utm_source=x&utm_medium=social", ["utm_campaign"]),
        ("https://ornek.com.tr/?utm_source=x&utm_medium=&utm_campaign=a", ["utm_medium"]),
        ("ornek.com.tr/kampanya", ["utm_source", "utm_medium", "utm_campaign"]),
        ("www.ornek.com.tr/kampanya?utm_source=x", ["utm_medium", "utm_campaign"]),
        ("https://baska.com/kampanya", []),
        ("https://ornek.com.tr.baska.com/", []),
        ("https://sahteornek.com.tr/", []),
    ],
)
def test_utm_parameters(repo, url, missing):
    found = link_findings(repo, f"Bağlantı: {url} burada.", rule="links.utm")
    if not missing:
        assert found == []
    else:
        assert len(found) == 1
        for key in ("utm_source", "utm_medium", "utm_campaign"):
            assert (key in found[0]["message"].split(" eksik")[0]) == (key in missing)


def test_utm_without_brand_domains_is_silent(repo):
    repo.post("p", "https://ornek.com.tr/kampanya")
    assert repo.findings(rule="links.utm") == []


def test_brand_domains_normalised():
    assert brand_domains(["https://www.Ornek.com.tr/", "*.magaza.com", " "]) == ["ornek.com.tr", "magaza.com"]
    assert missing_utm("http://[::1", ["ornek.com.tr"]) == []


def test_threads_five_links_pass_six_fail(repo):
    five = " ".join(f"https://baska{i}.com" for i in range(5))
    assert link_findings(repo, "Bağlantılar: " + five, "[threads]", rule="links.count") == []
    found = link_findings(repo, "Bağlantılar: " + five + " https://altinci.com", "[threads]", rule="links.count")
    assert len(found) == 1
    assert found[0]["match"] == "https://altinci.com" and found[0]["level"] == "error"
    assert "Threads" in found[0]["message"] and "5" in found[0]["message"]


def test_link_count_only_for_platforms_with_a_limit(repo):
    many = " ".join(f"https://baska{i}.com" for i in range(8))
    assert link_findings(repo, many, "[facebook, x]", rule="links.count") == []
