"""Logs for machines: one JSON line per request with its id, the id in the response header."""

import io
import json
import logging

import pytest
from django.urls import reverse

from core.logging import JsonLinesStream, django_logging, json_formatter, text_formatter
from core.request_id import HEADER

pytestmark = pytest.mark.django_db

FIELDS = {"time", "level", "event", "logger", "request_id", "user_id", "method", "path", "status"}


@pytest.fixture
def request_log():
    """The request logger's lines, rendered by the JSON formatter the production settings use."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    logger = logging.getLogger("seta.request")
    logger.addHandler(handler)
    level, logger.level = logger.level, logging.INFO
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.level = level


def test_a_request_logs_one_json_line_with_id_user_method_path_status_and_duration(
    editor, adviseur, request_log
):
    response = editor.get(reverse("case-list"), {"q": "geheime zoekterm"})
    [line] = request_log()
    assert FIELDS | {"duration_ms"} <= set(line)
    assert line["event"] == "request" and line["level"] == "info"
    assert line["request_id"] == response[HEADER] and len(response[HEADER]) == 32
    assert (line["user_id"], line["method"], line["path"], line["status"]) == (
        adviseur.pk,
        "GET",
        "/cases/",
        200,
    )
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["time"].endswith("Z")
    assert "geheime" not in json.dumps(line)  # the query (search terms) is not logged


def test_an_anonymous_request_logs_no_user_and_the_redirect(client, request_log):
    response = client.get(reverse("case-list"))
    [line] = request_log()
    assert (line["status"], line["user_id"]) == (302, None)
    assert line["request_id"] == response[HEADER]


def test_each_request_gets_its_own_id(editor, request_log):
    first, second = editor.get(reverse("case-list")), editor.get(reverse("case-list"))
    assert first[HEADER] != second[HEADER]
    assert [line["request_id"] for line in request_log()] == [first[HEADER], second[HEADER]]


@pytest.mark.parametrize(
    "incoming",
    ["0d4f1f5e-6c2b-4f0e-9a53-1d2b8c1a7e10", "3f2a9c1e4b5d6a7f8e9d0c1b2a3f4e5d", "Root-1.trace:abc_def"],
)
def test_a_well_formed_incoming_request_id_is_kept(editor, request_log, incoming):
    response = editor.get(reverse("case-list"), headers={HEADER: incoming})
    assert response[HEADER] == incoming
    assert request_log()[0]["request_id"] == incoming


@pytest.mark.parametrize(
    "incoming",
    ["short", "x" * 129, "two words here", 'id"}\n{"level":"error', "<script>alert(1)</script>", ""],
)
def test_a_malformed_incoming_request_id_is_replaced(editor, request_log, incoming):
    response = editor.get(reverse("case-list"), headers={HEADER: incoming})
    assert response[HEADER] != incoming and len(response[HEADER]) == 32
    assert request_log()[0]["request_id"] == response[HEADER]


def test_the_request_id_is_in_the_header_of_error_pages_too(editor):
    response = editor.get("/cases/bestaat-niet/")
    assert response.status_code == 404 and len(response[HEADER]) == 32


def test_an_exception_is_one_json_line_with_its_traceback():
    record = logging.LogRecord("cases", logging.ERROR, __file__, 1, "render %s failed", ("x",), None)
    try:
        raise ValueError("kapot")
    except ValueError as error:
        record.exc_info = (type(error), error, error.__traceback__)
    [line] = json_formatter().format(record).splitlines()
    parsed = json.loads(line)
    assert parsed["event"] == "render x failed" and parsed["level"] == "error"
    assert "ValueError: kapot" in parsed["exception"]


def test_text_format_stays_readable_and_quiet_by_default():
    config = django_logging(log_format="text")
    assert config["root"]["level"] == "WARNING"
    assert config["handlers"]["console"]["formatter"] == "text"
    record = logging.LogRecord("cases", logging.WARNING, __file__, 1, "Let op", (), None)
    line = text_formatter().format(record)
    assert "Let op" in line and not line.startswith("{")
    assert django_logging(log_format="json")["root"]["level"] == "INFO"


def test_stray_stderr_lines_become_json_lines():
    original = io.StringIO()
    stream = JsonLinesStream(original)
    stream.write("Launching a worker")
    assert original.getvalue() == ""  # a line is written whole
    stream.write(" on all queues\nTraceback (most recent call last):\n")
    lines = [json.loads(line) for line in original.getvalue().splitlines()]
    assert [line["event"] for line in lines] == [
        "Launching a worker on all queues",
        "Traceback (most recent call last):",
    ]
    assert {line["logger"] for line in lines} == {"stderr"}


@pytest.mark.parametrize("formatter", [json_formatter, text_formatter])
@pytest.mark.parametrize(("status", "traceback"), [(403, False), (404, False), (500, True)])
def test_a_client_error_is_logged_without_the_traceback_a_server_error_keeps(formatter, status, traceback):
    """Django logs a 403 or 404 with the exception behind it; only a 5xx needs its traceback."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError("achter de schermen")
        except ValueError as error:
            logger.warning("Not Found: %s", "/cases/x/", extra={"status_code": status}, exc_info=error)
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "Not Found: /cases/x/" in text
    assert ("achter de schermen" in text) is traceback
    assert ("Traceback" in text or "ValueError" in text) is traceback
