"""Logs for people and for machines: one configuration for Django, the worker and gunicorn.

`LOG_FORMAT=json`: every record, Django's, procrastinate's, gunicorn's and the app's own
(`structlog.get_logger()`), is one JSON object per line on stderr (gunicorn's access log on stdout),
with `time`, `level`, `event` and `logger`, the request's `request_id` (core/request_id.py),
and the fields a record carries: `method`, `path`, `status`, `duration_ms`, `user_id` for a request,
`job_id`, `task`, `action`, `duration_ms` for a procrastinate job. Whatever else reaches stderr
(a library's `print`, a traceback) becomes a JSON line too (`JsonLinesStream`). Anything else
(the default, `make run`): readable text, and only warnings unless LOG_LEVEL says otherwise.

Django reads this through `LOGGING_CONFIG = "core.logging.configure"` and `LOGGING =
django_logging(...)` in the settings; a gunicorn configuration file uses `gunicorn_logconfig_dict()`.
The module imports no Django, so gunicorn's master process can load it before the app.
"""

from __future__ import annotations

import datetime
import io
import json
import logging
import logging.config
import sys
from typing import Any

import structlog

JSON = "json"
TIME_KEY = "time"


def _record_fields(logger: Any, name: str, event_dict: dict) -> dict:
    """Lift the structured parts of a standard-library record into fields of their own."""
    record = event_dict.get("_record")
    args = event_dict.pop("positional_args", None)  # ProcessorFormatter(pass_foreign_args=True)
    if record is None:
        return event_dict
    if 400 <= getattr(record, "status_code", 0) < 500:
        # Django logs a 4xx with the exception behind it (Http404, PermissionDenied, …): the
        # client's mistake, whose traceback tells an operator nothing. A 5xx keeps its traceback.
        event_dict.pop("exc_info", None)
    job = getattr(record, "job", None)
    if isinstance(job, dict):  # procrastinate's worker (extra={"job": …, "duration": …})
        event_dict.setdefault("job_id", job.get("id"))
        event_dict.setdefault("task", job.get("task_name"))
    if getattr(record, "action", None) and record.name.startswith("procrastinate"):
        event_dict.setdefault("action", record.action)
    duration = getattr(record, "duration", None)
    if isinstance(duration, int | float):
        event_dict.setdefault("duration_ms", round(duration * 1000, 1))
    if record.name == "gunicorn.access" and isinstance(args, dict):
        atoms = args
        event_dict.update(
            method=atoms.get("m"),
            path=atoms.get("U"),
            status=int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else atoms.get("s"),
            duration_ms=round(atoms.get("D", 0) / 1000, 1),
            remote_addr=atoms.get("h"),
        )
        request_id = atoms.get("{x-request-id}o")
        if request_id:
            event_dict.setdefault("request_id", request_id)
    return event_dict


def _pre_chain() -> list:
    """What every record gets before rendering, from structlog and from the standard library."""
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key=TIME_KEY),
        _record_fields,
    ]


def json_formatter() -> structlog.stdlib.ProcessorFormatter:
    """One JSON object per line; an exception as its formatted traceback in `exception`."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_pre_chain(),
        pass_foreign_args=True,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(default=str),
        ],
    )


def text_formatter() -> structlog.stdlib.ProcessorFormatter:
    """Readable lines for a developer's terminal."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_pre_chain(),
        pass_foreign_args=True,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty(), timestamp_key=TIME_KEY),
        ],
    )


def default_level(log_format: str) -> str:
    """JSON logs keep the request and job lines (INFO); text logs only warnings, as before."""
    return "INFO" if log_format == JSON else "WARNING"


def django_logging(*, log_format: str, level: str | None = None) -> dict:
    """The `LOGGING` setting: every logger through one handler on stderr in the chosen format."""
    formatter = "json" if log_format == JSON else "text"
    level = (level or default_level(log_format)).upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "core.logging.json_formatter"},
            "text": {"()": "core.logging.text_formatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": formatter,
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own defaults send these to handlers of their own; here they join the root.
            "django": {"handlers": [], "level": level, "propagate": True},
            # runserver's request lines, as a developer knows them (no such lines under gunicorn)
            "django.server": {"handlers": [], "level": "INFO", "propagate": True},
            "py.warnings": {"handlers": [], "propagate": True},
        },
    }


def gunicorn_logconfig_dict(*, log_format: str = JSON, level: str | None = None) -> dict:
    """`logconfig_dict` for a gunicorn configuration file: its error log on stderr, access log on stdout.

    In a gunicorn config file: `from core.logging import gunicorn_logconfig_dict` and
    `logconfig_dict = gunicorn_logconfig_dict(log_format=os.environ.get("LOG_FORMAT", "json"))`.
    The app's own logging (Django's `LOGGING`) takes over the root logger in each worker.
    """
    formatter = "json" if log_format == JSON else "text"
    level = (level or "INFO").upper()
    config = django_logging(log_format=log_format, level=level)
    config["handlers"]["access"] = {
        "class": "logging.StreamHandler",
        "formatter": formatter,
        "stream": "ext://sys.stdout",
    }
    config["loggers"] = {
        "gunicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    }
    return config


class JsonLinesStream(io.TextIOBase):
    """A stderr that turns every line written to it into a JSON log line on the real stderr."""

    def __init__(self, original) -> None:
        super().__init__()
        self.original = original
        self._pending = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            if line.strip():
                self._emit(line)
        return len(text)

    def flush(self) -> None:
        self.original.flush()

    def close_pending(self) -> None:
        if self._pending.strip():
            self._emit(self._pending)
        self._pending = ""

    def _emit(self, line: str) -> None:
        record = {
            TIME_KEY: datetime.datetime.now(datetime.UTC).isoformat().replace("+00:00", "Z"),
            "level": "info",
            "event": line.rstrip(),
            "logger": "stderr",
        }
        self.original.write(json.dumps(record) + "\n")
        self.original.flush()

    def fileno(self) -> int:
        return self.original.fileno()

    def isatty(self) -> bool:
        return False


async def job_log_context(call_next, context, worker):
    """procrastinate worker middleware: the job's id and task on every line logged while it runs."""
    with structlog.contextvars.bound_contextvars(job_id=context.job.id, task=context.job.task_name):
        return await call_next()


def _log_uncaught(kind, value, traceback) -> None:
    logging.getLogger("uncaught").critical("Uncaught exception", exc_info=(kind, value, traceback))


def configure(config: dict) -> None:
    """`LOGGING_CONFIG`: apply `config` and set structlog up to render through the same handlers."""
    if isinstance(sys.stderr, JsonLinesStream):  # configured before in this process
        sys.stderr.close_pending()
        sys.stderr = sys.stderr.original
    logging.config.dictConfig(config)
    logging.captureWarnings(True)
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_pre_chain()[:-1],
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = config.get("handlers", {}).get("console", {})
    if handler.get("formatter") == "json":
        sys.stderr = JsonLinesStream(sys.stderr)
        sys.excepthook = _log_uncaught
