"""The rooms of the project: apps depend one way, seta -> explorations -> assessments -> cases -> core.

Python imports are checked by import-linter (`lint-imports`, contracts in pyproject.toml, run by
`make test` and `make lint`); these tests run those contracts and check the templates the same
way: no `{% load %}`, `{% include %}`, `{% extends %}` or `perms.<app>` in a lower app's template
that refers to a higher app.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"
LAYERS = ["core", "cases", "assessments", "explorations"]  # lowest first
# Template folders that belong to an app; the rest of templates/ (layouts, includes, error pages,
# registration) is the shared kernel's.
TEMPLATE_OWNERS = {
    "cases": "cases",
    "pdf": "cases",
    "assessments": "assessments",
    "explorations": "explorations",
}

REFERENCE = re.compile(
    r"{%\s*(?P<tag>load|include|extends)\s+(?P<args>[^%]*)%}|\bperms\.(?P<perm_app>\w+)", re.MULTILINE
)


def template_owner(path: Path) -> str:
    first = path.relative_to(TEMPLATES).parts[0]
    return TEMPLATE_OWNERS.get(first, "core")


def tag_library_owners() -> dict[str, str]:
    return {
        library.stem: app
        for app in LAYERS
        for library in (ROOT / app / "templatetags").glob("*.py")
        if library.stem != "__init__"
    }


def referenced_apps(text: str, libraries: dict[str, str]) -> list[tuple[str, str]]:
    """(what, app) of every reference in a template's text to a template, tag library or permission."""
    found = []
    for match in REFERENCE.finditer(text):
        if match["perm_app"]:
            found.append((match[0], match["perm_app"]))
        elif match["tag"] == "load":
            names = match["args"].split()
            names = names[names.index("from") + 1 :] if "from" in names else names
            found += [(match[0].strip(), libraries[name]) for name in names if name in libraries]
        else:
            literal = re.match(r"""\s*["']([^"']+)["']""", match["args"])
            if literal:
                found.append((match[0].strip(), template_owner(TEMPLATES / literal[1])))
    return found


def test_lower_templates_never_refer_to_a_higher_app():
    libraries = tag_library_owners()
    offending = []
    for path in TEMPLATES.rglob("*.html"):
        owner = LAYERS.index(template_owner(path))
        for what, app in referenced_apps(path.read_text(encoding="utf-8"), libraries):
            if app in LAYERS and LAYERS.index(app) > owner:
                offending.append(f"{path.relative_to(ROOT)}: {what}")
    assert offending == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{% include "assessments/includes/x.html" %}', "assessments"),
        ("{% extends 'explorations/detail.html' %}", "explorations"),
        ("{% load i18n checks %}", "assessments"),
        ("{% if perms.explorations.view_exploration %}", "explorations"),
    ],
)
def test_the_template_check_sees_each_kind_of_reference(text, expected):
    assert [app for _what, app in referenced_apps(text, tag_library_owners())] == [expected]


def test_the_import_contracts_hold():
    """import-linter sees every import, also those inside functions."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]


def test_each_concern_lives_in_the_app_that_names_it():
    for name in ("forms.py", "services.py", "views", "urls.py", "case_extensions.py"):
        assert (ROOT / "assessments" / name).exists()
    assert (TEMPLATES / "assessments" / "assessment_form.html").is_file()
    assert "AssessmentForm" not in (ROOT / "cases" / "forms.py").read_text(encoding="utf-8")
    assert not (ROOT / "assessments" / "interface.py").exists()
    assert not (ROOT / "assessments" / "explorations").exists()
    for name in ("models", "views", "services", "urls.py", "apps.py"):
        assert (ROOT / "explorations" / name).exists()
    for name in (
        "dates.py",
        "fields.py",
        "text.py",
        "merge.py",
        "history.py",
        "registry.py",
        "permissions.py",
    ):
        assert (ROOT / "core" / name).is_file()


def test_the_project_package_is_only_wiring():
    """Nothing in the apps imports `seta` (settings, URLs, WSGI, the local database helper)."""
    offending = [
        str(path.relative_to(ROOT))
        for app in LAYERS
        for path in (ROOT / app).rglob("*.py")
        if re.search(r"^\s*(from|import) seta\b", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert offending == []
