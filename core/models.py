"""The core's models: PDF exports and the files they are stored in (core/pdf/)."""

from core.pdf.models import PdfExport, StoredFile, StoredFileChunk

__all__ = ["PdfExport", "StoredFile", "StoredFileChunk"]
