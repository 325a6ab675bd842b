"""Error tracking: Sentry when SENTRY_DSN is set, nothing at all otherwise."""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration


def sentry_init(*, dsn: str, environment: str = "", release: str = "") -> bool:
    """Send unhandled errors and ERROR log records to Sentry; without a DSN nothing is sent anywhere.

    No personal data (`send_default_pii=False`: no user names, cookies or addresses) and no
    performance tracing; the log lines' request id is attached as a tag.
    """
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment or None,
        release=release or None,
        send_default_pii=False,
        traces_sample_rate=0.0,
        before_send=_tag_request_id,
    )
    return True


def _tag_request_id(event: dict, hint: dict) -> dict:
    import structlog

    request_id = structlog.contextvars.get_contextvars().get("request_id")
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event
