"""Document model: reading, decoding, positions and the logical view."""

from doclint.document.model import Document

__all__ = ["Document"]
