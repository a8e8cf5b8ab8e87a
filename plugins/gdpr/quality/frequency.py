"""How often a prefilter key occurs in French and English text: what a phrase is looked for by.

The detectors' prefilter looks for one word of each phrase (its anchor) and does more work on
every text holding it: a phrase anchored on "attention" of "déficit d'attention" puts every
"en attente" remark through that work. The anchor should be the word that occurs least in the
free text of an organisation nobody has seen, so its frequency is taken from general French and
English usage (wordfreq's lists: word frequencies from subtitles, news, Wikipedia, web text),
not from the labelled texts this project wrote, whose words it shares by construction.

A key is what the prefilter's automaton looks for in a text's padded normal form: " word " (the
whole word) or " stem" (every word starting with it). Its frequency is the summed frequency of
the words it matches there, French and English added (remarks are written in both). The lists'
words are normalised by the caller's function (the detectors' own: accents, case, elisions), and
a word the lists do not hold counts as rare (0): the small lists hold every word used more than
about once per million words.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from itertools import accumulate

LANGUAGES = ("fr", "en")


class Frequencies:
    """The summed frequency of the words a key matches, by bisection over the sorted words."""

    def __init__(self, counts: dict[str, float]) -> None:
        self.words = sorted(counts)
        self.sums = [0.0, *accumulate(counts[w] for w in self.words)]
        self.counts = counts

    def key(self, key: str) -> float:
        """The frequency of ``key``: " word " a whole word, " stem" every word it starts."""
        word = key.strip()
        if key.endswith(" "):
            return self.counts.get(word, 0.0)
        low = bisect_left(self.words, word)
        high = bisect_left(self.words, word + "\x7f")  # past every word starting with it
        return self.sums[high] - self.sums[low]


@cache
def load(normal: Callable[[str], str]) -> Frequencies:
    """The French and English lists' frequencies by normalised word; a word written with an
    elision or a hyphen ("aujourd'hui") counts for each word its normal form splits into."""
    from wordfreq import get_frequency_dict  # a second at most, once, at the lexicon's compile

    counts: dict[str, float] = {}
    for language in LANGUAGES:
        for word, frequency in get_frequency_dict(language, wordlist="small").items():
            for part in normal(word).split():
                counts[part] = counts.get(part, 0.0) + frequency
    return Frequencies(counts)
