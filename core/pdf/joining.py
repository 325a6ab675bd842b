"""Joining separately rendered PDF parts into one tagged PDF, one part in memory at a time.

The selection report is rendered part by part (overview, then one part per case) so that the
memory of a render does not grow with the number of cases. Joining must not undo that: pypdf's
PdfWriter keeps every part in memory (about 1 MiB per part), so `PartsJoiner` writes each part's
objects straight to the output file, renumbered, and keeps only small bookkeeping (object
offsets, page references, bookmarks, parent-tree entries) until it closes the file with the page
tree, one structure tree, the outline, the catalog and the cross-reference table.

Kept: every page; page numbers (each part continues the count, see pdf/report_section.html);
bookmarks, with each case nested under the report's title; tagging: the parts' structure trees
are joined under one Document element, each part's top element becoming a Sect, with the
marked-content parent tree renumbered; language, title, author and the XMP metadata of the first
part. Dropped: named destinations (the parts do not link to each other).
"""

from array import array
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)


class PartsJoiner:
    """Writes PDFs one after another into `target` (a binary file opened for writing)."""

    def __init__(self, target):
        self.out = target
        self.offsets = array("q")
        self.pages: list[IndirectObject] = []
        self.parent_tree: list[tuple[int, IndirectObject]] = []
        self.sections: list[IndirectObject] = []
        self.bookmarks: list[tuple[str, int, IndirectObject, float]] = []  # title, level, page, top
        self.catalog_extras: dict = {}
        self.next_key = 0
        self.role_map = None
        self.out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        self.pages_ref = self.reserve()
        self.struct_root_ref = self.reserve()
        self.document_ref = self.reserve()

    def reserve(self) -> IndirectObject:
        self.offsets.append(0)
        return IndirectObject(len(self.offsets), 0, None)

    def write(self, ref: IndirectObject, obj: PdfObject) -> None:
        self.offsets[ref.idnum - 1] = self.out.tell()
        self.out.write(f"{ref.idnum} 0 obj\n".encode())
        obj.write_to_stream(self.out)
        self.out.write(b"\nendobj\n")

    def add(self, path: Path) -> None:
        """Append the PDF at `path`: its pages, structure, bookmarks."""
        reader = PdfReader(path)
        mapping: dict[int, IndirectObject] = {}
        pending: list[int] = []

        def remap(obj):
            if isinstance(obj, IndirectObject):
                if obj.pdf is not reader:
                    return obj  # already one of ours
                if obj.idnum not in mapping:
                    mapping[obj.idnum] = self.reserve()
                    pending.append(obj.idnum)
                return mapping[obj.idnum]
            if isinstance(obj, DictionaryObject):  # streams too: their data is kept as it is
                for key, value in list(dict.items(obj)):
                    dict.__setitem__(obj, key, remap(value))
            elif isinstance(obj, ArrayObject):
                for index, item in enumerate(obj):
                    obj[index] = remap(item)
            return obj

        key_offset = self.next_key
        catalog = reader.trailer["/Root"]
        structure = catalog.get("/StructTreeRoot")
        for page_reference in (page.indirect_reference for page in reader.pages):
            page = reader.get_object(page_reference)  # the cached object that will be written
            page[NameObject("/Parent")] = self.pages_ref
            if "/StructParents" in page:
                page[NameObject("/StructParents")] = NumberObject(page["/StructParents"] + key_offset)
            for annotation in page.get("/Annots", []):
                annotation = annotation.get_object()
                if "/StructParent" in annotation:
                    annotation[NameObject("/StructParent")] = NumberObject(
                        annotation["/StructParent"] + key_offset
                    )
            self.pages.append(remap(page_reference))
        if structure is not None:
            structure = structure.get_object()
            self._add_structure(structure, remap, key_offset)
            self.next_key += int(structure.get("/ParentTreeNextKey", 0)) or (
                self.parent_tree[-1][0] + 1 - key_offset if self.parent_tree else 0
            )
        if not self.catalog_extras:
            self.catalog_extras = {
                key: remap(dict.__getitem__(catalog, key)) for key in ("/Lang", "/Metadata") if key in catalog
            }
        # The first part's bookmarks start at level 1 (the report's title); later parts nest under it.
        self._add_bookmarks(reader, reader.outline, 2 if self.bookmarks else 1, mapping)
        while pending:
            idnum = pending.pop()
            obj = reader.get_object(idnum)
            self.write(mapping[idnum], remap(obj))

    def _add_structure(self, structure: DictionaryObject, remap, key_offset: int) -> None:
        for element in structure.get("/K", []):
            element = element.get_object() if isinstance(element, IndirectObject) else element
            element[NameObject("/S")] = NameObject("/Sect")
            element[NameObject("/P")] = self.document_ref
            self.sections.append(remap(element.indirect_reference))
        numbers = structure["/ParentTree"].get_object().get("/Nums", [])
        for key, value in zip(numbers[::2], numbers[1::2], strict=True):
            self.parent_tree.append((key + key_offset, remap(value)))
        self.role_map = structure.get("/RoleMap")

    def _add_bookmarks(self, reader: PdfReader, items: list, level: int, mapping: dict) -> None:
        for item in items:
            if isinstance(item, list):
                self._add_bookmarks(reader, item, level + 1, mapping)
                continue
            page = mapping[item.page.idnum] if isinstance(item.page, IndirectObject) else self.pages[0]
            self.bookmarks.append((str(item.title), level, page, float(item.top or 0)))

    def close(self, *, info: dict) -> int:
        """Write the document-level objects and the trailer; return the number of pages."""
        self.write(self.pages_ref, DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"),
            NameObject("/Kids"): ArrayObject(self.pages),
            NameObject("/Count"): NumberObject(len(self.pages)),
        }))  # fmt: skip
        self._write_structure()
        catalog = DictionaryObject({
            NameObject("/Type"): NameObject("/Catalog"),
            NameObject("/Pages"): self.pages_ref,
            NameObject("/StructTreeRoot"): self.struct_root_ref,
            NameObject("/MarkInfo"): DictionaryObject({NameObject("/Marked"): BooleanObject(True)}),
            NameObject("/ViewerPreferences"): DictionaryObject(
                {NameObject("/DisplayDocTitle"): BooleanObject(True)}
            ),
            **{NameObject(key): value for key, value in self.catalog_extras.items()},
        })  # fmt: skip
        if self.bookmarks:
            catalog[NameObject("/Outlines")] = write_outline(self, self.bookmarks)
            catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
        catalog_ref = self.reserve()
        self.write(catalog_ref, catalog)
        info_ref = self.reserve()
        self.write(info_ref, DictionaryObject({NameObject(k): TextStringObject(v) for k, v in info.items()}))
        start = self.out.tell()
        self.out.write(f"xref\n0 {len(self.offsets) + 1}\n0000000000 65535 f \n".encode())
        for offset in self.offsets:
            self.out.write(f"{offset:010d} 00000 n \n".encode())
        size, root, info = len(self.offsets) + 1, catalog_ref.idnum, info_ref.idnum
        trailer = f"trailer\n<< /Size {size} /Root {root} 0 R /Info {info} 0 R >>"
        self.out.write(f"{trailer}\nstartxref\n{start}\n%%EOF\n".encode())
        return len(self.pages)

    def _write_structure(self) -> None:
        self.write(self.document_ref, DictionaryObject({
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject("/Document"),
            NameObject("/P"): self.struct_root_ref,
            NameObject("/K"): ArrayObject(self.sections),
        }))  # fmt: skip
        numbers = ArrayObject()
        for key, value in self.parent_tree:
            numbers.extend([NumberObject(key), value])
        root = DictionaryObject({
            NameObject("/Type"): NameObject("/StructTreeRoot"),
            NameObject("/K"): ArrayObject([self.document_ref]),
            NameObject("/ParentTree"): DictionaryObject({NameObject("/Nums"): numbers}),
            NameObject("/ParentTreeNextKey"): NumberObject(self.next_key),
        })  # fmt: skip
        if self.role_map is not None:
            root[NameObject("/RoleMap")] = self.role_map
        self.write(self.struct_root_ref, root)


