"""A user's browser over plain HTTP against a real server process: cookies, forms, no redirects followed."""

import http.client
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit


class _Forms(HTMLParser):
    """The fields a browser would submit for each form on a page, unchanged."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
        elif self._form is None or "disabled" in attrs:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "image", "reset", "file"):
                self._form.append((attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], ""]
        elif tag == "select" and attrs.get("name"):
            self._select = [attrs["name"], None, None]  # name, first option, selected option
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in attrs:
                self._select[2] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            text = self._textarea[1].removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            self._form.append((self._textarea[0], text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, first, selected = self._select
            self._form.append((name, selected if selected is not None else (first or "")))
            self._select = None


def form_with(page: str, field: str) -> dict:
    """The fields of the page's form that has `field`, as a dict (last value wins)."""
    parser = _Forms()
    parser.feed(page)
    for fields in parser.forms:
        if any(name == field for name, _value in fields):
            return dict(fields)
    raise AssertionError(f"no form with a field {field!r} on the page")


class Browser:
    """One user's cookies, sent to whichever server is asked (no sticky anything)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, data: dict | None = None) -> tuple[int, dict, str]:
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        headers = {"Host": f"{parts.hostname}:{parts.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = url
            headers["Origin"] = f"{parts.scheme}://{parts.netloc}"
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie, _, _rest = value.partition(";")
                key, _, val = cookie.partition("=")
                self.cookies[key.strip()] = val.strip()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text

    def get(self, url: str) -> tuple[int, dict, str]:
        return self.request("GET", url)

    def post(self, url: str, data: dict) -> tuple[int, dict, str]:
        return self.request("POST", url, data)

    def log_in(self, base: str, username: str, password: str) -> None:
        _status, _headers, page = self.get(f"{base}/accounts/login/")
        form = form_with(page, "username")
        form.update(username=username, password=password)
        status, _headers, _page = self.post(f"{base}/accounts/login/", form)
        assert status == 302 and "sessionid" in self.cookies, f"login as {username} failed ({status})"
