"""The rooms of the project: `cases` uses the five-point check only through its one entry point."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_cases_imports_assessments_only_through_its_interface():
    offending = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "cases").rglob("*.py")
        for module in imported_modules(path)
        if module.startswith("assessments") and module != "assessments.interface"
    }
    assert offending == set()


def test_the_check_lives_in_assessments():
    for name in ("forms.py", "services.py", "views.py", "urls.py", "interface.py"):
        assert (ROOT / "assessments" / name).is_file()
    assert (ROOT / "templates" / "assessments" / "assessment_form.html").is_file()
    assert "AssessmentForm" not in (ROOT / "cases" / "forms.py").read_text(encoding="utf-8")
