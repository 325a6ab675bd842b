"""Council PDFs rendered with WeasyPrint."""
