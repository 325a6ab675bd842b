"""Load generation for `manage.py benchmark_web`: requests per second of one URL on 127.0.0.1.

With wrk (Debian package) when it is installed, otherwise a small keep-alive client in threads.
Both run a bounded time against a local server only.
"""

import http.client
import re
import shutil
import subprocess
import threading
import time
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _check_local(url: str) -> None:
    if urlsplit(url).hostname not in LOCAL_HOSTS:
        raise ValueError(f"only local servers are benchmarked, not {url}")


def requests_per_second(url: str, cookie: str, *, seconds: float, connections: int) -> float:
    """Requests per second that `url` serves with `connections` concurrent keep-alive connections."""
    _check_local(url)
    if shutil.which("wrk"):
        return _wrk(url, cookie, seconds=seconds, connections=connections)
    return _threads(url, cookie, seconds=seconds, connections=connections)


def _wrk(url: str, cookie: str, *, seconds: float, connections: int) -> float:
    argv = ["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "-H", f"Cookie: {cookie}", url]
    output = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"{url} answered with errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1))


def _threads(url: str, cookie: str, *, seconds: float, connections: int) -> float:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    counts = [0] * connections

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
            counts[index] += 1
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - start)


def fetch(url: str, cookie: str = "") -> tuple[int, dict, str]:
    """One GET: status, headers (lower-case names) and body text."""
    _check_local(url)
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    headers = {name.lower(): value for name, value in response.getheaders()}
    connection.close()
    return response.status, headers, body


def login(base: str, username: str, password: str) -> str:
    """Log in through the login form; return the Cookie header of the session."""
    _check_local(base)
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", "/accounts/login/")
    response = connection.getresponse()
    page = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = f"csrfmiddlewaretoken={token}&username={username}&password={password}"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf_cookie}",
        "Referer": f"{base}/accounts/login/",
    }
    connection.request("POST", "/accounts/login/", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    connection.close()
    if response.status != 302 or not session:
        raise RuntimeError(f"login as {username} failed ({response.status})")
    return f"sessionid={session.group(1)}"
