"""Helpers for HTTP-level tests (post a page's forms back as a browser would) and browser tests."""

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


def log_in(page, live_server, username):
    """Log in through the login form in Chromium (every test user has the factories' password)."""
    page.goto(f"{live_server.url}/cases/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/cases/")
