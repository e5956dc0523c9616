"""Register: is a document speech-like or formal, narrative or technical?

Dialogue and informal narration (fiction, memoirs, chatty blogs) end clauses with modal
particles — 吧 呢 啊 呀 嘛 啦 — dozens of times per 10,000 characters; statutes, news,
reports and documentation almost never do (measured on ../shared/corpus: fiction 10–56,
everything else 0–3.2). Reduplication for effect (商议商议, 研究研究) belongs to the first
register; in the second a doubled verb is far more likely a slip.
"""

from __future__ import annotations

import re

_CLAUSE_FINAL_PARTICLE = re.compile(r"[吧呢啊呀嘛啦哦哟咧喽][，。！？!?…”」\s]")


def colloquial_rate(text: str) -> float:
    """Modal particles ending a clause, per 10,000 characters."""
    return len(_CLAUSE_FINAL_PARTICLE.findall(text)) * 10_000 / max(len(text), 1)


_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u3400-\u9fff]")


def latin_share(text: str) -> float:
    """Latin letters among Latin and Han characters: near 0 in news, statutes and fiction, about
    0.1 in Chinese tech blogs, 0.35–0.45 in software documentation full of names and commands."""
    latin = len(_LATIN.findall(text))
    return latin / max(1, latin + len(_HAN.findall(text)))
