"""Settings for SETA dossiers, read from the environment.

Nothing needs to be set for local use: the database defaults to the project-local
PostgreSQL server that `make run` starts (see seta/devdb.py). In production set
DATABASE_URL, SECRET_KEY, DEBUG=false and ALLOWED_HOSTS.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

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


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
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
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded and generated files (the PDF exports); any Django storage may replace it in production.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Login throttling (django-axes): a while locked after repeated failures, per account and per address.
AXES_FAILURE_LIMIT = int(os.environ.get("SETA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("SETA_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
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
if env_bool("SETA_BEHIND_PROXY", False):
    # Only behind a reverse proxy that sets X-Forwarded-Proto itself may the header be trusted.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Login throttling per address then uses the client address the proxy passes on.
    AXES_IPWARE_PROXY_COUNT = int(os.environ.get("SETA_PROXY_COUNT", "1"))
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
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
PROCRASTINATE_IMPORT_PATHS = ["cases.pdf.jobs"]
PROCRASTINATE_WORKER_DEFAULTS = {"worker_middleware": [core_logging.job_log_context]}  # job ids in logs
SETA_PDF_EXPORT_RETENTION_HOURS = int(os.environ.get("SETA_PDF_EXPORT_RETENTION_HOURS", "24"))
SETA_PDF_REPORT_MAX_CASES = int(os.environ.get("SETA_PDF_REPORT_MAX_CASES", "500"))
SETA_PDF_INLINE_TEXT_BUDGET = int(os.environ.get("SETA_PDF_INLINE_TEXT_BUDGET", "20000"))
SETA_PDF_PART_SECONDS = float(os.environ.get("SETA_PDF_PART_SECONDS", "30"))
SETA_PDF_JOB_SECONDS = int(os.environ.get("SETA_PDF_JOB_SECONDS", "1800"))
SETA_PDF_MEMORY_MB = int(os.environ.get("SETA_PDF_MEMORY_MB", "1536"))
SETA_PDF_CASES_PER_PROCESS = int(os.environ.get("SETA_PDF_CASES_PER_PROCESS", "50"))
SETA_PDF_NICENESS = int(os.environ.get("SETA_PDF_NICENESS", "10"))

# Logs (core/logging.py): LOG_FORMAT=json gives one JSON object per line; anything else readable text.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING_CONFIG = "core.logging.configure"
LOGGING = core_logging.django_logging(log_format=LOG_FORMAT, level=os.environ.get("LOG_LEVEL") or None)
# Errors to Sentry only when SENTRY_DSN is set (core/sentry.py).
sentry_init(dsn=os.environ.get("SENTRY_DSN", ""), environment=os.environ.get("SENTRY_ENVIRONMENT", ""))
