"""Login throttling (django-axes): the client's address behind trusted proxies; what a good login forgives.

The number of trusted reverse proxies comes from `SETA_BEHIND_PROXY` (`settings.SETA_TRUSTED_PROXIES`).
Each proxy appends the address it received the request from to `X-Forwarded-For` (nginx's
`$proxy_add_x_forwarded_for`), so behind `n` proxies the client's address is the `n`-th entry from
the right; everything left of it was written by the client and is never read. The header is cut on
plain commas before anything parses it: python-ipware (the engine of django-ipware, which axes
expects) honours quotes, so a client's unclosed `"` would swallow the proxies' entries and leave a
made-up address at the right. The trusted tail is then parsed by python-ipware, which counts the
proxies' own addresses (a `proxy_count` of `n` wants `n + 1` entries, so one nginx would find no
address at all): it is asked for `n - 1`, strictly.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest
from python_ipware import IpWare

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def client_ip_address(request: HttpRequest) -> str | None:
    """The address login throttling counts for `request` (`AXES_CLIENT_IP_CALLABLE`).

    Without trusted proxies the socket's address: a header from a direct client changes nothing.
    A request that passed fewer proxies than configured (no address the proxies vouch for) counts
    under the socket's address.
    """
    socket_address = request.META.get("REMOTE_ADDR")
    trusted_proxies = settings.SETA_TRUSTED_PROXIES
    if trusted_proxies < 1:
        return socket_address
    entries = request.META.get(FORWARDED_FOR, "").split(",")
    if len(entries) < trusted_proxies:
        return socket_address
    trusted_tail = ",".join(entries[-trusted_proxies:])
    ipware = IpWare(precedence=(FORWARDED_FOR,), proxy_count=trusted_proxies - 1)
    address, _trusted = ipware.get_client_ip({FORWARDED_FOR: trusted_tail}, strict=True)
    return str(address) if address is not None else socket_address


class OwnFailuresOnlyHandler(AxesDatabaseHandler):
    """axes' database handler; a good login forgives only the failures of that account from that address.

    axes' own `AXES_RESET_ON_SUCCESS` deletes every failure from the address (other accounts' too) and
    every failure on the account (from other addresses too): an insider could spray passwords over all
    accounts and wipe the per-address count with a login of their own, or the victim's login wipes
    the attacker's count on the victim's account. Here only the user's own mistypes are forgotten.
    """

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(
            username=user.get_username(), ip_address=request.axes_ip_address
        ).delete()
