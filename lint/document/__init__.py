"""Document model: reading, decoding, positions and the logical view."""

from lint.document.model import Document

__all__ = ["Document"]
