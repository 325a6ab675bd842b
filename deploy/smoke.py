#!/usr/bin/env python3
"""Smoke test of a running SETA: what a user does, through its forms, with the standard library only.

    python3 deploy/smoke.py http://127.0.0.1:8000 USER PASSWORD [--https-proxy] [--timeout 240]

Waits until /healthz/ready answers 200, logs in, creates a dossier, asks for the selection report
(submitting a confirmation form when the report page shows one), waits on the progress page until
the worker made it and downloads it. With --https-proxy it behaves like a reverse proxy that ends
TLS (X-Forwarded-Proto: https; needs SETA_BEHIND_PROXY=true on the server), since with DEBUG off
the cookies are Secure and plain HTTP is redirected. Exits 1 with the step that failed.
"""

import argparse
import http.client
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class SmokeFailure(Exception):
    """A step failed; the message says which and why."""


class FormParser(HTMLParser):
    """The forms of a page with their fields as a browser would submit them unchanged, and the links."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self._select: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        form = self.forms[-1] if self.forms else None
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self.forms.append(
                {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower()}
                | {"fields": [], "required": set(), "options": {}}
            )
        elif form is None or ("name" not in attrs and tag != "option"):
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "reset", "file"):
                form["fields"].append([attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")])
                if "required" in attrs:
                    form["required"].add(attrs["name"])
        elif tag == "textarea":
            self._textarea = {"name": attrs["name"], "text": ""}
            if "required" in attrs:
                form["required"].add(attrs["name"])
        elif tag == "select":
            self._select = {"name": attrs["name"], "value": None}
            form["options"][attrs["name"]] = []
            if "required" in attrs:
                form["required"].add(attrs["name"])
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            form["options"][self._select["name"]].append(value)
            if "selected" in attrs or self._select["value"] is None:
                self._select["value"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.forms[-1]["fields"].append([self._textarea["name"], self._textarea["text"].lstrip("\n")])
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self.forms[-1]["fields"].append([self._select["name"], self._select["value"] or ""])
            self._select = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies by hand (they are Secure behind the proxy, which http.cookiejar would withhold over HTTP)."""

    def __init__(self, base: str, https_proxy: bool):
        self.base = base.rstrip("/")
        self.https_proxy = https_proxy
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path: str, data: list | None = None, follow: bool = True):
        url = urllib.parse.urljoin(self.base + "/", path)
        body = urllib.parse.urlencode([tuple(pair) for pair in data]).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method="POST" if data is not None else "GET")
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if self.https_proxy:
            host = urllib.parse.urlsplit(self.base).netloc
            request.add_header("X-Forwarded-Proto", "https")
            request.add_header("Origin", f"https://{host}")
            request.add_header("Referer", f"https://{host}{urllib.parse.urlsplit(url).path}")
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        status, location, content = response.status, response.headers.get("Location"), response.read()
        if follow and status in (301, 302, 303) and location:
            if urllib.parse.urlsplit(location).scheme == "https":
                raise SmokeFailure(f"{path} redirects to {location}: plain HTTP refused (use --https-proxy?)")
            return self.request(urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl())
        return status, location, content, response.headers.get("Content-Type", ""), response.url


def page(browser: Browser, path: str, expect: int = 200) -> tuple[FormParser, str, str]:
    status, _, content, _, url = browser.request(path)
    if status != expect:
        raise SmokeFailure(f"GET {path}: {status}, expected {expect}")
    parsed = FormParser()
    parsed.feed(content.decode())
    return parsed, content.decode(), urllib.parse.urlsplit(url).path


def find_form(parsed: FormParser, field: str | None = None) -> dict:
    """The page's own POST form (not the header's language switch or logout), with `field` if named."""
    for form in parsed.forms:
        if form["method"] != "post" or "/i18n/" in form["action"] or "logout" in form["action"]:
            continue
        if field is None or field in {name for name, _ in form["fields"]}:
            return form
    raise SmokeFailure(f"no form {'with ' + field if field else 'to submit'} on the page")


