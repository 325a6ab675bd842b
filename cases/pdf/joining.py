"""Joining separately rendered PDF parts into one document with pypdf.

The selection report is rendered part by part (overview, then one part per case) so that the
memory of a render does not grow with the number of cases. Joining keeps every page, rebuilds one
outline (bookmarks) from the parts' outlines, with each case's section nested under the report's
title, and sets title, author, subject and language. What joining does not keep: the parts'
structure trees (PDF tagging), which pypdf cannot merge; see the README.
"""

from collections.abc import Iterable
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject


def _copy_outline(writer: PdfWriter, reader: PdfReader, items: list, parent, page_offset: int):
    """Copy `reader`'s outline `items` under `parent`; return the first top-level item made."""
    first = last = None
    for item in items:
        if isinstance(item, list):
            _copy_outline(writer, reader, item, last, page_offset)
            continue
        page = reader.get_destination_page_number(item)
        last = writer.add_outline_item(title=str(item.title), page_number=page + page_offset, parent=parent)
        first = first or last
    return first


def join_parts(parts: Iterable[Path], target: Path, *, title: str, author: str, subject: str) -> int:
    """Write the PDFs `parts` one after the other to `target`; return the number of pages.

    The first part's first bookmark (the document's h1) becomes the parent of the bookmarks of all
    later parts.
    """
    writer = PdfWriter()
    root = None
    for index, part in enumerate(parts):
        reader = PdfReader(part)
        offset = len(writer.pages)
        writer.append(reader, import_outline=False)
        made = _copy_outline(writer, reader, reader.outline, root if index else None, offset)
        if index == 0:
            root = made
    writer.add_metadata({"/Title": title, "/Author": author, "/Subject": subject, "/Creator": author})
    writer._root_object[NameObject("/Lang")] = TextStringObject("nl")
    writer.page_mode = "/UseOutlines"
    with open(target, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)
