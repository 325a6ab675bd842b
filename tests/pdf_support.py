"""Helpers shared by the PDF tests (no tests here): reading PDFs as a reader would, a decoy server."""

import io
import re
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader


def pdf_reader(content: bytes) -> PdfReader:
    """A pypdf reader of a PDF's bytes."""
    return PdfReader(io.BytesIO(content))


def page_texts(content: bytes) -> list[str]:
    """The text of every page, as PDFium (Chromium's PDF engine) extracts it, lines ending in "\\n".

    PDFium reads a page's text some twenty times faster than pypdf, which the structure checks
    (`pdf_reader`) still use."""
    document = pdfium.PdfDocument(content)
    try:
        return [_page_text(document[index]) for index in range(len(document))]
    finally:
        document.close()


def _page_text(page) -> str:
    text_page = page.get_textpage()
    try:
        # PDFium marks a hyphen that ends a line with U+FFFE and joins the word across the break.
        return text_page.get_text_range().replace("\r\n", "\n").replace("\ufffe", "-")
    finally:
        text_page.close()
        page.close()


def pdf_text(content: bytes) -> str:
    """The text of the whole PDF, pages separated by form feeds."""
    return "\f".join(page_texts(content))


def squash(text: str) -> str:
    """Text without whitespace, to compare what a reader sees regardless of where lines break."""
    return re.sub(r"\s+", "", text)


def outline_pages(content: bytes) -> list[tuple[str, int, int]]:
    """The PDF's bookmarks (made from the headings) as (title, level, 0-based page number)."""
    reader = pdf_reader(content)
    found: list[tuple[str, int, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((item.title, level, reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return found


class DecoyServer:
    """A tiny HTTP server on 127.0.0.1 that records every request; the PDFs must never reach it."""

    def __init__(self):
        self.requests: list[str] = []
        decoy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                decoy.requests.append(self.path)
                if self.path.startswith("/redirect"):
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                body = b"body { background: red }"
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        # A short poll: shutdown() waits for the next one (0.5 s by default, after every test).
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    def __enter__(self) -> "DecoyServer":
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def start_and_render(client, url: str) -> bytes:
    """Start a PDF as a user does (POST on its start page), then render the queued export with its
    registered document, as the worker's render process does (here, in this process)."""
    from core.pdf.models import PdfExport

    response = client.post(url)
    assert response.status_code == 303, response.status_code
    token = re.search(r"/exports/([0-9a-f-]+)/$", response["Location"]).group(1)
    export = PdfExport.objects.get(token=token)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "export.pdf"
        export.document.render(export, target, lambda done, total: None)
        return target.read_bytes()


def run_worker():
    """Run every queued job to its end, in this process, on a connector of its own (as the worker does)."""
    from procrastinate.contrib.django import app

    with app.replace_connector(app.connector.get_worker_connector()):
        app.run_worker(wait=False, install_signal_handlers=False, listen_notify=False, queues=["pdf"])


def work_in_background() -> None:
    """The background worker for a browser test: in a thread of the test process, as Playwright's
    event loop runs in this one; the thread's database connections close with it."""
    from django.db import connections

    def work_once():
        run_worker()
        connections.close_all()

    worker = threading.Thread(target=work_once)
    worker.start()
    worker.join()


def download_when_ready(page, link_name: str):
    """The file behind the progress page's download link, once the page shows it (it reloads
    itself when the PDF is ready: static/js/pdf-export.js)."""
    link = page.get_by_role("link", name=link_name)
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    return download.value
