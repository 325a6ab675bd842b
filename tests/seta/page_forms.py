"""The POST forms on a rendered page, read from its HTML as a browser reads them (for the fuzz test)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


@dataclass
class PageForm:
    """A `<form method="post">`: where it posts and what a browser would send unchanged."""

    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, value: str) -> None:
        self.fields.setdefault(name, []).append(value)


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[PageForm] = []
        self.form: PageForm | None = None
        self.select: tuple[str, list[str], list[str]] | None = None  # name, options, selected
        self.textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            if attrs.get("method", "get").lower() == "post":
                action = urlsplit(urljoin(self.page_url, attrs.get("action") or self.page_url)).path
                self.form = PageForm(action)
                self.forms.append(self.form)
            return
        if self.form is None or "name" not in attrs or "disabled" in attrs:
            if tag == "option" and self.select is not None:
                self._option(attrs)
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.form.add(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "image", "reset", "file"):
                self.form.add(name, attrs.get("value", ""))
        elif tag == "select":
            self.select = (name, [], [])
        elif tag == "textarea":
            self.textarea = (name, [])

    def _option(self, attrs):
        _name, options, selected = self.select
        value = attrs.get("value", "")
        options.append(value)
        if "selected" in attrs:
            selected.append(value)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select is not None and self.form is not None:
            name, options, selected = self.select
            for value in selected or options[:1]:
                self.form.add(name, value)
            self.select = None
        elif tag == "textarea" and self.textarea is not None and self.form is not None:
            name, parts = self.textarea
            self.form.add(name, "".join(parts).removeprefix("\n"))
            self.textarea = None


def page_forms(page_url: str, html: str) -> list[PageForm]:
    """Every POST form on the page, with the values a browser would send for it unchanged."""
    parser = _FormParser(page_url)
    parser.feed(html)
    return parser.forms
