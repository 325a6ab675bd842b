"""Safe rendering: WeasyPrint reads the application's static/pdf/ files and nothing else."""

import logging
import urllib.request

import pytest
from django.test import override_settings

from cases.pdf.rendering import case_pdf, html_to_pdf
from core.pdf.fetcher import BASE_URL, StaticFilesURLFetcher, URLRefused
from tests.factories import AssessmentFactory, CaseFactory, EventFactory, ParticipationFactory
from tests.pdf_support import DecoyServer, pdf_reader, pdf_text, squash

STYLESHEET = BASE_URL + "pdf.css"
FONTS = [BASE_URL + f"fonts/NotoSans-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")]
OWN_FILES = {STYLESHEET, *FONTS}


@pytest.fixture
def decoy():
    with DecoyServer() as server:
        yield server


def test_the_decoy_server_records_requests(decoy):
    """The server really answers, so its empty log below means nothing asked it."""
    with urllib.request.urlopen(f"{decoy.url}/probe") as response:
        assert response.status == 200
    assert decoy.requests == ["/probe"]


def test_fetcher_serves_the_pdf_stylesheet_and_fonts():
    fetcher = StaticFilesURLFetcher()

    stylesheet = fetcher.fetch(STYLESHEET)
    font = fetcher.fetch(FONTS[0])

    assert stylesheet.content_type == "text/css"
    assert b"@font-face" in stylesheet.read()
    assert font.content_type == "font/ttf"
    assert len(font.read()) > 100_000
    assert fetcher.served == [STYLESHEET, FONTS[0]]
    assert fetcher.refused == []


HOSTILE_URLS = [
    "{decoy}/evil.css",
    "{decoy}/redirect",
    "https://127.0.0.1:{port}/evil.css",
    "http://localhost:{port}/evil.css",
    "http://[::1]:{port}/evil.css",
    "http://169.254.169.254/latest/meta-data/",
    "https://example.org/static/pdf/pdf.css",
    "http://seta.invalid/static/pdf/pdf.css",
    "https://seta.invalid:443/static/pdf/pdf.css",
    "https://user@seta.invalid/static/pdf/pdf.css",
    "https://seta.invalid/static/pdf/pdf.css?x=1",
    "https://seta.invalid/static/pdf/pdf.css#top",
    "file:///etc/passwd",
    "file:///work/main/static/pdf/pdf.css",
    "data:text/css,body{{color:red}}",
    "ftp://127.0.0.1/evil.css",
    "pdf.css",
    "/static/pdf/pdf.css",
    "https://seta.invalid/static/pdf/../../seta/settings.py",
    "https://seta.invalid/static/pdf/%2e%2e/%2e%2e/seta/settings.py",
    "https://seta.invalid/static/pdf/fonts%2f..%2f..%2f..%2fseta%2fsettings.py",
    "https://seta.invalid/static/pdf/fonts/..\\..\\pdf.css",
    "https://seta.invalid/static/pdf//etc/passwd.css",
    "https://seta.invalid/static/pdf/fonts/OFL.txt",
    "https://seta.invalid/static/pdf/missing.css",
    "https://seta.invalid/static/admin/css/base.css",
    "https://seta.invalid/seta/settings.py",
]


@pytest.mark.parametrize("template", HOSTILE_URLS)
def test_fetcher_refuses_everything_else(template, decoy):
    url = template.format(decoy=decoy.url, port=decoy.port)
    fetcher = StaticFilesURLFetcher()

    with pytest.raises(URLRefused):
        fetcher.fetch(url)

    assert fetcher.requested == [url]
    assert fetcher.refused == [url]
    assert fetcher.served == []
    assert decoy.requests == []


def test_the_inherited_urllib_opener_is_refused_too(decoy):
    """URLFetcher is a urllib OpenerDirector; its open() must not bypass the checks."""
    fetcher = StaticFilesURLFetcher()

    with pytest.raises(URLRefused):
        fetcher.open(urllib.request.Request(f"{decoy.url}/redirect"))
    with pytest.raises(URLRefused):
        fetcher(f"{decoy.url}/evil.css")

    assert decoy.requests == []