def post_form(browser: Browser, form: dict, page_path: str, values: dict) -> tuple:
    fields = [[name, value] for name, value in form["fields"] if name not in values]
    fields += [[name, value] for name, value in values.items()]
    for name, value in fields:
        if not value and name in form["required"] and form["options"].get(name):
            fields[fields.index([name, value])] = [name, next(o for o in form["options"][name] if o)]
    return browser.request(form["action"] or page_path, data=fields, follow=False)


def expect_redirect(response: tuple, step: str) -> str:
    """The redirect a successful form submission answers with; the form's errors otherwise."""
    status, location, content, *_ = response
    if status in (302, 303) and location:
        return location
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", content.decode(errors="replace")))
    errors = re.findall(r"(?:niet opgeslagen|verbeter)[^.]*\.[^.]*\.", text)
    raise SmokeFailure(f"{step} failed ({status}): {errors or text[:300]}")


def wait_ready(base: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base.rstrip("/") + "/healthz/ready", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise SmokeFailure(f"/healthz/ready did not answer 200 within {timeout:.0f} s")
        time.sleep(1)


def run(base: str, username: str, password: str, https_proxy: bool, timeout: float) -> None:
    started = time.monotonic()
    wait_ready(base, timeout)
    print(f"ready after {time.monotonic() - started:.1f} s")
    browser = Browser(base, https_proxy)

    parsed, _, path = page(browser, "/accounts/login/")
    login = find_form(parsed, "password")
    status, location, *_ = post_form(browser, login, path, {"username": username, "password": password})
    if status != 302:
        raise SmokeFailure(f"login as {username} failed ({status})")
    print("logged in")

    stamp = time.strftime("%Y%m%d-%H%M%S")
    names = [f"Rooktest-Oost {stamp}", f"Rooktest-West {stamp}"]
    for name in names:  # a dossier needs two municipalities; an empty database has none
        parsed, _, path = page(browser, "/municipalities/new/")
        form = find_form(parsed, "municipality-name")
        expect_redirect(post_form(browser, form, path, {"municipality-name": name}), f"adding {name}")
    title = f"Rooktest {stamp}"
    parsed, _, path = page(browser, "/cases/new/")
    editor = find_form(parsed, "title")
    values = {"title": title} | {f"participants-{i}-municipality": name for i, name in enumerate(names)}
    values |= {f"participants-{i}-role": "partner" for i in range(len(names))}
    location = expect_redirect(post_form(browser, editor, path, values), "creating a dossier")
    _, html, dossier = page(browser, location)
    if title not in html:
        raise SmokeFailure(f"the new dossier {dossier} does not show its title")
    print(f"created {dossier}")

    parsed, html, path = page(browser, "/cases/report.pdf")
    if "/exports/" not in path:  # the report starts with a POST after a confirmation page
        status, location, *_ = post_form(browser, find_form(parsed), path, {})
        if status not in (302, 303) or not location:
            raise SmokeFailure(f"starting the report failed ({status})")
        parsed, html, path = page(browser, location)
    if "/exports/" not in path:
        raise SmokeFailure(f"the report did not lead to a progress page but to {path}")
    print(f"report queued: {path}")

    deadline = time.monotonic() + timeout
    while not (downloads := [link for link in parsed.links if link.rstrip("/").endswith("/download")]):
        if "Opnieuw proberen" in html or time.monotonic() > deadline:
            raise SmokeFailure(f"the report was not made: {re.sub(r'<[^>]+>', ' ', html)[-400:]!r}")
        time.sleep(2)
        parsed, html, path = page(browser, path)
    status, _, content, content_type, _ = browser.request(downloads[0])
    if status != 200 or content_type != "application/pdf" or not content.startswith(b"%PDF-"):
        raise SmokeFailure(f"download {downloads[0]}: {status} {content_type} {content[:8]!r}")
    print(f"downloaded the report: {len(content)} bytes, {time.monotonic() - started:.1f} s in all")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("username")
    parser.add_argument("password")
    parser.add_argument("--https-proxy", action="store_true")
    parser.add_argument("--timeout", type=float, default=240)
    args = parser.parse_args()
    try:
        run(args.base, args.username, args.password, args.https_proxy, args.timeout)
    except (SmokeFailure, urllib.error.URLError) as error:
        print(f"smoke test FAILED: {error}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
