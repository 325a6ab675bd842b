"""Finished PDFs in PostgreSQL: a Django storage any web process or worker can read.

The default of settings.STORAGES["pdf_exports"], so a worker with its own disk and a web process
with another serve the same files, with no extra service. A file is written in chunks inside the
caller's transaction (an export's file and its "ready" status commit together: no half-written
PDF is ever served) and read back chunk by chunk, so a download streams. Any other Django storage
(for example django-storages' S3Storage) can take its place through SETA_PDF_STORAGE_BACKEND.
"""

import io

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import Storage
from django.db import transaction
from django.utils.deconstruct import deconstructible

CHUNK_SIZE = 1024 * 1024


def stored_files():
    """The StoredFile model (looked up late: the export model's FileField creates this storage)."""
    return apps.get_model("core", "StoredFile")


def stored_chunks():
    return apps.get_model("core", "StoredFileChunk")


class ChunkReader(io.RawIOBase):
    """Reads a stored file's chunks one at a time, in order."""

    def __init__(self, stored):
        self.stored = stored
        self.index = 0
        self.buffer = b""
        self.last_index = stored.chunks.count() - 1

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self.buffer and self.index <= self.last_index:
            chunk = stored_chunks().objects.filter(file=self.stored, index=self.index).first()
            self.buffer = bytes(chunk.data) if chunk else b""
            self.index += 1
        size = min(len(target), len(self.buffer))
        target[:size] = self.buffer[:size]
        self.buffer = self.buffer[size:]
        return size


@deconstructible
class DatabaseStorage(Storage):
    """Files as rows of StoredFile with their bytes in StoredFileChunk."""

    def _open(self, name, mode="rb"):
        if "w" in mode or "a" in mode:
            raise ValueError("DatabaseStorage opens files for reading only; save them with save().")
        stored = stored_files().objects.filter(name=name).first()
        if stored is None:
            raise FileNotFoundError(name)
        return File(io.BufferedReader(ChunkReader(stored), buffer_size=CHUNK_SIZE), name=name)

    @transaction.atomic
    def _save(self, name, content):
        stored = stored_files().objects.create(name=name)
        size = 0
        content.seek(0) if hasattr(content, "seek") else None
        for index, data in enumerate(iter(lambda: content.read(CHUNK_SIZE), b"")):
            stored_chunks().objects.create(file=stored, index=index, data=data)
            size += len(data)
        stored.size = size
        stored.save(update_fields=["size"])
        return name

    def delete(self, name):
        stored_files().objects.filter(name=name).delete()

    def exists(self, name):
        return stored_files().objects.filter(name=name).exists()

    def size(self, name):
        stored = stored_files().objects.filter(name=name).only("size").first()
        if stored is None:
            raise FileNotFoundError(name)
        return stored.size

    def listdir(self, path):
        prefix = f"{path.rstrip('/')}/" if path else ""
        names = stored_files().objects.filter(name__startswith=prefix).values_list("name", flat=True)
        directories, files = set(), []
        for name in names:
            rest = name[len(prefix) :]
            if "/" in rest:
                directories.add(rest.split("/", 1)[0])
            else:
                files.append(rest)
        return sorted(directories), sorted(files)

    def url(self, name):
        raise NotImplementedError("Stored PDFs are downloaded through the export's download view.")