def test_fetcher_refuses_a_link_out_of_the_static_directory(tmp_path):
    outside = tmp_path / "secret.css"
    outside.write_text("body { color: red }")
    static = tmp_path / "static"
    (static / "pdf").mkdir(parents=True)
    (static / "pdf" / "link.css").symlink_to(outside)
    (static / "pdf" / "own.css").write_text("body { color: black }")

    with override_settings(STATICFILES_DIRS=[static]):
        fetcher = StaticFilesURLFetcher()
        assert fetcher.fetch(BASE_URL + "own.css").read() == b"body { color: black }"
        with pytest.raises(URLRefused):
            fetcher.fetch(BASE_URL + "link.css")


def hostile_html(decoy: DecoyServer) -> str:
    """A print template gone wrong: every way HTML and CSS can make WeasyPrint fetch a URL."""
    url = decoy.url
    return f"""<!DOCTYPE html>
<html lang="nl"><head>
  <meta charset="utf-8"><title>Vijandig</title>
  <link rel="stylesheet" href="pdf.css">
  <link rel="stylesheet" href="{url}/link.css">
  <link rel="stylesheet" href="file:///etc/passwd">
  <link rel="attachment" href="{url}/attachment.txt" title="bijlage">
  <link rel="attachment" href="file:///etc/passwd">
  <link rel="attachment" href="fonts/OFL.txt">
  <style>
    @import url("{url}/import.css");
    @font-face {{ font-family: Vijand; src: url("{url}/font.ttf"); }}
    body {{ background: url("{url}/background.png"); }}
    h1::before {{ content: url("file:///etc/hostname"); }}
    li {{ list-style-image: url("https://localhost:{decoy.port}/bullet.png"); }}
  </style>
</head><body>
  <h1>Nog steeds leesbaar</h1>
  <img src="{url}/img.png" alt="x">
  <img src="{url}/redirect" alt="x">
  <img src="../../../seta/settings.py" alt="x">
  <img src="https://example.org/static/pdf/logo.png" alt="x">
  <object data="{url}/object.svg" type="image/svg+xml">object</object>
  <embed src="{url}/embed.svg" type="image/svg+xml">
  <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
    <image href="{url}/svg-image.png" width="10" height="10"/>
    <image xlink:href="file:///etc/passwd" width="10" height="10"/>
  </svg>
  <ul><li>Één ëigenaar, naïef café.</li></ul>
</body></html>"""


def test_a_hostile_template_fetches_nothing_and_still_renders(decoy, caplog):
    fetcher = StaticFilesURLFetcher()

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        content = html_to_pdf(hostile_html(decoy), url_fetcher=fetcher)

    assert content.startswith(b"%PDF-")
    assert "Nog steeds leesbaar" in pdf_text(content)
    assert squash("Één ëigenaar, naïef café.") in squash(pdf_text(content))
    assert set(fetcher.served) <= OWN_FILES
    assert STYLESHEET in fetcher.served
    assert set(fetcher.refused) == set(fetcher.requested) - set(fetcher.served)
    refused = set(fetcher.refused)
    for path in (
        "link.css",
        "attachment.txt",
        "import.css",
        "font.ttf",
        "background.png",
        "img.png",
        "redirect",
    ):
        assert f"{decoy.url}/{path}" in refused, path
    assert "file:///etc/passwd" in refused
    assert BASE_URL + "fonts/OFL.txt" in refused
    assert decoy.requests == []
    assert "/EmbeddedFiles" not in pdf_reader(content).trailer["/Root"].get("/Names", {})


@pytest.mark.django_db
def test_hostile_case_text_is_escaped_and_fetches_nothing(decoy):
    url = decoy.url
    payload = (
        f'<img src="{url}/summary.png"><link rel="attachment" href="{url}/attach.txt">'
        f'<style>body{{background:url({url}/bg.png)}}</style><base href="{url}/">'
    )
    case = CaseFactory(title=f"Casus <script>{url}</script>", summary=payload, lessons=payload)
    ParticipationFactory(case=case, note='<img src="file:///etc/passwd">')
    EventFactory(case=case, description=f'<link rel="stylesheet" href="{url}/event.css">')
    AssessmentFactory(case=case, urgency_answer=f'<object data="{url}/answer.svg"></object>')
    fetcher = StaticFilesURLFetcher()

    content = case_pdf(case, url_fetcher=fetcher)

    text = squash(pdf_text(content))
    assert squash(payload) in text
    assert squash(f'<object data="{url}/answer.svg"></object>') in text
    assert squash('<img src="file:///etc/passwd">') in text
    assert set(fetcher.requested) == set(fetcher.served) == OWN_FILES
    assert decoy.requests == []
