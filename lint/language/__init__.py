"""The language layer: what a check may ask about Chinese words, asked the same way everywhere.

* :mod:`segment` — words of a text with their offsets and parts of speech (rjieba, the
  compiled jieba-rs segmenter, dictionary only, so results are stable).
* :mod:`lexicon` — the segmenter's dictionary as data: is this a word, how frequent, which
  part of speech, which words are idioms.
* :mod:`likelihood` — how likely a span is: the best segmentation's log probability under
  the dictionary's word frequencies.

Everything loads lazily: a run that never asks pays nothing.
"""
