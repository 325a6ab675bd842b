"""Helpers for HTTP-level tests (post a page's forms back as a browser would) and browser tests."""

from html.parser import HTMLParser

from django import forms


def submitted(response) -> dict:
    """What a browser would post back for the forms on a page, unchanged (textareas with \\r\\n)."""
    data = {}
    context = response.context
    all_forms = [context["form"]]
    for name in ("participants", "events"):
        if name in context:
            formset = context[name]
            management = formset.management_form
            data.update(
                {
                    f"{management.prefix}-{key}": field.value()
                    for key, field in ((k, management[k]) for k in management.fields)
                }
            )
            all_forms += list(formset.forms)
    for form in all_forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(field.field.widget, forms.Textarea) and isinstance(value, str):
                value = value.replace("\n", "\r\n")
            data[field.html_name] = value
    return data


def admin_submitted(response) -> dict:
    """What a browser would post back for a Django admin change form with its inlines, unchanged."""
    data = {}
    all_forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data |= {f"{management.prefix}-{key}": management[key].value() for key in management.fields}
        all_forms += list(formset.forms)
    for form in all_forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, list):
                value = [str(item) for item in value]
            data[field.html_name] = value
    return data


class _FormValues(HTMLParser):
    """The values a browser would post for the page's first post form with the given class."""

    def __init__(self, form_class: str):
        super().__init__(convert_charrefs=True)
        self.form_class = form_class
        self.data: list[tuple[str, str]] = []
        self.state = "before"  # before -> inside -> after
        self.textarea: str | None = None
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (
            tag == "form"
            and self.state == "before"
            and (a.get("method") or "").lower() == "post"
            and self.form_class in (a.get("class") or "").split()
        ):
            self.state = "inside"
        if self.state != "inside" or "disabled" in a:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.data.append((a["name"], a.get("value") or ("on" if a.get("type") == "checkbox" else "")))
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], ""
        elif tag == "select" and a.get("name"):
            self.select, self.options, self.multiple = a["name"], [], "multiple" in a
        elif tag == "option" and self.select:
            self.options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.state == "inside":
            self.state = "after"
        elif tag == "textarea" and self.textarea:
            text = self.text[1:] if self.text.startswith("\n") else self.text
            self.data.append((self.textarea, text.replace("\n", "\r\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = [value for value, selected in self.options if selected]
            if not chosen and not self.multiple and self.options:
                chosen = [self.options[0][0]]
            self.data += [(self.select, value) for value in chosen]
            self.select = None


def page_post_data(html: str, form_class: str = "editor") -> dict:
    """What a browser would post back, unchanged, for the page's first post form of `form_class`."""
    parser = _FormValues(form_class)
    parser.feed(html)
    data: dict = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def log_in(page, live_server, username):
    """Log in through the login form in Chromium (every test user has the factories' password)."""
    page.goto(f"{live_server.url}/cases/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/cases/")


def list_filtered(page, label: str, option: str, found: str) -> None:
    """Filter the case list on one choice as a user does, and wait for its count ("2 casussen gevonden")."""
    page.get_by_label(label).select_option(option)
    page.get_by_role("button", name="Toepassen").click()
    page.get_by_text(found).wait_for()


def cases_rated_on_urgency() -> None:
    """Two cases whose current check says urgency was felt ("Urgent Oost", "Urgent West") and one
    that says it was not ("Niet urgent"), each with two partners."""
    from tests.factories import AssessmentFactory, CaseFactory, ParticipationFactory

    for title, urgency in (("Urgent Oost", "yes"), ("Urgent West", "yes"), ("Niet urgent", "no")):
        case = CaseFactory(title=title)
        ParticipationFactory.create_batch(2, case=case)
        AssessmentFactory(case=case, urgency_rating=urgency)


def urgent_cases_listed(page, live_server, *, username: str, role: str) -> None:
    """The three urgency-rated cases, a user of `role` logged in in Chromium, and the case list
    filtered on "Urgentie: ja" (its two cases)."""
    from tests.factories import UserFactory

    cases_rated_on_urgency()
    UserFactory(username=username, role=role)
    log_in(page, live_server, username)
    list_filtered(page, "Urgentie", "yes", "2 casussen gevonden")
