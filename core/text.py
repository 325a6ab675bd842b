"""Text as people mean it: browsers send \r\n, editors leave trailing blanks; neither is a change."""

import difflib
import re

from django.db import models

_TRAILING_BLANKS = re.compile(r"[ \t]+$", re.MULTILINE)


def text_normalise(value: str) -> str:
    """Line endings to \\n, no trailing whitespace on a line, no blank lines around the text."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _TRAILING_BLANKS.sub("", value)
    return value.strip("\n").rstrip()


def instance_texts_normalise(instance) -> None:
    """Normalise every text field of a model instance in place (CharField and TextField)."""
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, (models.CharField, models.TextField)) and not model_field.choices:
            value = getattr(instance, model_field.attname)
            if isinstance(value, str):
                setattr(instance, model_field.attname, text_normalise(value))


def text_as_meant(value):
    """A value as compared for changes: texts normalised, anything else as it is."""
    return text_normalise(value) if isinstance(value, str) else value


def instance_values_assign(instance, values: dict, setter=setattr) -> bool:
    """Put `values` on a model instance (with `setter`), texts normalised; True when any field now
    differs from before in more than line endings and trailing blanks (which are no change)."""
    fields = instance._meta.concrete_fields
    before = {f.attname: text_as_meant(getattr(instance, f.attname)) for f in fields}
    for name, value in values.items():
        setter(instance, name, value)
    instance_texts_normalise(instance)
    return any(text_as_meant(getattr(instance, f.attname)) != before[f.attname] for f in fields)


class NormalisedTextFormMixin:
    """A form mixin: every text the user typed is normalised before validation goes on."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and name in self.fields:
                cleaned[name] = text_normalise(value)
        return cleaned


LONG_TEXT = 120  # longer values (or several lines) are shown as a diff in the history
CONTEXT_WORDS = 12  # unchanged words kept on either side of a change
REWRITTEN = 0.4  # below this similarity a text counts as rewritten, not edited
_TOKENS = re.compile(r"\s+|[^\s]+")


def is_long_text(*values: str) -> bool:
    return any(len(value) > LONG_TEXT or "\n" in value for value in values)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The change from `old` to `new` word by word: ("equal" | "delete" | "insert" | "skip", text).

    Long unchanged passages are cut to a few words around each change ("skip" marks the cut).
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() < REWRITTEN:
        return [("delete", old), ("insert", new)]  # rewritten: word by word would only be confetti
    parts: list[tuple[str, str]] = []
    opcodes = matcher.get_opcodes()
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts += _context(a[i1:i2], first=number == 0, last=number == len(opcodes) - 1)
            continue
        if tag in ("replace", "delete"):
            parts.append(("delete", "".join(a[i1:i2])))
        if tag in ("replace", "insert"):
            parts.append(("insert", "".join(b[j1:j2])))
    return parts


def _context(tokens: list[str], *, first: bool, last: bool) -> list[tuple[str, str]]:
    keep = CONTEXT_WORDS * 2  # tokens alternate between words and spaces
    head = [] if first else tokens[:keep]
    tail = [] if last else tokens[-keep:]
    if len(tokens) <= len(head) + len(tail) + 2:
        return [("equal", "".join(tokens))]
    return [part for part in (("equal", "".join(head)), ("skip", "…"), ("equal", "".join(tail))) if part[1]]


def word_diff_marks(other: str, this: str) -> list[tuple[bool, str]]:
    """`this` whole, as runs of (only in this version?, text) against `other`: for showing two
    versions side by side with their differences marked (same tokens and threshold as word_diff)."""
    a, b = _TOKENS.findall(other), _TOKENS.findall(this)
    if difflib.SequenceMatcher(None, other.split(), this.split(), autojunk=False).ratio() < REWRITTEN:
        return [(bool(this.strip()), this)]  # rewritten: all of it differs
    runs: list[tuple[bool, str]] = []
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        text = "".join(b[j1:j2])
        if tag == "equal" or not text.strip():
            pieces = [(False, text)]
        else:  # mark the words, not the spaces around them
            core = text.strip()
            start = text.index(core)
            pieces = [(False, text[:start]), (True, core), (False, text[start + len(core) :])]
        for differs, piece in pieces:
            if piece and runs and runs[-1][0] == differs:
                runs[-1] = (differs, runs[-1][1] + piece)
            elif piece:
                runs.append((differs, piece))
    return runs