def write_outline(
    joiner: PartsJoiner, bookmarks: list[tuple[str, int, IndirectObject, float]]
) -> IndirectObject:
    """Write the outline: the first part's level-1 bookmark is the parent of all later top-level ones."""
    nodes = [{"ref": joiner.reserve(), "title": t, "level": lv, "page": p, "top": top, "kids": []}
             for t, lv, p, top in bookmarks]  # fmt: skip
    root = {"ref": joiner.reserve(), "kids": []}
    stack = [(0, root)]
    for node in nodes:
        level = node["level"]
        while stack[-1][0] >= level:
            stack.pop()
        node["parent"] = stack[-1][1]
        stack[-1][1]["kids"].append(node)
        stack.append((level, node))
    for node in nodes:
        kids, parent = node["kids"], node["parent"]
        siblings = parent["kids"]
        position = siblings.index(node)
        entry = DictionaryObject({
            NameObject("/Title"): TextStringObject(node["title"]),
            NameObject("/Parent"): parent["ref"],
            NameObject("/Dest"): ArrayObject([node["page"], NameObject("/XYZ"), NumberObject(0),
                                              FloatObject(round(node["top"], 3)), NumberObject(0)]),
        })  # fmt: skip
        if position:
            entry[NameObject("/Prev")] = siblings[position - 1]["ref"]
        if position + 1 < len(siblings):
            entry[NameObject("/Next")] = siblings[position + 1]["ref"]
        if kids:
            entry[NameObject("/First")] = kids[0]["ref"]
            entry[NameObject("/Last")] = kids[-1]["ref"]
            entry[NameObject("/Count")] = NumberObject(len(kids))
        joiner.write(node["ref"], entry)
    outline = DictionaryObject({NameObject("/Type"): NameObject("/Outlines"),
                                NameObject("/Count"): NumberObject(len(nodes))})  # fmt: skip
    if root["kids"]:
        outline[NameObject("/First")] = root["kids"][0]["ref"]
        outline[NameObject("/Last")] = root["kids"][-1]["ref"]
    joiner.write(root["ref"], outline)
    return root["ref"]


def join_parts(parts, target: Path, *, title: str, author: str, subject: str) -> int:
    """Write the PDFs `parts` one after the other to `target`; return the number of pages."""
    with open(target, "wb") as handle:
        joiner = PartsJoiner(handle)
        for part in parts:
            joiner.add(Path(part))
        return joiner.close(
            info={"/Title": title, "/Author": author, "/Subject": subject, "/Creator": author}
        )
