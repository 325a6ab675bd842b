"""Settings for SETA dossiers, read from the environment.

Fail safe: DEBUG is off unless the environment turns it on (`make run`, scripts/run.sh and the
test settings do), and with DEBUG off the app refuses to start without SECRET_KEY and
ALLOWED_HOSTS. The database defaults to the project-local PostgreSQL server that `make run`
starts (see seta/devdb.py). Every variable is listed in docs/configuration.md.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from core import logging as core_logging
from core.sentry import sentry_init
from seta import devdb

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_proxy_count(name: str) -> int:
    """A number of trusted proxies: `0`–`9`; `false`/unset is 0, and `true` (the older form) is 1."""
    if "SETA_PROXY_COUNT" in os.environ:
        raise ImproperlyConfigured("SETA_PROXY_COUNT is gone: SETA_BEHIND_PROXY is the number of proxies.")
    value = os.environ.get(name, "").strip().lower()
    if value in {"", "0", "false", "no", "off"}:
        return 0
    if value in {"true", "yes", "on"}:
        return 1
    if value.isdigit() and 0 < int(value) < 10:
        return int(value)
    raise ImproperlyConfigured(f"{name} must be the number of trusted reverse proxies (0-9), not {value!r}.")


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "") or ("insecure-local-development-key-only" if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
_missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not globals()[name]]
if _missing and not DEBUG:
    raise ImproperlyConfigured(
        f"{' and '.join(_missing)} must be set when DEBUG is off (DEBUG=true only for development);"
        " see docs/configuration.md."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "csp",
    "axes",
    "procrastinate.contrib.django",
    "core",
    "cases",
    "assessments",
    "explorations",
]

MIDDLEWARE = [
    "core.request_id.RequestIdMiddleware",
    "core.health.HealthCheckMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.IdleSessionMiddleware",
    "core.middleware.DutchByDefaultLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "core.middleware.PdfHeadMiddleware",
    "core.middleware.PrivateCacheControlMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "seta.urls"
WSGI_APPLICATION = "seta.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.menu",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or devdb.url(),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("SETA dossiers runs on PostgreSQL only: DATABASE_URL must be postgres://…")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "core.auth_backends.NoDemoAccountsInProductionBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (none yet; the PDF exports are in the "pdf_exports" storage below).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Finished PDFs: in PostgreSQL, so any web process serves what any worker made (core/pdf/storage.py).
    # Another Django storage (e.g. "storages.backends.s3.S3Storage" of django-storages) fits here.
    "pdf_exports": {
        "BACKEND": os.environ.get("SETA_PDF_STORAGE_BACKEND", "core.pdf.storage.DatabaseStorage")
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The PDF fonts (static/pdf/fonts) are read by WeasyPrint through the staticfiles finders and never
# sent to a browser; compressing their 2 MB with brotli was two thirds of collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "ttf"]

# Login throttling (django-axes): a while locked after repeated failures, per account and per address.
AXES_FAILURE_LIMIT = int(os.environ.get("SETA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("SETA_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A good login forgives only that account's failures from that address (core.login_throttle), never
# the address's failures on other accounts: axes' AXES_RESET_ON_SUCCESS would forgive both.
AXES_RESET_ON_SUCCESS = False
AXES_HANDLER = "core.login_throttle.OwnFailuresOnlyHandler"
# The address counted per client: the socket's, or behind SETA_BEHIND_PROXY proxies the one they vouch for.
AXES_CLIENT_IP_CALLABLE = "core.login_throttle.client_ip_address"
AXES_LOCKOUT_CALLABLE = "core.auth_backends.lockout_response"
AXES_VERBOSE = False

# Sessions end after SESSION_IDLE_TIMEOUT minutes without a request (core.middleware.IdleSessionMiddleware).
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", "60"))
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT * 60

# Password reset is offered only when mail can be sent (EMAIL_HOST set).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
PASSWORD_RESET_ENABLED = bool(EMAIL_HOST) or env_bool("SETA_PASSWORD_RESET", False)
if EMAIL_HOST:
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancer and Kubernetes probes speak plain HTTP to the pod; core.health answers them
# before SecurityMiddleware, this keeps them exempt should the middleware order ever change.
SECURE_REDIRECT_EXEMPT = [r"^healthz/"]
# SETA_BEHIND_PROXY: how many reverse proxies in front of the app append to X-Forwarded-For.
SETA_TRUSTED_PROXIES = env_proxy_count("SETA_BEHIND_PROXY")
if SETA_TRUSTED_PROXIES:
    # Only behind a reverse proxy that sets X-Forwarded-Proto itself may the header be trusted.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
    }
}

# Background jobs (procrastinate, on the same PostgreSQL database) and the limits of a PDF render.
PROCRASTINATE_IMPORT_PATHS = ["core.pdf.tasks"]
SETA_PDF_EXPORT_RETENTION_HOURS = int(os.environ.get("SETA_PDF_EXPORT_RETENTION_HOURS", "24"))
SETA_PDF_REPORT_MAX_CASES = int(os.environ.get("SETA_PDF_REPORT_MAX_CASES", "500"))
SETA_PDF_INLINE_TEXT_BUDGET = int(os.environ.get("SETA_PDF_INLINE_TEXT_BUDGET", "20000"))
SETA_PDF_PART_SECONDS = float(os.environ.get("SETA_PDF_PART_SECONDS", "30"))
SETA_PDF_JOB_SECONDS = int(os.environ.get("SETA_PDF_JOB_SECONDS", "1800"))
SETA_PDF_MEMORY_MB = int(os.environ.get("SETA_PDF_MEMORY_MB", "1536"))
SETA_PDF_CASES_PER_PROCESS = int(os.environ.get("SETA_PDF_CASES_PER_PROCESS", "50"))
SETA_PDF_NICENESS = int(os.environ.get("SETA_PDF_NICENESS", "10"))
# Fair queues: exports one user may have waiting or rendering, and all users together.
SETA_PDF_USER_PENDING_LIMIT = int(os.environ.get("SETA_PDF_USER_PENDING_LIMIT", "3"))
SETA_PDF_QUEUE_LIMIT = int(os.environ.get("SETA_PDF_QUEUE_LIMIT", "50"))
# A worker that sent no heartbeat for this long is gone: its progress pages say so and its job is
# handed to another worker. Workers beat four times per period (at most every 10 s).
SETA_PDF_STALLED_SECONDS = max(4, int(os.environ.get("SETA_PDF_STALLED_SECONDS", "60")))
PROCRASTINATE_WORKER_DEFAULTS = {
    "worker_middleware": [core_logging.job_log_context],  # job ids in logs
    "update_heartbeat_interval": min(10.0, SETA_PDF_STALLED_SECONDS / 4),
    "stalled_worker_timeout": float(SETA_PDF_STALLED_SECONDS),
}

# Logs (core/logging.py): LOG_FORMAT=json gives one JSON object per line; anything else readable text.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING_CONFIG = "core.logging.configure"
LOGGING = core_logging.django_logging(log_format=LOG_FORMAT, level=os.environ.get("LOG_LEVEL") or None)
# Errors to Sentry only when SENTRY_DSN is set (core/sentry.py).
sentry_init(dsn=os.environ.get("SENTRY_DSN", ""), environment=os.environ.get("SENTRY_ENVIRONMENT", ""))
