"""Text as it goes into a PDF: normalised so that no stored text can make a render explode.

Typesetting cost grows with what the shaper and line breaker see, not with what a reader sees:
hundreds of combining marks stacked on one letter, or thousands of empty lines, take WeasyPrint
(Pango/HarfBuzz) minutes. A council document needs neither, so before rendering text is brought
to NFC, every run of combining marks is cut to `MAX_COMBINING_MARKS` and every run of blank
lines to one blank line.
"""

import re
import unicodedata

MAX_COMBINING_MARKS = 3
BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+\n")


def collapse_combining_marks(text: str, limit: int = MAX_COMBINING_MARKS) -> str:
    """`text` with at most `limit` combining marks (Unicode category M*) after any character."""
    kept = []
    run = 0
    for char in text:
        if unicodedata.category(char).startswith("M"):
            run += 1
            if run > limit:
                continue
        else:
            run = 0
        kept.append(char)
    return "".join(kept)


def normalize_text(text: str | None) -> str:
    """NFC, runs of combining marks collapsed, runs of blank lines collapsed to one, no NULs."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))
    if any(unicodedata.combining(char) for char in text):
        text = collapse_combining_marks(text)
    return BLANK_LINES.sub("\n\n", text)
