"""Check ``alphanumeric``: full-width digits and Latin letters (GB/T 15835-2011 §4.1, §5.1.1).

Arabic numerals and Latin letters are set half-width in Chinese text: ``１０００元`` is
``1000元``, ``ＣＢＤ`` is ``CBD``. A full-width colon, point, comma or slash *between*
full-width digits belongs to the number (``１６：３２`` → ``16:32``) and is folded with it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from doclint.checks.hits import Hit, SubCheck
from doclint.document.chars import fold_width

if TYPE_CHECKING:
    from doclint.document import Document

_FULL_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ](?:[０-９Ａ-Ｚａ-ｚ]|[．：，／－](?=[０-９]))*")


class Alphanumeric(SubCheck):
    name = "alphanumeric"

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        return [
            Hit(m.start(), m.end(), fold_width(m.group()), {"match": m.group(), "right": fold_width(m.group())})
            for m in _FULL_ALNUM.finditer(view.text)
        ]
