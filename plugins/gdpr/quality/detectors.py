"""Free-text detectors: Art. 9 special categories, Art. 10 criminal data and identifiers.

The CNIL sanctioned CRM comments such as "client alcoolique" and recommends automatic filters
on comment fields; a filter that cries wolf is switched off, so precision matters as much as
recall. Every text goes through the same steps, the cheap ones first:

1. **Normalisation** (``gate_bytes``): lower case, accents stripped, elisions and punctuation
   split off ("l'hôpital" is ``l hopital``), as ASCII bytes made by C-speed steps only.
2. **Prefilter**: one Aho-Corasick automaton (pyahocorasick) over the normalised text holds the
   word starts of every phrase of the lexicon (``gdpr.quality.lexicon``) and the password
   keywords; with a digit count and an ``@`` test it rejects most texts outright.
3. **Morphology**: a candidate word is a remark word when it is the lexicon's word or shares
   its French or English Snowball stem ("diabétiques", "hospitalisation"/"hospitalisée"), or a
   hand-written stem; whole phrases are then checked word by word.
4. **Context**: a phrase is dropped when a *veto* overlaps it (figurative use, products,
   institutions and places: ``lexicon.VETOES``), when it is denied ("pas diabétique", "no
   criminal record"), when its sentence is about a pet or a plant (health), when it is a name
   written with a capital in the middle of a sentence, or when it sits in a street name.
5. **Identifiers** are checked with python-stdnum, not just shaped: payment cards by their
   scheme's IIN range, length and Luhn (an IMEI, Luhn-valid too, is not a card), IBANs in any
   grouping (spaces, dashes, dots) by ISO 13616, French NIRs by their key; passwords when a
   value is given after their keyword, before it, or after a terse label (``mdp``, ``pwd``),
   numeric PINs and unlock codes; phone numbers by libphonenumber, e-mail addresses by shape.

``explain`` says which rule fired for each label; the findings carry only the label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations
from operator import itemgetter
from re import _constants as sre_constants
from re import _parser as sre_parser

import ahocorasick
import phonenumbers
import snowballstemmer
from stdnum import iban as stdnum_iban
from stdnum import imei as stdnum_imei
from stdnum import luhn as stdnum_luhn
from stdnum.fr import nir as stdnum_nir

from gdpr.quality import classifier, frequency, lexicon

SPECIAL_CATEGORIES: tuple[str, ...] = (
    "health",
    "religion",
    "political_opinion",
    "union_membership",
    "ethnic_origin",
    "sexual_orientation",
    "biometric_genetic",
)
CRIMINAL: tuple[str, ...] = ("criminal",)
IDENTIFIERS: tuple[str, ...] = ("card_number", "iban", "nir", "password")
# Contact details: detected (``detect`` reports them) but not part of the default check, since a
# CRM note legitimately carries a call-back number; a suite can ask for them by ``labels``.
CONTACTS: tuple[str, ...] = ("phone", "email")
LABELS: tuple[str, ...] = SPECIAL_CATEGORIES + CRIMINAL + IDENTIFIERS
ALL_LABELS: tuple[str, ...] = LABELS + CONTACTS

# Art. 9(1) / Art. 10 wording of each label, shown in reports next to the label.
DESCRIPTIONS: dict[str, str] = {
    "health": "data concerning health (Art. 9(1))",
    "religion": "religious or philosophical beliefs (Art. 9(1))",
    "political_opinion": "political opinions (Art. 9(1))",
    "union_membership": "trade union membership (Art. 9(1))",
    "ethnic_origin": "racial or ethnic origin (Art. 9(1))",
    "sexual_orientation": "sex life or sexual orientation (Art. 9(1))",
    "biometric_genetic": "genetic or biometric data (Art. 9(1))",
    "criminal": "criminal convictions and offences (Art. 10)",
    "card_number": "payment card number (scheme range and Luhn valid)",
    "iban": "bank account number (IBAN, checksum valid)",
    "nir": "French social security number (NIR, key valid)",
    "password": "a password or PIN given in clear",
    "phone": "a phone number",
    "email": "an e-mail address",
}


# --- normalisation ---------------------------------------------------------------------------
def _fold_table() -> dict[int, str]:
    """One character for one: Latin letters to unaccented lower case, punctuation to a space."""
    table: dict[int, str] = {}
    for code in range(0x20, 0x250):
        char = chr(code)
        if char.isalnum():
            decomposed = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
            if len(base) == 1 and base.isascii() and base != char:
                table[code] = base
        elif not char.isspace():
            table[code] = " "
    for code in (0x2019, 0x2018, 0x02BC, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026):
        table[code] = " "
    return table


_FOLD = _fold_table()
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces; the same length as ``text`` unless it
    holds a ligature (œ, æ), which is expanded first."""
    if "œ" in text or "Œ" in text or "æ" in text or "Æ" in text:
        text = text.translate(_LIGATURES)
    return text.translate(_FOLD)


# Non-ASCII characters that separate words (Latin-1 punctuation, typographic quotes and
# dashes, narrow spaces), and symbols (currency such as "€", arrows, "™", ticks, emoji):
# spaces, as fold() makes them, so that the text keeps its length and a word's capitals can
# still be read ("Adhérent LFI, don de 200 €"); other non-ASCII symbols are dropped.
_SEPARATORS = re.compile(
    "[\u00a0-\u00bf\u00d7\u00f7\u02bc\u2000-\u206f\u20a0-\u20cf\u2100-\u214f"
    "\u2190-\u21ff\u2500-\u27bf\U0001f000-\U0001faff]"
)
_GATE_TABLE = bytes(ord(chr(c).lower()) if c < 128 and chr(c).isalnum() else 32 for c in range(256))
# The same with sentence punctuation kept (as "."), for the context rules.
_CLAUSE_TABLE = bytes(
    ord(chr(c).lower())
    if c < 128 and chr(c).isalnum()
    else (46 if chr(c) in ".!?;:\n()[]" else (44 if chr(c) == "," else 32))
    for c in range(256)
)
_DIGITS_ONLY = bytes(range(256)).translate(None, b"0123456789")


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    if "œ" in text or "Œ" in text or "æ" in text or "Æ" in text:
        text = text.translate(_LIGATURES)
    return unicodedata.normalize("NFKD", _SEPARATORS.sub(" ", text))


def _latin_tables() -> tuple[bytes, bytes]:
    """``_ascii(...).encode("ascii", "ignore")`` as one bytes translation for Latin-1 text:
    each character to its unaccented letter, a space, or nothing (ligatures excepted)."""
    table, delete = bytearray(range(256)), bytearray()
    for code in range(128, 256):
        char = chr(code)
        if _SEPARATORS.match(char):
            table[code] = 32
            continue
        out = unicodedata.normalize("NFKD", char).encode("ascii", "ignore")
        if len(out) == 1:
            table[code] = out[0]
        else:
            delete.append(code)
    return bytes(table), bytes(delete)


_LATIN_TABLE, _LATIN_DELETE = _latin_tables()


# Each table of the normal forms composed with the Latin-1 one: a Latin-1 text is unaccented
# and normalised in a single pass.
_THROUGH_LATIN = {
    table: bytes(table[code] for code in _LATIN_TABLE) for table in (_GATE_TABLE, _CLAUSE_TABLE)
}


def _normal(text: str, table: bytes) -> bytes:
    """The text as ASCII bytes (``_ascii`` encoded) translated by ``table`` (``_GATE_TABLE``
    or ``_CLAUSE_TABLE``), by C-speed steps: Latin-1 text (typographic apostrophes allowed)
    skips NFKD and takes one translation, its accents and ``table`` at once."""
    if text.isascii():
        return text.encode().translate(table)
    if "\u2019" in text:
        text = text.replace("\u2019", " ")
    try:
        latin = text.encode("latin-1")
    except UnicodeEncodeError:
        return _ascii(text).encode("ascii", "ignore").translate(table)
    if b"\xe6" in latin or b"\xc6" in latin:  # æ, Æ: expanded by _ascii
        return _ascii(text).encode("ascii", "ignore").translate(table)
    return latin.translate(_THROUGH_LATIN[table], _LATIN_DELETE)


def gate_bytes(text: str) -> bytes:
    """The text as ASCII bytes, lower case, punctuation as spaces: the words ``fold`` gives,
    made by C-speed steps only (NFKD, encode, a 256-byte table), since every text pays it."""
    return _normal(text, _GATE_TABLE)


# --- morphology --------------------------------------------------------------------------------
_FR = snowballstemmer.stemmer("french")
_EN = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, str]:
    """(French stem, English stem) of a normalised word; cached, bounded (memory stays flat)."""
    return _FR.stemWord(word), _EN.stemWord(word)


# --- the lexicon compiled ------------------------------------------------------------------
_INFLECTIONS = frozenset(["s", "e", "es", "x", "ee", "ees"])
_MARKS = frozenset(".,")  # the clause's sentence and clause marks, tokens of phrases too


class _Word:
    """One word of a phrase: how a token must look to match it (see ``gdpr.quality.lexicon``);
    one object per spelling of a word in the lexicon (``_word``), compared by identity."""

    __slots__ = ("en", "fr", "kind", "text", "trigger")

    def __init__(self, kind: str, text: str, fr: str = "", en: str = "") -> None:
        self.kind, self.text, self.fr, self.en = kind, text, fr, en
        # what every matching token starts with (the prefilter looks for it)
        common = text
        if kind == "stem":
            for stem in (fr, en):
                if stem == "\0":
                    continue
                n = 0
                while n < min(len(common), len(stem)) and common[n] == stem[n]:
                    n += 1
                common = common[:n]
        self.trigger = common or text

    def matches(self, token: str, original: str | None) -> bool:
        kind = self.kind
        if kind == "exact":
            return token == self.text
        if kind == "any":
            return True
        if kind == "upper":  # "^AVC": in capitals; "^Aid": capitalised
            if original is None:
                return False
            if token != self.text:
                # an abbreviation in the plural: "two TIAs", "des AVCs"
                return (
                    self.fr == "caps"
                    and len(token) > 3
                    and token == self.text + "s"
                    and original[-1] == "s"
                    and original[:-1].isupper()
                )
            return original.isupper() if self.fr == "caps" else original[:1].isupper()
        if kind == "prefix":
            return token.startswith(self.text)
        text = self.text
        if kind == "word":
            return token == text or (token.startswith(text) and token[len(text) :] in _INFLECTIONS)
        if token == text or (token.startswith(text) and token[len(text) :] in _INFLECTIONS):
            return True
        if not token.startswith(self.trigger):
            return False
        fr, en = stems(token)
        return fr == self.fr or en == self.en


@dataclass(frozen=True, slots=True)
class Rule:
    label: str
    rule_id: str
    words: tuple[_Word, ...]
    anchor: int


def _expand(term: str) -> list[str]:
    """Every string the small syntax allows: ``(a|b)`` alternatives, ``(x)?`` optional."""

    def alternatives(pos: int) -> tuple[list[str], int]:
        options, current = [], [""]
        while pos < len(term) and term[pos] not in "|)":
            if term[pos] == "(":
                inner, pos = alternatives(pos + 1)
                pos += 1  # ')'
                unit = inner
            else:
                unit, pos = [term[pos]], pos + 1
            if pos < len(term) and term[pos] == "?" and unit != ["?"]:
                unit, pos = [*unit, ""], pos + 1
            current = [c + u for c in current for u in unit]
        options += current
        if pos < len(term) and term[pos] == "|":
            more, pos = alternatives(pos + 1)
            options += more
        return options, pos

    return alternatives(0)[0]


@cache  # one object per distinct word: the lexicon's millions of expansions share them
def _word(token: str) -> _Word:
    if not token.startswith("^") and token != token.lower():
        # the text a word is matched against is lower case: "fiche S" would never match
        raise ValueError(f"{token!r}: lexicon words are lower case; ^{token} asks for capitals")
    if token == "%":
        return _Word("any", "")
    if token.startswith("^"):
        spec = token[1:]
        return _Word("upper", spec.lower(), "caps" if spec.isupper() else "cap")
    if token.startswith("="):
        return _Word("exact", token[1:])
    if token.endswith("*"):
        return _Word("prefix", token[:-1])
    if len(token) <= 3 or not token.isalpha():
        return _Word("exact", token)
    # Stems that keep the word's root (the stemmer took at most an inflection or a short
    # suffix off, and left at least five letters): "socialiste" is not read as "sociale".
    fr, en = (s if len(s) >= 5 and len(token) - len(s) <= 3 else "\0" for s in stems(token))
    if fr == en == "\0":
        return _Word("word", token)  # the word and its plain inflections only
    return _Word("stem", token, fr, en)


@cache  # asked for each word of the lexicon's millions of expansions, of a few thousand words
def _keys(word: _Word) -> tuple[str, ...]:
    """The prefilter's keys of a phrase's word (in a text's padded normal form); none for a
    wildcard or a sentence mark ("." and "," are tokens of the clause, spaces in that form)."""
    if word.kind == "any" or word.text in _MARKS:
        return ()
    if word.kind == "upper" and word.fr == "caps" and len(word.text) > 2:
        return (f" {word.text} ", f" {word.text}s ")  # "two TIAs"
    if word.kind in ("exact", "upper"):
        return (f" {word.text} ",)
    if word.kind == "word":
        return tuple(f" {word.text}{ending} " for ending in ("", *_INFLECTIONS))
    return (f" {word.trigger}",)


def _gate_text(text: str) -> str:
    return gate_bytes(text).decode()


_FREQUENCIES = frequency.load(_gate_text)


_RANK = {w: n for n, w in enumerate(lexicon.FREQUENT)}


@cache  # a few thousand keys, asked for each of the needs
def _rarity(key: str) -> tuple:
    """How rarely the prefilter meets ``key`` in notes (greater: rarer): the words of notes
    first (``lexicon.COMMON``, ``lexicon.FREQUENT``), then French and English usage."""
    word = key.strip()
    return (
        word not in lexicon.COMMON,
        _RANK.get(word, len(_RANK)),
        -_FREQUENCIES.key(key),
        len(word),
    )


@cache  # asked millions of times at import, of a few thousand words
def _word_rarity(w: _Word) -> tuple:
    """How rarely a phrase's word occurs in notes (greater: rarer): the words of notes first
    (``lexicon.COMMON``, ``lexicon.FREQUENT``: "client" is rarer than "noir" in French at large,
    not in a CRM), then its keys' frequency in French and English (``gdpr.quality.frequency``:
    "déficit" is rarer than "attention", though both are as long); a wildcard or a mark never."""
    keys = _keys(w)
    if not keys:
        return (False,)
    # a number is as common in notes as their commonest words (amounts, dates, references)
    common = w.text in lexicon.COMMON or w.trigger in lexicon.COMMON or not w.text.isalpha()
    rank = _RANK.get(w.text, _RANK.get(w.trigger, len(_RANK) + 1))
    short = w.kind in ("stem", "prefix") and len(w.trigger) < 4
    used = sum(_FREQUENCIES.key(key) for key in keys)
    return (True, not common, not short, rank, -used, len(w.trigger))


def _anchor(words: tuple[_Word, ...], free: frozenset[str]) -> int:
    """The word of a phrase the prefilter looks for: one whose every key a one-word phrase
    already has it look for (a text holding it is read anyway, so the phrase costs no other text
    anything), else the least frequent. Anchored on "attention" rather than "déficit", "déficit
    d'attention" had every "en attente" note tested for its other words."""
    indices = range(len(words))
    already = [i for i in indices if _keys(words[i]) and free.issuperset(_keys(words[i]))]
    return max(already or indices, key=lambda i: _word_rarity(words[i]))


class _Group:
    """The rules sharing an anchor word, indexed by their rarest other word at its distance from
    the anchor: an exact word by its text, a stem by its prefix, so that a token only meets the
    rules it can start. (Indexed by the word next to the anchor, "les Républicains" met the two
    thousand spelled-out "candidat pour les Républicains", "élue de les ..." phrases at every
    "les Républicains".)"""

    __slots__ = ("by_neighbour", "deltas", "generic", "labels", "prefix_deltas", "prefix_lengths")

    def __init__(self) -> None:
        self.generic: list[Rule] = []
        self.by_neighbour: dict[tuple, list[Rule]] = {}
        self.deltas: set[int] = set()
        self.prefix_deltas: set[int] = set()
        # the lengths of the prefixes indexed at each distance, shortest first: a token is cut
        # only at those lengths, not at each of its own
        self.prefix_lengths: dict[int, tuple[int, ...]] = {}
        # the labels of its rules: once a text has them all, the group has nothing to add
        self.labels: set[str] = set()

    def add(self, rule: Rule) -> None:
        self.labels.add(rule.label)
        others = [k for k, word in enumerate(rule.words) if k != rule.anchor and word.kind != "any"]
        if not others:
            self.generic.append(rule)
            return
        k = max(others, key=lambda k: _word_rarity(rule.words[k]))
        word, delta = rule.words[k], k - rule.anchor
        if word.kind == "upper" and word.fr == "caps" and len(word.text) > 2:
            keys = [(delta, word.text), (delta, word.text + "s")]
        elif word.kind in ("exact", "upper"):
            keys = [(delta, word.text)]
        elif word.kind == "word":
            keys = [(delta, word.text + e) for e in ("", *_INFLECTIONS)]
        else:
            self.by_neighbour.setdefault((delta, "*", word.trigger), []).append(rule)
            self.prefix_deltas.add(delta)
            lengths = self.prefix_lengths.get(delta, ())
            if len(word.trigger) not in lengths:
                self.prefix_lengths[delta] = tuple(sorted((*lengths, len(word.trigger))))
            return
        for key in keys:
            self.by_neighbour.setdefault(key, []).append(rule)
        self.deltas.add(delta)

    def candidates(self, tokens: list[str], i: int) -> list[Rule]:
        found = self.generic
        n = len(tokens)
        for delta in self.deltas:
            if 0 <= i + delta < n:
                more = self.by_neighbour.get((delta, tokens[i + delta]))
                if more:
                    found = found + more
        for delta in self.prefix_deltas:
            if 0 <= i + delta < n:
                token = tokens[i + delta]
                for end in self.prefix_lengths[delta]:
                    if end > len(token):
                        break
                    more = self.by_neighbour.get((delta, "*", token[:end]))
                    if more:
                        found = found + more
        return found


def _spaces(pattern: str) -> str:
    """A space of a veto matches a run of spaces (quotes and dashes become spaces), except in
    a look-behind, which must keep a fixed width."""
    out, depth, behind = [], 0, []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "(":
            depth += 1
            if pattern.startswith("(?<!", i) or pattern.startswith("(?<=", i):
                behind.append(depth)
        elif char == ")":
            if behind and behind[-1] == depth:
                behind.pop()
            depth -= 1
        out.append(" +" if char == " " and not behind else char)
        i += 1
    return "".join(out)


def _phrases() -> Iterator[tuple[str, str, tuple[_Word, ...], int | None]]:
    """Each spelling of each phrase: its label, rule id, words and forced anchor ("@", if any)."""
    for category, phrases in lexicon.PHRASES.items():
        label = lexicon.LABEL_OF.get(category, category)
        for n, phrase in enumerate(phrases):
            rule_id = f"{category}.{n}"  # one string shared by the phrase's spellings
            seen: set[str] = set()
            for expansion in _expand(phrase):
                expansion = " ".join(expansion.split())
                if not expansion or expansion in seen:
                    continue
                seen.add(expansion)
                parts = expansion.split()
                forced = [n for n, t in enumerate(parts) if t.startswith("@")]
                words = tuple(_word(t.lstrip("@")) for t in parts)
                yield label, rule_id, words, forced[0] if forced else None


def _compile() -> tuple[dict[str, dict[_Word, _Group]], dict[str, _VetoGroup]]:
    # the keys of one-word phrases (written without a space): every text holding one is read
    # whatever else it holds
    free = frozenset(
        key
        for phrases in lexicon.PHRASES.values()
        for phrase in phrases
        if " " not in phrase
        for expansion in _expand(phrase)
        if expansion
        for key in _keys(_word(expansion.lstrip("@")))
    )
    by_trigger: dict[str, dict[_Word, _Group]] = {}
    for label, rule_id, words, forced in _phrases():
        anchor = forced if forced is not None else _anchor(words, free)
        if not _keys(words[anchor]):
            raise ValueError(
                f"{rule_id}: {' '.join(w.text for w in words)!r} has no word to look for"
            )
        rule = Rule(label, rule_id, words, anchor)
        for key in _keys(words[anchor]):
            by_trigger.setdefault(key, {}).setdefault(words[anchor], _Group()).add(rule)
    vetoes = {
        label: _VetoGroup(
            [
                _Veto(f"{label}.{n}", re.compile(_spaces(piece)))
                for n, piece in enumerate(p for v in patterns for p in _alternatives(v))
            ]
        )
        for label, patterns in lexicon.VETOES.items()
    }
    return by_trigger, vetoes


@dataclass(frozen=True)
class _Veto:
    name: str
    pattern: re.Pattern[str]


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split on ``|`` outside groups)."""
    pieces, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    pieces.append(pattern[start:])
    return pieces


# --- what every match of a veto holds ----------------------------------------------------------
# A veto is searched in a window around a phrase, and most windows hold none of the words a
# veto is made of: an automaton of those words (one pass per window) says which vetoes can
# match there, and only those are searched (a veto opening with a dozen look-behinds cost 0.2 ms
# a search). The words are read off the stdlib's own parse of the pattern (``re._parser``), so
# no hand-written subset of the syntax can drift from what the engine matches; a construct the
# reading does not know gives no words, and its veto is then searched everywhere.
_Strings = frozenset[str]
_EMPTY_STRING: _Strings = frozenset([""])
_MAX_STRINGS = 256  # a bound on the spellings followed (a longer list is cut, never wrong)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_Parsed = list[tuple[object, object]]


def _concat(left: _Strings | None, right: _Strings | None) -> _Strings | None:
    """Each string of ``left`` followed by each of ``right`` (None: unknown or too many)."""
    if left is None or right is None or len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _exact(items: _Parsed) -> _Strings | None:
    """Every string a parsed sequence matches, when they are few (None: many, or unknown)."""
    out: _Strings | None = _EMPTY_STRING
    for op, arg in items:
        out = _concat(out, _exact_item(op, arg))
        if out is None:
            return None
    return out


def _exact_item(op: object, arg: object) -> _Strings | None:
    if op is sre_constants.LITERAL:
        return frozenset([chr(arg)])
    if op in _ZERO_WIDTH:  # \b, look-arounds: nothing of the match itself
        return _EMPTY_STRING
    if op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in arg):
        return frozenset(chr(code) for _, code in arg)
    if op is sre_constants.BRANCH:
        options = [_exact(branch) for branch in arg[1]]
        if any(option is None for option in options):
            return None
        out = frozenset().union(*options)
        return out if len(out) <= _MAX_STRINGS else None
    if op is sre_constants.SUBPATTERN:
        return None if arg[1] & re.IGNORECASE else _exact(arg[3])
    if op in _REPEATS and arg[1] <= 2:  # "s?", "(?:de )?"
        low, high, item = arg
        one, run, out = _exact(item), _EMPTY_STRING, set()
        for count in range(high + 1):
            if run is None:
                return None
            if count >= low:
                out |= run
            run = _concat(run, one)
        return frozenset(out)
    return None


def _prefixes(items: _Parsed) -> _Strings:
    """Strings one of which starts every match of a parsed sequence (at least the empty one)."""
    out = _EMPTY_STRING
    for op, arg in items:
        exact = _exact_item(op, arg)
        if exact is None:
            start = _prefix_item(op, arg)
            return (_concat(out, start) if start else None) or out
        longer = _concat(out, exact)
        if longer is None:
            return out
        out = longer
    return out


def _prefix_item(op: object, arg: object) -> _Strings | None:
    if op is sre_constants.BRANCH:
        return frozenset().union(*(_prefixes(branch) for branch in arg[1]))
    if op is sre_constants.SUBPATTERN and not arg[1] & re.IGNORECASE:
        return _prefixes(arg[3])
    if op in _REPEATS and arg[0] >= 1:
        return _prefixes(arg[2])
    return None


def _held(items: _Parsed) -> _Strings | None:
    """Strings one of which every match of a parsed sequence holds, or its look-ahead sees
    (None: none known): a run of literal items, that run with the start of the next item, or
    one item's own; the longest found, so that the fewest windows hold one."""
    found: list[_Strings] = []
    run = _EMPTY_STRING
    for op, arg in items:
        if op is sre_constants.ASSERT and arg[0] == 1:
            # a look-ahead's words are not in the match but after it, before the search's end,
            # so within the window the vetoes' words are looked for in ("\w+(?=.{0,80}blague)")
            ahead = _held(arg[1])
            if ahead is not None:
                found.append(ahead)
            continue
        exact = _exact_item(op, arg)
        if exact is not None:
            longer = _concat(run, exact)
            if longer is None:
                found.append(run)
                longer = exact
            run = longer
            continue
        start = _prefix_item(op, arg)
        found.append((_concat(run, start) if start else None) or run)
        inner = _held_item(op, arg)
        if inner is not None:
            found.append(inner)
        run = _EMPTY_STRING
    found.append(run)
    useful = [strings for strings in found if "" not in strings]
    return max(useful, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _held_item(op: object, arg: object) -> _Strings | None:
    if op is sre_constants.BRANCH:
        options = [_held(branch) for branch in arg[1]]
        return None if any(o is None for o in options) else frozenset().union(*options)
    if op is sre_constants.SUBPATTERN and not arg[1] & re.IGNORECASE:
        return _held(arg[3])
    if op in _REPEATS and arg[0] >= 1:
        return _held(arg[2])
    return None


def _words_held(pattern: str) -> _Strings | None:
    """Strings one of which every match of ``pattern`` holds, none holding another (None: not
    known, or the pattern ignores case)."""
    parsed = sre_parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    held = _held(parsed.data)
    if held is None:
        return None
    return frozenset(s for s in held if not any(o != s and o in s for o in held))


class _VetoGroup:
    """The vetoes of a label or a category, and an automaton from the words their matches
    hold to the vetoes holding them."""

    __slots__ = ("always", "vetoes", "words")

    def __init__(self, vetoes: list[_Veto]) -> None:
        self.vetoes = tuple(vetoes)
        by_word: dict[str, list[int]] = {}
        always: list[int] = []
        for index, veto in enumerate(vetoes):
            words = _words_held(veto.pattern.pattern)
            if words is None:
                always.append(index)
            for word in words or ():
                by_word.setdefault(word, []).append(index)
        self.always = frozenset(always)
        self.words: ahocorasick.Automaton | None = None
        if by_word:
            self.words = ahocorasick.Automaton()
            for word, indices in by_word.items():
                self.words.add_word(word, indices)
            self.words.make_automaton()

    def candidates(self, clause: str, low: int, high: int) -> list[_Veto]:
        """The vetoes that can match in ``clause[low:high]``, in the lexicon's order."""
        found = set(self.always)
        if self.words is not None:
            for _, indices in self.words.iter(clause, low, high):
                found.update(indices)
        return [self.vetoes[index] for index in sorted(found)]


_RULES, _VETOES = _compile()

# Password keywords (on normalised words): the prefilter looks for them too; a trailing space
# is a whole word ("passe" of "mot de passe", not "passer").
_PASSWORD_KEYS = frozenset(
    [
        " password",
        " passwd",
        " passcode",
        " mot de passe",
        " mots de passe",
        " mot d passe",
        " pass ",
        " mdp ",
        " pwd ",
        " pw ",
        " pin ",
        " secret ",
        " acces ",
        " access ",
        " deverrouill",
        " unlock",
        " login ",
        " identifiant",
        " confidentiel ",
        " motdepasse",
        " wifi ",
        " wi fi ",
        " wpa ",
        " choisi le code",
        " chosen code",
        " security ",
        " secrete ",
        " securite ",  # "réponse de sécurité"
        " answer to ",  # "answer to « first school »: ..." (_SECRET_QUESTION)
        " answer for ",
        " reponse a ",
        " hint ",
        " identifiants ",
        " psw ",
        " pswd ",
        " digicode",
        " puk ",
        " memorable ",
        # "son code 3317", "Code carte bleue : 6614", "Gate code 1-9-8-4": "code" alone is
        # too frequent a word to send every note to the password checks
        " son code ",
        " mon code ",
        " votre code ",
        " ton code ",
        " leur code ",
        " his code ",
        " her code ",
        " my code ",
        " your code ",
        " their code ",
        " code carte",
        " code perso",
        " code cb ",
        " keysafe",
        " key safe",
        " lockbox",
        " door code",
        " gate code",
        " credentials ",
        " creds ",
        " keypad",
        " combo ",
        " padlock",
        " cadenas",
        " combinaison",
        " combination ",
        " sesame ",
        " cle de securite",
        " key box",
        " keybox",
        " code for the ",
        " code for his ",
        " code for her ",
        " code d entree",
        " code de la porte",
        " code de sa carte",
        " code de son ",
        # typed wrong ("passwrod = Hortensia12"), a passphrase, a router's key, MFA codes
        " passwrod",
        " pasword",
        " passowrd",
        " passphrase",
        " router key",
        " cle du routeur",
        " cle de la box",
        " backup code",
        " recovery code",
        " mfa ",
        " 2fa ",
        # "le même code partout : 1605", "uses "letmein" for everything": one secret reused
        " code partout",
        " same code everywhere",
        " for everything",
        " met partout",
        " utilise partout",
        # a typo, a recovery key, a security question, one-time and app codes
        " mot de pase",
        " passwrd",
        " phrase de passe",
        " recovery key",
        " cle de recuperation",
        " question de securite",
        " code de la carte",
        " app code",
        " code de l appli",
        " usage unique",
        " one time code",
    ]
)

# Objects whose code can be a secret ("code de l'interphone : 4521", "voicemail PIN 0000"): every
# password pattern that names one names its code too, so they send a text to the password checks
# only along with one of the code words (a note about a garage or a voicemail is not looked at).
_OBJECT_KEYS = frozenset(
    [
        " alarme",
        " alarm ",
        " garage",
        " coffre",
        " cadenas",
        " messagerie",
        " portail",
        " parental",
        " secours",
        " sim ",
        " safe ",
        " lock ",
        " padlock",
        " voicemail",
        " ipad ",
        " tablet",
        " serrure",
        " portillon",
        " interphone",
        " immeuble",
        " boite a cle",
        " boitier",
        " boite aux lettres",
        " antivol",
        " anti theft",
        " console",
        " vault",
        " casier",
        " door",
        " porte ",
        " car park",
        " telephone",
        " clavier",
        " desarmement",
        " connexion",
        " keypad",
        " phone ",
    ]
)
_CODE_WORDS = (" code", " pin ", " passcode")


def _password_cue(triggers: set[str], padded: str) -> bool:
    """Whether the password checks should read the text: a password keyword, or an object
    whose code can be a secret with a code word."""
    if not _PASSWORD_KEYS.isdisjoint(triggers):
        return True
    return not _OBJECT_KEYS.isdisjoint(triggers) and any(w in padded for w in _CODE_WORDS)


def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in (*_RULES, *_PASSWORD_KEYS, *_OBJECT_KEYS, *_PARTNER_KEYS):
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


# The partner words ``relationship_hit`` reads (a same-sex partner): the prefilter looks for them.
_MASC_PARTNER = frozenset(
    [
        "mari",
        "maris",
        "epoux",
        "compagnon",
        "copain",
        "fiance",
        "conjoint",
        "husband",
        "husbands",
        "boyfriend",
        "hubby",
        "concubin",
        "ami",  # "petit ami" only
        "homme",
        "man",
        "mec",
        "bf",
        "cheri",
        "amoureux",
        "fella",
    ]
)
_FEM_PARTNER = frozenset(
    [
        "femme",
        "epouse",
        "epouses",
        "compagne",
        "copine",
        "fiancee",
        "conjointe",
        "wife",
        "wives",
        "girlfriend",
        "wifey",
        "missus",
        "concubine",
        "amie",  # "petite amie" only
        "woman",
        "meuf",
        "gf",
        "cherie",
        "amoureuse",
    ]
)
# One child's two fathers or mothers, named as a couple (``_ones_parents``)
_PARENTS = frozenset(["papas", "mamans", "dads", "mums", "moms"])
# Verbs of marrying between two people named (``_named_couple``)
_WED_VERBS = frozenset(["epouse", "epousera", "epousait", "marrying", "marries", "marry", "weds"])
_PARTNER_KEYS = frozenset(
    f" {w} "
    for w in _MASC_PARTNER
    | _FEM_PARTNER
    | {"pacse", "pacsee", "pacses", "pacsees", "pacs", "mariage", "maries", "mariees", "mariee"}
    | {"marie", "fiance", "fiancee", "spouse", "long time partner", "longtime partner"}
    | {"wedding", "married", "partnership", "couple", "mmes", "messrs", "marriage"}
    | _WED_VERBS  # "Thomas, qui épouse Lucas" (``_named_couple``)
    | {"looking for a man", "looking for a woman", "seeking a man", "seeking a woman"}
    | _PARENTS  # "les papas de Léo (M. A et M. B)"
) | frozenset([" his partner ", " her partner ", " son partenaire ", " sa partenaire "])
_AUTOMATON = _automaton()
# The keywords of the checks other than the rules' (passwords, codes, partners)
_CUE_KEYS = _PASSWORD_KEYS | _OBJECT_KEYS | _PARTNER_KEYS
GATE_WORDS = frozenset(key.strip() for key in _RULES)


@cache
def _need(word: _Word) -> str | None:
    """What the padded normalised text must hold for a token to match ``word``: its one key,
    or what its keys start with (a word and its inflections, an abbreviation and its plural)."""
    keys = _keys(word)
    if len(keys) < 2:
        return keys[0] if keys else None
    return f" {word.text}"


# What one rule of a trigger needs besides it: by the need's rarest word (its key), the other
# words of each need with that key. None: a rule of the trigger needs nothing more.
_Needs = dict[str, tuple[tuple[str, ...], ...]] | None


def _requirements() -> dict[str, _Needs]:
    """For each trigger, the other words one of its rules needs, by their rarest word. A trigger
    none of whose rules can complete is dropped before any tokenising: "confirmed in the church"
    is not looked at without "church", "due date" without "date"."""
    out: dict[str, _Needs] = {}
    for key, groups in _RULES.items():
        needs: set[tuple[str, ...]] = set()
        for group in groups.values():
            for rule in [*group.generic, *(r for rs in group.by_neighbour.values() for r in rs)]:
                words = {_need(w) for k, w in enumerate(rule.words) if k != rule.anchor}
                needs.add(tuple(sorted(n for n in words if n)))
        out[key] = None if () in needs else _by_key(_minimal(needs))
    return out


def _minimal(needs: set[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """The needs no other need is a proper subset of, shortest first. A need is a few sorted
    words, so its subsets are enumerated rather than every pair of needs compared (a trigger
    can have thousands of needs: the pairwise test took most of a minute at import)."""
    kept: set[tuple[str, ...]] = set()
    for need in sorted(needs, key=lambda n: (len(n), n)):
        if not any(sub in kept for size in range(1, len(need)) for sub in combinations(need, size)):
            kept.add(need)
    return tuple(sorted(kept, key=lambda n: (len(n), n)))


def _by_key(needs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Needs grouped by their rarest word, so that a text is tested only against the needs
    whose rarest word it holds: a trigger such as "affiches" ("affiches pour le PS", ...) has
    ninety needs, each of which a word-by-word test would try."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for need in needs:
        key = max(need, key=_rarity)
        grouped.setdefault(key, []).append(tuple(n for n in need if n != key))
    # a key that completes a need alone has no rests (``_minimal`` left no other need with it)
    return {key: tuple(r for r in rests if r) for key, rests in grouped.items()}


_NEEDS = _requirements()


_VALUE = itemgetter(1)  # an automaton match's value: (end, value)


def _key_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for needs in _NEEDS.values():
        for key in needs or ():
            automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


_KEY_AUTOMATON = _key_automaton()


# A trigger with at most this many keys has them looked up one by one (a substring test each,
# 40-60 ns), which costs less than a pass of the key automaton (about a microsecond); most
# triggers met in real text have one or two.
_FEW_KEYS = 16
# The needs of a password or partner keyword, which no rule is anchored on: none can be met.
_NO_RULE: dict[str, tuple[tuple[str, ...], ...]] = {}


def _live(triggers: set[str], padded: str) -> set[str]:
    """The triggers of rules that can still match ``padded``: a trigger needing other words is
    live when the text holds one of its needs' keys (looked up directly when the trigger has
    few, else by one pass of the key automaton, made only when such a trigger is met) and that
    need's other words."""
    live: set[str] = set()
    keys: set[str] | None = None
    for trigger in triggers:
        needs = _NEEDS.get(trigger, _NO_RULE)
        if needs is None:
            live.add(trigger)
        elif len(needs) <= _FEW_KEYS:
            for key, rests in needs.items():
                if key in padded and (not rests or _completed(rests, padded)):
                    live.add(trigger)
                    break
        else:
            if keys is None:
                keys = set(map(_VALUE, _KEY_AUTOMATON.iter(padded)))
            for key in keys.intersection(needs):
                rests = needs[key]
                if not rests or _completed(rests, padded):
                    live.add(trigger)
                    break
    return live


def _completed(rests: tuple[tuple[str, ...], ...], padded: str) -> bool:
    """Whether ``padded`` holds every word of one of ``rests`` (plain loops: the generator
    expressions they replace cost more than the substring tests on the usual one or two words)."""
    for rest in rests:
        for word in rest:
            if word not in padded:
                break
        else:
            return True
    return False


# --- context -----------------------------------------------------------------------------------
_TOKEN = re.compile(r"[a-z0-9]+|[.,]")
_WORD_AT = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Hit:
    """Why a label was given: the rule (or check) that fired, never the text itself."""

    label: str
    rule: str


_ABBREVIATIONS = frozenset(["m", "mr", "mme", "mrs", "ms", "mlle", "dr", "st", "ste", "pr", "prof"])


def _tokens(clause: str) -> tuple[list[str], list[int]]:
    found = list(_TOKEN.finditer(clause))
    tokens = [m[0] for m in found]
    starts = [m.start() for m in found]
    if "." in tokens:  # "M. Fabre" does not end a sentence
        keep = [
            n
            for n, t in enumerate(tokens)
            if not (t == "." and n and tokens[n - 1] in _ABBREVIATIONS)
        ]
        if len(keep) != len(tokens):
            tokens = [tokens[n] for n in keep]
            starts = [starts[n] for n in keep]
    return tokens, starts


def _negated(tokens: list[str], start: int) -> bool:
    """A negation a few light words before ("n'est pas diabétique", "no criminal record")."""
    skipped = 0
    i = start - 1
    while i >= 0 and skipped <= 1:
        token = tokens[i]
        if token in lexicon.NEGATIONS:
            return True
        if token in ".,":
            return False
        if token not in lexicon.LIGHT:
            skipped += 1
        i -= 1
    return False


# Words between a remark and what it is said of: "maladie du rosier", "disease of the hedge".
_OF_WORDS = frozenset(
    lexicon._words("du de d des la le l son sa ses mon ma leur of the his her my their its")
)


def _about_non_human(tokens: list[str], start: int, end: int) -> bool:
    """Whether the phrase at ``tokens[start:end]`` is said of an animal, a plant or a machine:
    an animal or a machine anywhere in its sentence, a plant only before it ("le rosier est
    malade") or right after it ("rose disease"); a plant named further on is what the person
    buys ("allergique aux pollens, veut des plantes", "on warfarin, asked which plants")."""
    i, j = _bounds(tokens, start, end, _SENTENCE_STOPS)
    if lexicon.NON_HUMAN.isdisjoint(tokens[i:j]):
        return False
    if _person_said_before(tokens, start) or _said_of_a_person(tokens, start):
        return False
    if _animal_or_machine_ill(tokens, start, end, (i, j)):
        return True
    if not lexicon.PLANTS.isdisjoint(tokens[i:start]):
        return True
    k = end
    while k < len(tokens) and k < end + 3 and tokens[k] in _OF_WORDS:
        k += 1
    return k < len(tokens) and tokens[k] in lexicon.PLANTS


# What an animal or a machine word in a person's sentence can be instead of the one ill: the
# chat channel ("préfère le chat au téléphone"), an allergen ("allergie sévère aux chats"), the
# battery of a powered aid ("fauteuil roulant électrique, batterie lithium").
_CHANNELS = frozenset(
    lexicon._words("telephone phone appel appels call calls email mail sms whatsapp visio video")
)
_CHAT_BEFORE = frozenset(lexicon._words("par sur prefere preferent prefers prefer"))
_ALLERGY_STEMS = ("allerg", "alerg")
_HAS_IT_BEFORE = frozenset(lexicon._words("chez du of"))
_BATTERIES = frozenset(lexicon._words("batterie batteries battery"))
_POWERED_AIDS = frozenset(
    lexicon._words("wheelchair wheelchairs fauteuil scooter pacemaker pompe pump aids implant")
)


_ANIMALS_AND_MACHINES = lexicon.NON_HUMAN - lexicon.PLANTS


def _animal_or_machine_ill(
    tokens: list[str], start: int, end: int, sentence: tuple[int, int]
) -> bool:
    """Whether an animal or a machine named in the phrase's sentence (its bounds) can be what
    the phrase is said of, rather than a channel, an allergen or a battery (see ``_CHANNELS``,
    ``_ALLERGY_STEMS``, ``_BATTERIES``)."""
    i, j = sentence
    # animals named after an allergy are what it is to ("aux chats, pas d'animaux"), unless
    # they have it ("allergie aux arachides chez le chien")
    allergy = any(t.startswith(_ALLERGY_STEMS) for t in tokens[start:end])
    for k in range(i, j):
        token = tokens[k]
        if token not in _ANIMALS_AND_MACHINES:
            continue
        if allergy and k >= end and _HAS_IT_BEFORE.isdisjoint(tokens[k - 2 : k]):
            continue
        if token in ("chat", "chats") and (
            _english_chat(tokens, k)
            or not _CHANNELS.isdisjoint(tokens[k + 1 : k + 4])
            or not _CHAT_BEFORE.isdisjoint(tokens[max(0, k - 2) : k])
        ):
            continue
        if any(
            t.startswith(_ALLERGY_STEMS) for t in tokens[max(i, k - 4) : k]
        ) and _HAS_IT_BEFORE.isdisjoint(tokens[k - 2 : k]):
            continue
        if token in _BATTERIES and not _POWERED_AIDS.isdisjoint(tokens[start:end]):
            continue
        if _BY.intersection(tokens[max(i, k - 3) : k]) and _BITTEN.intersection(tokens[i:k]):
            continue  # "mordu par un chien, vacciné contre le tétanos": the animal did it
        return True
    return False


_BY = frozenset(lexicon._words("par by"))
_BITTEN = frozenset(
    lexicon._words(
        """mordu mordue griffe griffee attaque attaquee renverse renversee pique piquee bitten
    bit scratched attacked knocked kicked stung"""
    )
)


_SPEAKER_PRONOUNS = frozenset(lexicon._words("she he elle il elles ils"))
_STRESSED = frozenset(lexicon._words("elle lui elles eux"))


def _person_said_before(tokens: list[str], start: int) -> bool:
    """Whether the phrase's own clause names a person as its subject, with no animal, plant or
    machine between them: "owner says she has lupus", "la cliente elle-même est sous
    antidépresseurs" (the pet named further on is not the one ill)."""
    i = start - 1
    while i >= 0 and start - i <= 6 and tokens[i] not in ".,":
        token = tokens[i]
        if token in lexicon.NON_HUMAN:
            return False
        if token in lexicon.SELF and (token != "meme" or (i and tokens[i - 1] in _STRESSED)):
            return True
        if token in _SPEAKER_PRONOUNS and i and tokens[i - 1] in _SPEECH:
            return True
        i -= 1
    return False


@dataclass(frozen=True, slots=True)
class _Subject:
    """A noun phrase that can be a phrase's subject: its words (the determiner left out), the
    index of its last word, whether a determiner led it, and the index of its verb."""

    words: tuple[str, ...]
    last: int
    determined: bool
    verb: int


def _subjects(tokens: list[str], first: int) -> Iterator[_Subject]:
    """The noun phrases that can be the subject of the phrase at ``tokens[first]``: each right
    before a verb (``lexicon.THING_VERBS``) that only light words part from the phrase ("a de
    la fièvre", "had a heart attack"), back to a clause word and at most six words long."""
    for verb in range(first - 1, max(-1, first - 7), -1):
        token = tokens[verb]
        if token in lexicon.THING_VERBS and (subject := _subject_of(tokens, verb)) is not None:
            yield subject
        if token not in lexicon.THING_LIGHT:
            return


def _subject_of(tokens: list[str], verb: int) -> _Subject | None:
    """The noun phrase before ``verb``: an optional determiner, at most three words, then an
    optional complement ("de M. Girard", "du 9", "of the house"); after an English possessive,
    the thing owned ("paraglider's wing")."""
    start = verb
    while start and tokens[start - 1] not in _CLAUSE_STOPS:
        if tokens[start - 1] in lexicon.THING_CLAUSE_WORDS or verb - start >= 6:
            break
        start -= 1
    phrase = tokens[start:verb]
    cut = next((n for n, t in enumerate(phrase) if n and t in _OF_COMPLEMENT), len(phrase))
    head = phrase[:cut]
    if "s" in head:
        head = head[len(head) - head[::-1].index("s") :]
    determined = bool(head) and head[0] in lexicon.THING_DETERMINERS
    words = tuple(head[1:] if determined else head)
    if not words or len(words) > 3 or not lexicon.THING_VERBS.isdisjoint(words):
        return None
    return _Subject(words, start + cut - 1, determined, verb)


def _said_of_a_thing(text: str, tokens: list[str], starts: list[int], first: int) -> bool:
    """Whether the phrase at ``tokens[first]`` is predicated of a thing: a subject (``_subjects``)
    whose words can name no person, body part or care, its last word in lower case (not a
    name). "le tableur est malade", "lift motor had a heart attack", "le poêle de M. Girard fait
    de la fièvre"; not "sa fille est malade". Without a determiner, two words at least and a
    verb that is no article: "lift motor had", not "Sacha a" nor "cust uses a"."""
    for subject in _subjects(tokens, first):
        if not subject.determined and (
            len(subject.words) < 2 or tokens[subject.verb] in _ARTICLE_OR_VERB
        ):
            continue
        at = starts[subject.last]
        if text[at : at + 1].islower() and not any(map(_names_a_person, subject.words)):
            return True
    return False


def _said_of_a_person(tokens: list[str], first: int) -> bool:
    """Whether the phrase's subject (``_subjects``) names a person outright, by a person's noun,
    a title or a first name, not by a pronoun (which may stand for a pet) nor by a suffix:
    "owner of the spaniel is pregnant", not "le chien de la cliente est diabétique"."""
    return any(
        lexicon.NON_HUMAN.isdisjoint(subject.words) and not _PERSON_WORDS.isdisjoint(subject.words)
        for subject in _subjects(tokens, first)
    )


_OF_COMPLEMENT = frozenset(lexicon._words("de du des d of"))
_ARTICLE_OR_VERB = frozenset(lexicon._words("a as"))  # English articles, French "a" and "à"
# The words that name a person outright in a subject (no pronoun, no possessive, no suffix).
_PERSON_WORDS = (
    lexicon.PERSON_NOUNS
    | lexicon.MALE_ROLES
    | lexicon.FEMALE_ROLES
    | lexicon.EPICENE_ROLES
    | lexicon.MALE_NAMES
    | lexicon.FEMALE_NAMES
    | frozenset(lexicon._words("m mr mme mrs ms mlle miss"))
) - frozenset(lexicon._words("il elle he she it they ils elles on eux lui him her them son sa"))


def _names_a_person(word: str) -> bool:
    """Whether a subject's word may name a person (outright, by a pronoun, or by a person's
    suffix: "le jardinier", "the caretaker"), a body part or care ("le genou", "la greffe"), or
    a number ("les 2", "batch 42"): anything but a thing, when in doubt."""
    if word in lexicon.THING_NOUNS:
        return False
    return (
        word in _PERSON_WORDS
        or word in lexicon.PERSON_NOUNS
        or word in _ONE_PERSON
        or word in lexicon.BODY_AND_CARE
        or word.isdigit()
        or word.endswith(lexicon.PERSON_SUFFIXES)
    )


# "the chat", "live chat": the English word, not a cat.
_ENGLISH_BEFORE_CHAT = frozenset(["the", "a", "live", "our", "your", "this", "via", "by", "web"])


def _english_chat(tokens: list[str], k: int) -> bool:
    """Whether ``tokens[k]`` is the English "chat" ("the chat", "live chat"), not a cat."""
    return tokens[k] in ("chat", "chats") and k > 0 and tokens[k - 1] in _ENGLISH_BEFORE_CHAT


def _animal_in_clause(tokens: list[str], start: int, end: int) -> bool:
    """Whether an animal, a plant or a machine is named in the phrase's own clause (between
    commas or stops): then the phrase is surely about it."""
    i, j = _bounds(tokens, start, end, _CLAUSE_STOPS)
    return any(tokens[k] in lexicon.NON_HUMAN and not _english_chat(tokens, k) for k in range(i, j))


_SENTENCE_STOPS = frozenset(".")
_CLAUSE_STOPS = frozenset(".,")


def _bounds(tokens: list[str], start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
    """Where the sentence (or clause, with ``_CLAUSE_STOPS``) holding ``tokens[start:end]``
    starts and ends: the tokens between the nearest ``stops`` on either side."""
    i = start
    while i > 0 and tokens[i - 1] not in stops:
        i -= 1
    j = end
    while j < len(tokens) and tokens[j] not in stops:
        j += 1
    return i, j


def _sentence(tokens: list[str], start: int, end: int) -> set[str]:
    i, j = _bounds(tokens, start, end, _SENTENCE_STOPS)
    return set(tokens[i:j])


_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n«\"(]\s*|\s-\s*)$")


def _capitalised_mid_sentence(text: str, start: int) -> bool:
    if not text[start].isupper() or text[start : start + 4].isupper():
        return False
    return not _SENTENCE_END.search(text[max(0, start - 4) : start])


_TITLES_AND_SIGN_OFFS = frozenset(
    [
        "m",
        "mr",
        "mrs",
        "ms",
        "mme",
        "mlle",
        "dr",
        "monsieur",
        "madame",
        "mister",
        "miss",
        "cordialement",
        "merci",
        "regards",
        "thanks",
        "sincerely",
        "best",
        "cheers",
        "amicalement",
        "salutations",
        "bisous",
        "signe",
        "signed",
    ]
)


def _in_full_name(text: str, tokens: list[str], starts: list[int], i: int) -> bool:
    """A capitalised word next to another capitalised word, in the middle of a sentence."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and tokens[j].isalpha() and len(tokens[j]) > 1:
            word = text[starts[j] : starts[j] + len(tokens[j])]
            if word[:1].isupper() and not word.isupper():
                return True
    return False


def _original(text: str, start: int, token: str, aligned: bool) -> str | None:
    return text[start : start + len(token)] if aligned else None


def _positions(padded: str, key: str) -> Iterable[int]:
    """Where ``key`` (" word") starts a token: its index in the clause (padded has one space
    more in front)."""
    start = padded.find(key)
    while start >= 0:
        yield start
        start = padded.find(key, start + 1)


def special_hits(
    text: str,
    clause: str | None = None,
    triggers: set[str] | None = None,
    ruled_out: set[str] | None = None,
) -> list[Hit]:
    """The category rules that fire on ``text`` after the context checks; the labels of the
    phrases dropped as said of an animal, a plant or a machine in their own clause, or of people
    in general, are added to ``ruled_out`` when it is given."""
    if clause is None:
        clause = _ascii(text).encode("ascii", "ignore").translate(_CLAUSE_TABLE).decode()
    aligned = len(clause) == len(text)
    padded = " " + clause.replace(".", " ").replace(",", " ") + " "
    if triggers is None:
        triggers = {value for _, value in _AUTOMATON.iter(padded)}
    tokens: list[str] = []
    starts: list[int] = []
    index: dict[int, int] = {}
    found: dict[str, Hit] = {}
    for trigger in triggers:
        groups = _RULES.get(trigger)
        if not groups:
            continue
        for position in _positions(padded, trigger):
            word_at = _WORD_AT.match(clause, position)
            if word_at is None:
                continue
            token = word_at.group()
            original = _original(text, position, token, aligned)
            matched = [g for w, g in groups.items() if w.matches(token, original)]
            if not matched:
                continue
            if not tokens:  # the whole text is tokenised only once an anchor word matched
                tokens, starts = _tokens(clause)
                index = {s: i for i, s in enumerate(starts)}
            i = index.get(position)
            if i is None:
                continue
            for group in matched:
                if found and found.keys() >= group.labels:
                    continue  # every rule it could try would give a label already found
                for rule in group.candidates(tokens, i):
                    if rule.label in found:
                        continue
                    first = i - rule.anchor
                    last = first + len(rule.words)
                    if first < 0 or last > len(tokens):
                        continue
                    ok = True
                    for k, word in enumerate(rule.words):
                        if first + k == i:
                            continue
                        t = tokens[first + k]
                        original = (
                            _original(text, starts[first + k], t, aligned)
                            if word.kind == "upper"
                            else None
                        )
                        if not word.matches(t, original):
                            ok = False
                            break
                    if not ok:
                        continue
                    span = (starts[first], starts[last - 1] + len(tokens[last - 1]))
                    reason = veto_reason(
                        rule, clause, tokens, starts, (first, last), span, text, aligned
                    )
                    if reason is not None:
                        # a group's, a thing's, an animal's: the model may not add it back
                        # ("nos clients diabétiques", "le tableur est malade", "Le chien de Mme
                        # Petit est diabétique")
                        if ruled_out is not None and (
                            reason in ("group", "thing")
                            or (reason == "non_human" and _animal_in_clause(tokens, first, last))
                        ):
                            ruled_out.add(rule.label)
                        continue
                    found[rule.label] = Hit(rule.label, rule.rule_id)
                    if found.keys() >= group.labels:
                        break
    return list(found.values())


_NEGATION_KEEPS = frozenset(["health", "sexual_orientation"])

# Data of a group is anyone's: a biometric template made of "members' faces" is each member's.
_GROUP_LABELS = frozenset(SPECIAL_CATEGORIES + CRIMINAL) - {"biometric_genetic"}
# A person said before the remark, or between a group and it: "Mme Roy, une de nos patientes
# diabétiques", "il fait partie de nos membres syndiqués".
_ONE_PERSON = frozenset(
    lexicon._words("m mr mme mrs ms mlle monsieur madame il elle he she son sa his her lui him")
)
_OF = frozenset(lexicon._words("of de d des"))
_THE = frozenset(lexicon._words("les the"))
_FOR = frozenset(lexicon._words("pour for aux to"))


def _said_of_a_group(tokens: list[str], first: int, last: int) -> bool:
    """Whether the phrase at ``tokens[first:last]`` is said of people in general, not of anyone
    in particular: its sentence is addressed to everyone (``_to_everyone``), or a group comes a
    few words before it ("nos clients diabétiques", "most of our guests are vegan", "people with
    MS") or right after it ("fréquent chez nos adhérents"), with no person named in the sentence
    before it ("Mme Roy, l'une de nos patientes diabétiques")."""
    i, j = _bounds(tokens, first, last, _SENTENCE_STOPS)
    if _to_everyone(tokens, i, j):
        return True
    for k in range(first - 1, max(i, first - 10) - 1, -1):
        if tokens[k] in _ONE_PERSON:
            return False
        if tokens[k] in lexicon.GROUP_NOUNS:
            return _ONE_PERSON.isdisjoint(tokens[i:k]) and _group(tokens, k, i)
    for k in range(last, min(j, last + 3)):
        if tokens[k] in lexicon.GROUP_AMONG:
            return any(
                tokens[n] in lexicon.GROUP_NOUNS and _group(tokens, n, k + 1)
                for n in range(k + 1, min(j, k + 5))
            )
    return False


_WHOLE = frozenset(lexicon._words("tout toute"))
_WHOLE_THE = frozenset(lexicon._words("le la l"))
_WHOLE_OF = frozenset(lexicon._words("monde personnel equipe staff public groupe"))
_ALL_BEFORE_NOUN = frozenset(lexicon._words("les the our nos new nouveaux nouvelles of de des"))


def _to_everyone(tokens: list[str], i: int, j: int) -> bool:
    """Whether the sentence ``tokens[i:j]`` is addressed to everyone and names no one: "poster
    asks all patients to tell us if they take blood thinners", "protocole commotion affiché
    pour tous les licenciés", "envoyée à tous", "every player" (not "tous les jours")."""
    sentence = tokens[i:j]
    if not _ONE_PERSON.isdisjoint(sentence):
        return False
    for n, token in enumerate(sentence):
        if token in lexicon.EVERYONE:
            return True
        after = sentence[n + 1 : n + 4]
        if token in _WHOLE and len(after) > 1 and after[0] in _WHOLE_THE and after[1] in _WHOLE_OF:
            return True  # "tout le monde", "proposée à tout le personnel", "toute l'équipe"
        if token in lexicon.EVERY and after and after[0] in lexicon.GROUP_MEMBER_NOUNS:
            return True
        if token in lexicon.ALL_OF:
            if not after or after[0] in ".,":
                if sentence[n - 1 : n] != ["at"]:
                    return True  # "envoyée à tous", "pour tous." (not "at all")
                continue
            k = 0
            while k < len(after) - 1 and after[k] in _ALL_BEFORE_NOUN:
                k += 1
            if after[k] in lexicon.GROUP_NOUNS:
                return True
    return False


def _group(tokens: list[str], k: int, i: int) -> bool:
    """Whether the plural noun at ``tokens[k]`` names a group: a generic noun ("people",
    "personnes") or one after a group's word ("nos", "many", "30 % de"), and no one singled out
    of it ("un de nos clients", "one of our members")."""
    for n in range(k - 1, max(i, k - 4) - 1, -1):
        token = tokens[n]
        if token in lexicon.GROUP_DETERMINERS or token.isdigit():
            m = n - 1 if n > i and tokens[n - 1] in _OF else n
            return not (m > i and tokens[m - 1] in lexicon.GROUP_ONE_OF)
    if k - 1 > i and tokens[k - 1] in _THE and tokens[k - 2] in _FOR:
        return True  # "idéale pour les clients à mobilité réduite"
    return tokens[k] in lexicon.GROUP_GENERIC_NOUNS and not (
        k > i and tokens[k - 1] in lexicon.GROUP_ONE_OF
    )


# Statements about no one in particular: procedure reminders, FAQ and product wording, training
# scripts, hypothetical questions ("si j'avais un cancer, est-ce couvert ?").
_GENERIC = re.compile(
    r"\b(?:rappel (?:procedure|interne|a l equipe|aux agents)|rappel +(?:ne|n) +jamais"
    r"|reminder +(?:don t|do not|never)|ne jamais (?:noter|enregistrer|ecrire|saisir|mentionner)"
    r"|never (?:record|write|note|enter|mention)|(?:don t|do not) (?:record|write down|note)"
    r"|faq|info produit|infos produit|product info|fiche produit|factsheet|fact sheet"
    r"|training script|script de formation|hypothetically|hypothetiquement|en theorie|in theory"
    r"|si (?:j|je) (?:avais|devenais|tombais|etais)|si (?:il|elle|on) (?:devenait|tombait)"
    r"|if i (?:got|get|had|were|became|ever)|if (?:he|she|they) (?:ever|were to|became)|what if"
    r"|facon de parler|figure of speech|so to speak|pour ainsi dire|au sens figure|figuratively"
    r"|question generale|general question|general enquiry|general query|demande generale"
    # a band named after a category word: "le groupe de rock « Les Diabétiques » joue samedi"
    r"|(?:groupe|band) +(?:(?:de +)?(?:rock|jazz|punk|musique) +)?(?:(?:les|the|le|la) +)?(?:\w+ +){1,3}"
    r"(?:joue|jouera|jouent|plays|will play|en concert|in concert))\b"
)
# A guide dog in the sentence is about its owner's sight, not an animal's health.
_ASSISTANCE_ANIMAL = re.compile(
    r"\b(?:chien guide|chien d aveugle|chien d assistance|guide dog|assistance dog|hearing dog)"
)
# "bâtiment syndical ? Non : bâtiment administratif", "pour le pèlerinage des Saintes-Maries ?
# non, pour un déménagement", "réparer sa prothèse auditive... non, son casque": the remark is
# corrected away, a few words after it at most, after a question mark or an ellipsis ("iel
# demande... ah non, erreur de saisie").
_CORRECTED = re.compile(
    r"(?: +[a-z0-9]+){0,3}(?: *\.)+ *(?:(?:(?:ah|oh|euh|er|sorry|pardon) +)?(?:non|no|nope)"
    r"|sorry|pardon|i mean|je veux dire)\b"
    # "... non je ne veux pas en parler": a refusal to say more, not a correction
    r"(?! *(?:je ne veux pas|je veux pas|i don t want|merci|thanks|thank you)\b)"
)
# "Police DNA database match - no wait, wrong ticket", "iel demande… ah non, erreur de saisie":
# a correction that needs no punctuation.
_CORRECTED_WORDS = re.compile(
    r"(?: +[a-z0-9]+){0,3} +(?:no wait|non attends|non attendez|wrong ticket|ah non|erreur de saisie)\b"
)

# "Sacha est sous Kardegic... non, c'est sa grand-mère": the correction moves a health fact to a
# relative, who is named, so the note still holds it.
_MOVED_TO_KIN = re.compile(
    r"\b(?:c est|that s|it s|its|c etait|it was|it is) (?:sa|son|ses|his|her|their|la|le|the)"
    r" (?:\w+ )?(?:grand mere|grand pere|mere|pere|frere|soeur|mari|femme|fils|fille|oncle|tante"
    r"|grandmother|grandfather|grandma|grandpa|gran|nan|mother|father|mum|mom|dad|brother"
    r"|sister|husband|wife|son|daughter|uncle|aunt)\b"
)
# An abbreviation the note spells out: "SEP (= sans engagement de prix)", "DT2 = dossier
# transfert n°2".
_DEFINED_AS = re.compile(r"\s*\(?\s*=")
# An abbreviation spelt out a few words on, its words' initials spelling it: "SEP (suivi des
# encours produits)", "PTSD ticket = priority technical support desk", "COPD in the lab's file
# means « cleaning of plant and drains »". The expansion is read on its own, so a medical one
# ("SEP (sclérose en plaques)") still fires.
_EXPANDED = re.compile(
    r"[^\n.;]{0,30}?(?:=|\(|\bmeans\b|\bsignifie\b|\bveut dire\b|\bstands for\b)[\s\"'«“:]*"
    r"((?:[^\W\d_]+[\s'’-]*){2,10})"
)
_UNSPELT = frozenset(lexicon._words("of and the de des du d l et en a for"))


def _spelt_out(text: str, end: int, abbreviation: str) -> bool:
    """Whether the words after ``end`` spell ``abbreviation`` out, initial by initial (small
    words may be skipped): "suivi des encours produits" spells SEP."""
    m = _EXPANDED.match(text, end)
    if m is None:
        return False
    letters, i = abbreviation, 0
    for word in fold(m.group(1)).split():
        if word[0] == letters[i]:
            i += 1
            if i == len(letters):
                return True
        elif word not in _UNSPELT:
            return False
    return False


# A name in quotes, its words capitalised: a climbing route "Nervous Breakdown", a ferry "Spirit
# of Health", an escape room "Outbreak", a serum "Genetic Repair".
_QUOTED_NAME_LABELS = frozenset(["health", "biometric_genetic"])
_OPENING_QUOTES = '"«“'
_CLOSING_QUOTES = '"»”'
_NAME_SMALL_WORDS = frozenset(lexicon._words("of the and de du des la le les et a l d en"))


def _quoted_name(text: str, span: tuple[int, int]) -> bool:
    """Whether the phrase at ``span`` of ``text`` sits in a short quoted name in title case."""
    if not any(q in text for q in _OPENING_QUOTES):
        return False
    before = text[max(0, span[0] - 30) : span[0]]
    opening = max(before.rfind(q) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    after = text[span[1] : span[1] + 30]
    closing = [n for n in (after.find(q) for q in _CLOSING_QUOTES) if n >= 0]
    if not closing:
        return False
    inner = (before[opening + 1 :] + text[span[0] : span[1]] + after[: min(closing)]).strip()
    words = re.findall(r"[^\W\d_]+", inner)
    if not words or len(words) > 5:
        return False
    quote_at = span[0] - len(before) + opening
    if _WORK_BEFORE.search(text, max(0, quote_at - 30), quote_at):
        return True  # la pièce « L'ADN du crime », the play "DNA", des bonnets « ADN de champion »
    if inner.isupper():
        return False
    return all(w[0].isupper() or w.lower() in _NAME_SMALL_WORDS for w in words)


# What a quoted title is the name of: a work, or goods printed with it.
_WORK_BEFORE = re.compile(
    r"\b(?:pi[eè]ces?|play|plays|films?|movies?|livres?|books?|spectacles?|shows?|s[ée]ries?"
    r"|roman|novel|albums?|chansons?|songs?|vu|seen|watched|read|lu|exposition|exhibition"
    r"|podcast|documentaire|documentary|bonnets?|caps?|t-?shirts?|mugs?|sweats?|hoodies?"
    r"|slogan|gamme|range|collection)\b[^\w«\"“]*$",
    re.IGNORECASE,
)


# The people an offence against an animal is said of: "the owner was convicted of cruelty".
_OFFENDERS = frozenset(
    lexicon._words(
        """proprietaire proprietaires owner owners maitre maitresse client cliente customer
        he she il elle locataire tenant voisin voisine neighbour"""
    )
)

_PASSIVE = frozenset(lexicon._words("ete was were been est is"))


def _offender_named(tokens: list[str], start: int) -> bool:
    """Whether a criminal phrase is said in the passive of a person named before it in its
    sentence: "the owner was convicted of cruelty", "le propriétaire du chien a été condamné"
    are the owner's conviction, not the dog's (animals are never convicted); a dog's electronic
    collar sold by a client is not one. A title names a person whatever the surname ("Mr
    Fox")."""
    passive = not _PASSIVE.isdisjoint(tokens[max(0, start - 2) : start])
    i = start - 1
    while i >= 0 and tokens[i] != ".":
        if tokens[i] in _PERSON_TITLES or (passive and tokens[i] in _OFFENDERS):
            return True
        i -= 1
    return False


def veto_reason(
    rule: Rule,
    clause: str,
    tokens: list[str],
    starts: list[int],
    at: tuple[int, int],
    span: tuple[int, int],
    text: str,
    aligned: bool,
) -> str | None:
    """Why a phrase that matched is not a remark (None: it is one)."""
    first, last = at
    # a denied medical or intimate fact is still one ("pas de diabète", "hasn't had sex")
    if rule.label not in _NEGATION_KEEPS and _negated(tokens, first):
        return "negation"
    if _GENERIC.search(clause, max(0, span[0] - 100), min(len(clause), span[1] + 60)):
        return "generic"
    if (
        (_CORRECTED.match(clause, span[1]) and ("?" in text or "..." in text or "\u2026" in text))
        or _CORRECTED_WORDS.match(clause, span[1])
    ) and not (rule.label == "health" and _MOVED_TO_KIN.search(clause, span[1], span[1] + 90)):
        return "corrected"
    if rule.label in _QUOTED_NAME_LABELS and aligned and _quoted_name(text, span):
        return "name"
    single = len(rule.words) == 1
    if (
        single
        and aligned
        and len(tokens[first]) <= 4
        and (
            _DEFINED_AS.match(text, span[1])
            or (rule.words[0].kind == "upper" and _spelt_out(text, span[1], tokens[first]))
        )
    ):
        return "defined"  # "SEP (= sans engagement de prix)": its expansion fires on its own
    if aligned and single and rule.words[0].kind != "upper":
        if tokens[first] in lexicon.NAME_LIKE and _capitalised_mid_sentence(text, starts[first]):
            return "name"
        word = text[starts[first] : starts[first] + len(tokens[first])]
        if (
            word[:1].isupper()
            and not word.isupper()
            and (
                (tokens[first] in lexicon.SURNAMES and _in_full_name(text, tokens, starts, first))
                or (first and tokens[first - 1] in _TITLES_AND_SIGN_OFFS)
                or (
                    first > 1
                    and tokens[first - 1] == ","
                    and tokens[first - 2] in _TITLES_AND_SIGN_OFFS
                )
            )
        ):
            return "name"  # "Marie Bègue", "Christian Dupont", "M. Turner", "Cordialement, Bègue"
    if (
        rule.label in ("health", "criminal")
        and _about_non_human(tokens, first, last)
        and not _ASSISTANCE_ANIMAL.search(clause)
        and not (rule.label == "criminal" and _offender_named(tokens, first))
    ):
        return "non_human"
    if rule.label in _GROUP_LABELS and _said_of_a_group(tokens, first, last):
        return "group"
    if rule.label == "health" and aligned and _said_of_a_thing(text, tokens, starts, first):
        return "thing"
    if rule.label == "health" and not lexicon.ANY.isdisjoint(tokens[max(0, first - 2) : first]):
        return "generic"  # "signalez-nous tout traitement anticoagulant", "any medication"
    clause_start, _ = _bounds(tokens, first, last, _CLAUSE_STOPS)  # not a header's words:
    before = tokens[max(clause_start, first - 3) : first]  # "Résidence : ADN du résident ..."
    if single and rule.label != "health":
        if any(t in lexicon.STREET for t in before):
            return "place"
        if last < len(tokens) and tokens[last] in lexicon.STREET_AFTER:
            return "place"  # "Genome Road depot", "Union Street"
    low, high = max(0, span[0] - 80), min(len(clause), span[1] + 80)
    no_ones = _NO_ONES.get(rule.label)
    if no_ones is not None and _overlaps(no_ones, clause, (low, high), span):
        return "no_one"  # "arrêt maladie, motif non communiqué", "no known allergies"
    category = rule.rule_id.partition(".")[0]
    for name in sorted({rule.label, category}):
        group = _VETOES.get(name)
        for veto in group.candidates(clause, low, high) if group is not None else ():
            if _overlaps(veto.pattern, clause, (low, high), span):
                return f"veto:{veto.name}"
    return None


_NO_ONES = {
    label: re.compile("|".join(f"(?:{_spaces(p)})" for p in patterns))
    for label, patterns in lexicon.NO_ONES.items()
}


def _overlaps(
    pattern: re.Pattern[str], clause: str, window: tuple[int, int], span: tuple[int, int]
) -> bool:
    """Whether a match of ``pattern`` in ``clause[window]`` overlaps ``span``: every match that
    starts before the phrase ends, overlapping ones included."""
    pos, high = window
    while (m := pattern.search(clause, pos, high)) is not None and m.start() < span[1]:
        if m.end() > span[0]:
            return True
        pos = m.start() + 1
    return False


def _vetoed(rule, clause, tokens, starts, at, span, text, aligned) -> bool:
    return veto_reason(rule, clause, tokens, starts, at, span, text, aligned) is not None


# --- relationships: orientation shown by a same-sex partner ------------------------------------
_MASC = frozenset(
    [
        "m",
        "mr",
        "monsieur",
        "il",
        "he",
        "him",
        "client",
        "lui",
        "messieurs",
        "veuf",
        "widower",
        "defunt",
        "male",
    ]
)
_FEM = frozenset(
    [
        "mme",
        "mrs",
        "ms",
        "miss",
        "mlle",
        "madame",
        "elle",
        "elles",
        "she",
        "cliente",
        "souscriptrice",
        "veuve",
        "widow",
        "defunte",
        "female",
    ]
)
_OWN = frozenset(["son", "sa", "his", "her", "ses"])
_TITLE_WORDS = frozenset(["m", "mr", "mme", "monsieur", "madame"])
_PERSON_TITLES = _TITLE_WORDS | frozenset(["mrs", "ms"])  # a person named ("Mr Fox", "Mrs Hale")
_EX = frozenset(
    [
        "ex",
        "petit",
        "petite",
        "ancien",
        "ancienne",
        "future",
        "futur",
        "late",
        "new",
        "nouveau",
        "nouvelle",
    ]
)
_REL_VERBS = frozenset(["avec", "with", "for", "pour"])
# "mariée à une femme", "married to a man"
_WED = frozenset(["marie", "mariee", "married", "engaged", "fiance", "fiancee", "wed", "remarie"])
# What makes "avec une femme" / "with a man" a relationship rather than a meeting.
_ROMANCE = frozenset(
    lexicon._words(
        """couple relationship relation dating date sort sortait sortir vit vivait lives living
        lived moved emmenage emmenagent quitte quittee left leaving trompe trompait cheating
        cheated affair liaison ensemble together amoureux amoureuse love partenaire partner
        marie mariee married engaged fiance fiancee remarie remariee remarried seeing
        separated separee divorced divorcee"""
    )
)
_SEEKING = frozenset(["seeking", "cherche", "recherche"])
_NOT_SOUGHT_AFTER = frozenset(lexicon._words("to with for avec pour a de d at in au from sur on"))
_NOT_PARTNER_AFTER = frozenset(["de", "d", "menage", "chambre", "affaires", "service", "enceinte"])


_ROLE_ARTICLES = frozenset(["le", "la", "l", "the"])


def _gender_before(tokens: list[str], i: int) -> str | None:
    """The gender of the nearest person marker before ``i`` in the same sentence."""
    j = i - 1
    while j >= 0 and tokens[j] != ".":
        t = tokens[j]
        if t in _MASC:
            return "m"
        if t in _FEM:
            return "f"
        article = tokens[j - 1] if j else ""
        if article in _ROLE_ARTICLES:  # "le père de Léo ... son mari", not "chez sa fille"
            if t in lexicon.MALE_ROLES or (t in lexicon.EPICENE_ROLES and article == "le"):
                return "m"
            if t in lexicon.FEMALE_ROLES or (t in lexicon.EPICENE_ROLES and article == "la"):
                return "f"
        j -= 1
    return None


_PRONOUNS = frozenset(["il", "elle", "he", "she"])


def _possessor(tokens: list[str], j: int) -> str | None:
    """Whose "son" / "sa" it is: the nearest person marker, unless that is a pronoun of a
    subordinate clause and the sentence began with a person of the other sex ("Elle ... pour
    qu'il arrête de parler de son futur mari")."""
    nearest = _gender_before(tokens, j)
    start = j
    while start > 0 and tokens[start - 1] != ".":
        start -= 1
    first = next((t for t in tokens[start:j] if t in _PRONOUNS), None)
    last = next((t for t in reversed(tokens[start:j]) if t in _MASC | _FEM), None)
    if first is not None and last in _PRONOUNS and (first in _MASC) != (last in _MASC):
        return None
    return nearest


_TITLE_GENDER = {
    "m": "m",
    "mr": "m",
    "monsieur": "m",
    "mme": "f",
    "mrs": "f",
    "ms": "f",
    "mlle": "f",
    "madame": "f",
    "miss": "f",
}
_SPEECH = frozenset(
    lexicon._words(
        """dit explique precise indique raconte ajoute confirme insiste says said explains
        explained adds added confirms confirmed insists selon ecrit wrote writes texted"""
    )
)


def _speaker_gender(tokens: list[str], i: int) -> str | None:
    """Who says "mon mari": a person marker just after a speech verb later in the note, or a
    person named as the speaker ("c'est M. Vasseur qui parle", "guest is Ms Hale")."""
    for k in range(i + 1, len(tokens)):
        if (
            tokens[k] in ("is", "est", "s")
            and k + 2 < len(tokens)
            and tokens[k + 1] in _TITLE_GENDER
            and (
                tokens[k - 1] in _SPEAKER_ROLES
                or (
                    tokens[k - 1] in ("that", "it", "c")
                    and " ".join(tokens[k + 3 : k + 5]) in _SPEAKING
                )
            )
        ):
            return _TITLE_GENDER[tokens[k + 1]]
        if tokens[k] in _SPEECH:
            for t in tokens[k + 1 : k + 5]:
                if t in _MASC:
                    return "m"
                if t in _FEM:
                    return "f"
    return None


_SPEAKER_ROLES = frozenset(
    lexicon._words("guest client cliente caller customer member voyageur voyageuse sender writer")
)
_SPEAKING = frozenset(
    ["speaking", "writing", "calling", "qui parle", "qui ecrit", "qui appelle", "on the"]
)
_SELF_DECLARED = re.compile(
    r"\b(?:je suis|jsuis|jsui|chui|i m|im|i am) (?:(?P<m>un|a) (?:homme|mec|gars|man|guy|bloke|dude|lad)"
    r"|(?P<f>une|a) (?:femme|meuf|nana|fille|woman|girl|lady))\b"
)
_QUOTES = frozenset('"«“:')


def _own_gender(
    text: str, tokens: list[str], starts: list[int], j: int, aligned: bool
) -> str | None:
    """Who says "mon mari": a speaker named after a speech verb, one who says what he or she
    is ("(je suis une femme)", "I'm a bloke btw"), or the person a quote is given to ("le
    client veut « à mon mari Romain »")."""
    gender = _speaker_gender(tokens, j)
    if gender is not None:
        return gender
    declared = _SELF_DECLARED.search(" ".join(tokens))
    if declared is not None:
        return "m" if declared["m"] else "f"
    if aligned and not _QUOTES.isdisjoint(text[max(0, starts[j] - 6) : starts[j]]):
        return _gender_before(tokens, j - 1 if j and tokens[j - 1] == "." else j)
    return None


@lru_cache(maxsize=1)
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Folded first names of one gender only (Faker's French and English lists and the
    lexicon's additions); names given to both genders are left out."""
    from faker.providers.person import en_GB, en_US, fr_FR

    male = set(lexicon.MALE_NAMES)
    female = set(lexicon.FEMALE_NAMES)
    for provider in (fr_FR.Provider, en_GB.Provider, en_US.Provider):
        male |= {fold(n).strip() for n in provider.first_names_male}
        female |= {fold(n).strip() for n in provider.first_names_female}
    both = male & female | lexicon.EPICENE_NAMES
    return frozenset(male - both), frozenset(female - both)


def _person_gender(
    text: str, tokens: list[str], starts: list[int], k: int, aligned: bool
) -> tuple[str | None, int]:
    """The gender of the person named at ``k`` (a title, or a capitalised first name) and
    the index after the reference."""
    if k >= len(tokens):
        return None, k
    t = tokens[k]
    if t in _TITLE_GENDER and k + 1 < len(tokens) and tokens[k + 1].isalpha():
        return _TITLE_GENDER[t], k + 2
    if not aligned or not t.isalpha() or not text[starts[k]].isupper():
        return None, k + 1
    male, female = _first_names()
    if t in male:
        return "m", k + 1
    if t in female:
        return "f", k + 1
    return None, k + 1


def _named_before(
    text: str, tokens: list[str], starts: list[int], i: int, aligned: bool
) -> str | None:
    """The gender of a first name a few words before ``i`` in the same sentence."""
    for k in range(i - 1, max(-1, i - 6), -1):  # "Julie nous dit que sa compagne"
        if tokens[k] in ".,":
            return None
        gender, _ = _person_gender(text, tokens, starts, k, aligned)
        if gender is not None:
            return gender
    return None


_COUPLE_WORDS = frozenset(
    lexicon._words(
        """mariage mariages maries mariees pacs pacses pacsees wedding married couple fiances
        fiancees engaged honeymoon noces ensemble together partnership conjoints epoux epouses
        compagnons partners marriage"""
    )
)
_PARTICIPLE = {
    "pacse": "m",
    "pacsee": "f",
    "marie": "m",
    "mariee": "f",
    "fiance": "m",
    "fiancee": "f",
}
_NEUTRAL_PARTNER = frozenset(["partner", "partenaire", "conjoint", "conjointe", "spouse"])


_LENGTH_OF_TIME = frozenset(lexicon._words("long time longtime term new"))


def _neutral_partner_of_one_sex(
    text: str, tokens: list[str], starts: list[int], i: int, aligned: bool
) -> bool:
    """A gender-neutral partner word whose owner and partner are named of one sex: "Paul and
    his partner Simon", "her long-time partner, Margaret", "Ms Díaz and her spouse Ms Holt"."""
    j = i - 1
    while j > 0 and i - j <= 2 and tokens[j] in _LENGTH_OF_TIME:
        j -= 1
    if j < 0 or tokens[j] not in ("his", "her", "son", "sa"):
        return False
    after = i + 2 if i + 1 < len(tokens) and tokens[i + 1] == "," else i + 1
    partner, end = _person_gender(text, tokens, starts, after, aligned)
    also = " ".join(tokens[end : end + 3])
    if also in ("is also a", "is also an", "est aussi un", "est aussi une"):
        return False  # "his partner Joe is also a barber": a business partner
    owner = {"his": "m", "her": "f"}.get(tokens[j]) or _gender_before(tokens, j)
    if owner is None and j > 1:
        owner, _ = _person_gender(text, tokens, starts, j - 2, aligned)
    return partner is not None and partner == owner


def _ones_parents(tokens: list[str], start: int, end: int) -> bool:
    """One child's fathers or mothers just before or around two named people: "Les papas de
    Timéo (M. Roche et M. Sanchez)"; not "two dads at the school, Marcus and Leon"."""
    return any(
        tokens[k] in _PARENTS and tokens[k - 1] in ("les", "ses", "his", "her", "s")
        for k in range(max(1, start), end)
    )


def _named_couple(text: str, clause: str) -> bool:
    """Two people of one gender shown as a couple: "Pacsé avec Julien", "mariage de Thomas et
    Kevin", "Paul and his partner Simon", "Mmes Caron et Lefort, couple"."""
    tokens, starts = _tokens(clause)
    aligned = len(clause) == len(text)
    n = len(tokens)
    sentence_start = 0
    for i, t in enumerate(tokens):
        if t == ".":
            sentence_start = i + 1
            continue
        if t in _PARTICIPLE and i + 1 < n and tokens[i + 1] in ("avec", "a", "with", "to"):
            original = text[starts[i] : starts[i] + len(t)] if aligned else ""
            if original[:1].isupper() and i > sentence_start:
                continue  # "Marie", a name
            gender, _ = _person_gender(text, tokens, starts, i + 2, aligned)
            if gender is not None and gender == _PARTICIPLE[t]:
                return True
        if t in ("et", "and") and i > 0:
            left, _ = _person_gender(text, tokens, starts, i - 1, aligned)
            if left is None and i > 1 and tokens[i - 2] in _TITLE_GENDER:
                left = _TITLE_GENDER[tokens[i - 2]]
            if left is None and i > 2 and tokens[i - 3] in _TITLE_GENDER:
                left = _TITLE_GENDER[tokens[i - 3]]  # "Mrs A Clarke and", "Mme Sophie Arnaud et"
            right, after = _person_gender(text, tokens, starts, i + 1, aligned)
            if left is None or left != right:
                continue
            end = after
            while end < n and tokens[end] != ".":
                end += 1
            if (
                _COUPLE_WORDS & set(tokens[sentence_start:end])
                or _ones_parents(tokens, max(0, sentence_start - 6), end)
            ) or (after < n and tokens[after] in _NEUTRAL_PARTNER):
                return True
        if t in _NEUTRAL_PARTNER and _neutral_partner_of_one_sex(text, tokens, starts, i, aligned):
            return True
        if t in _WED_VERBS and i and tokens[i - 1] not in _DETERMINERS:
            right, _ = _person_gender(text, tokens, starts, i + 1, aligned)
            if right is not None and right == _named_before_verb(text, tokens, starts, i, aligned):
                return True  # "Thomas, qui épouse Lucas en juin", "Tom, who's marrying Luke"
        if (
            t in ("mmes", "messrs", "mm")
            and _COUPLE_WORDS & _sentence(tokens, i, i + 1)
            and (not aligned or text[starts[i]].isupper())
        ):
            return True
    return False


_DETERMINERS = frozenset(
    lexicon._words("son sa ses l la le une un mon ma mes leur votre his her the a my their your")
)
_BEFORE_VERB = frozenset(lexicon._words(", qui who s is will va to going il he"))


def _named_before_verb(
    text: str, tokens: list[str], starts: list[int], i: int, aligned: bool
) -> str | None:
    """The gender of the person named just before a verb of marrying, across "who's", ", qui"."""
    k = i - 1
    while k >= 0 and i - k <= 5 and tokens[k] in _BEFORE_VERB:
        k -= 1
    if k < 0 or tokens[k] == ".":
        return None
    return _person_gender(text, tokens, starts, k, aligned)[0]


def _wed_named(tokens: list[str], j: int) -> bool:
    """ "engaged to Cam, a woman", "fiancée à Camille, une femme": the partner named first."""
    return (
        j >= 4 and tokens[j - 1] == "," and tokens[j - 3] in ("a", "to") and tokens[j - 4] in _WED
    )


def _wed_gender(tokens: list[str], j: int) -> str | None:
    """The gender a French participle gives the one who is married or engaged ("mariée à",
    "fiancé à"): it names the owner even with no pronoun before."""
    for k in (j - 2, j - 4):
        if k >= 0 and tokens[k] in _PARTICIPLE and tokens[k + 1] == "a":
            return _PARTICIPLE[tokens[k]]
    return None


def relationship_hit(text: str, clause: str) -> Hit | None:
    """A same-sex partner: "M. Fabre ... son mari", "her wife", "le mari de M. Lefèvre"."""
    if _named_couple(text, clause):
        return Hit("sexual_orientation", "sexual_orientation.same_sex_couple")
    tokens, starts = _tokens(clause)
    aligned = len(clause) == len(text)
    for i, t in enumerate(tokens):
        if t in _MASC_PARTNER:
            gender = "m"
        elif t in _FEM_PARTNER:
            gender = "f"
        else:
            continue
        if t in ("ami", "amie") and (not i or tokens[i - 1] not in ("petit", "petite")):
            continue  # "son ami" is a friend, "son petit ami" a partner
        after = tokens[i + 1 : i + 3]
        if (
            t in ("femme", "homme")
            and after[:1]
            and after[0] in _NOT_PARTNER_AFTER
            and not (after[0] == "de" and after[1:] and after[1] in _TITLE_WORDS)
            and not (after[0] == "de" and _person_gender(text, tokens, starts, i + 2, aligned)[0])
        ):
            continue  # "femme de ménage", but "la femme de Mme X"
        j = i - 1
        while j >= 0 and tokens[j] in _EX:
            j -= 1
        owner = None
        if j >= 0 and tokens[j] in ("his", "him"):
            owner = "m"
        elif j >= 0 and tokens[j] == "her":
            owner = "f"
        elif j >= 1 and tokens[j] == "s" and tokens[j - 1] not in _OWN:
            # "Ms Harper's wife"; "client" is French for a man, English for anyone
            owner = _person_gender(text, tokens, starts, j - 1, aligned)[0]  # "Claire's wife"
            if owner is None and tokens[j - 1] != "client":
                owner = _gender_before(tokens, j)
        elif j >= 0 and tokens[j] in ("son", "sa", "ses"):
            owner = _possessor(tokens, j)
            if owner is None and j >= 2 and tokens[j - 1] in ("et", "and"):
                owner, _ = _person_gender(text, tokens, starts, j - 2, aligned)  # "Léa et sa"
            if owner is None:  # "Lucas viendra avec son petit ami Romain"
                owner = _named_before(text, tokens, starts, j, aligned)
        elif j >= 1 and tokens[j - 1] in _TITLE_GENDER and tokens[j].isalpha():
            owner = _TITLE_GENDER[tokens[j - 1]]  # "Mr Yates' husband"
        elif j >= 0 and tokens[j] in ("mon", "ma", "my") and t not in ("cheri", "cherie"):
            # "ma chérie" also greets whoever the speaker talks to
            owner = (  # "mon mari et moi", dit M. X; "ma copine" may be a friend
                _speaker_gender(tokens, i)
                if t in ("copain", "copine")
                else _own_gender(text, tokens, starts, j, aligned)
            )
        elif (
            j >= 0
            and tokens[j] in ("un", "une", "a", "another", "autre")
            and j >= 1
            and (
                (tokens[j - 1] in _REL_VERBS and _ROMANCE & _sentence(tokens, j, i))
                or (  # "Mr Parry is looking for a man, 35-45"
                    (tokens[j - 2 : j] == ["looking", "for"] or tokens[j - 1] in _SEEKING)
                    and not _NOT_SOUGHT_AFTER.intersection(tokens[i + 1 : i + 2])
                )
                or tokens[j - 2 : j] == ["another"]
                or (j >= 2 and tokens[j - 1] in ("a", "to") and tokens[j - 2] in _WED)
                or _wed_named(tokens, j)
            )
            and t in ("homme", "man", "femme", "woman")
        ):
            owner = _wed_gender(tokens, j) or _gender_before(tokens, j - 1)
            if owner is None and _wed_named(tokens, j):  # "She showed me the ring: engaged to"
                owner = _gender_before(tokens, tokens.index(".", 0, j) if "." in tokens[:j] else 0)
        elif (
            j >= 0
            and tokens[j] in ("le", "la", "the")
            and i + 2 < len(tokens)
            and tokens[i + 1] in ("de", "of", "du")
            and (
                tokens[i + 2] in _MASC | _FEM
                or (  # "la femme de Claire"; "le copain de Léo" is often a child's friend
                    t not in ("copain", "copine")
                    and (named := _person_gender(text, tokens, starts, i + 2, aligned)[0])
                    is not None
                )
            )
        ):
            # "le mari de M. Lefèvre", "la femme de Claire"
            owner = "m" if tokens[i + 2] in _MASC else "f" if tokens[i + 2] in _FEM else named
        elif (
            (j < 0 or tokens[j] in (",", "et", "and"))
            and t not in ("homme", "man", "femme", "woman", "ami", "amie")
            and _person_gender(text, tokens, starts, i + 1, aligned)[0] == gender
        ):
            owner = _gender_before(tokens, j + 1)
        if owner is None or owner != gender:
            continue
        if (
            t in ("homme", "man", "femme", "woman")
            and tokens[j] not in ("un", "une", "a", "another", "autre")
            and not (tokens[j] in ("sa", "his", "her") and t == "femme")
            and tokens[j] not in ("mon", "ma", "my")
            and not (t == "femme" and tokens[j] == "la" and tokens[i + 1 : i + 2] == ["de"])
        ):
            continue
        return Hit("sexual_orientation", "sexual_orientation.same_sex_partner")
    return None


def special_categories(text: str, folded: str | None = None) -> set[str]:
    return {hit.label for hit in special_hits(text)}


# --- identifiers ------------------------------------------------------------------------------
_CARD = re.compile(r"(?<![\d\w])(?<!\d[ \-.])\d(?:[ \-.]?\d){12,18}(?![ \-.]?\d)")
_NOT_A_CARD_BEFORE = re.compile(
    r"\b(?:commande|order|suivi|tracking|siret|siren|facture|invoice|colis|parcel|ref|reference"
    r"|imei|serie|serial|sn|s n|ean|gtin|isbn|upc|barcode|code barre|colissimo|chronopost|ups|dhl"
    r"|fedex|lot|batch|contrat|contract|dossier|adherent)"
    r" *(?:n|no|nr|num|number|numero)? *$"
)
# (first digits, lengths) of the card schemes: Visa, Mastercard (51-55, 2221-2720), Amex,
# Diners, Discover, JCB, UnionPay, Maestro.
_CARD_SCHEMES: tuple[tuple[tuple[int, int], tuple[int, ...]], ...] = (
    ((4, 4), (13, 16, 19)),
    ((51, 55), (16,)),
    ((2221, 2720), (16,)),
    ((34, 34), (15,)),
    ((37, 37), (15,)),
    ((300, 305), (14, 16, 19)),
    ((36, 36), (14, 16, 19)),
    ((38, 39), (14, 16, 19)),
    ((6011, 6011), (16, 19)),
    ((644, 649), (16, 19)),
    ((65, 65), (16, 19)),
    ((3528, 3589), (16, 17, 18, 19)),
    ((62, 62), (16, 17, 18, 19)),
    ((50, 50), (12, 13, 14, 15, 16, 17, 18, 19)),
    ((56, 58), (12, 13, 14, 15, 16, 17, 18, 19)),
    ((67, 67), (12, 13, 14, 15, 16, 17, 18, 19)),
)


def card_scheme_ok(digits: str) -> bool:
    for (low, high), lengths in _CARD_SCHEMES:
        width = len(str(low))
        if len(digits) in lengths and low <= int(digits[:width]) <= high:
            return True
    return False


def luhn_valid(digits: str) -> bool:
    return digits.isdigit() and stdnum_luhn.is_valid(digits)


def card_valid(digits: str) -> bool:
    """A payment card number: a scheme's IIN range and length, and Luhn."""
    return card_scheme_ok(digits) and luhn_valid(digits)


_IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}\d{2}(?:[ \-.]?[A-Za-z0-9]){11,30})")
_IBAN_SEPARATORS = re.compile(r"[ \-.]")
# ISO 13616 lengths of the countries met most (others: every length from 34 down to 15 is tried).
IBAN_LENGTHS: dict[str, int] = {
    "FR": 27, "MC": 27, "DE": 22, "BE": 16, "NL": 18, "LU": 20, "CH": 21, "IT": 27, "ES": 24,
    "PT": 25, "GB": 22, "IE": 22, "AT": 20, "PL": 28, "DK": 18, "SE": 24, "FI": 18, "NO": 15,
    "GR": 27, "CZ": 24, "RO": 24, "HU": 28, "SK": 24, "SI": 19, "HR": 21, "BG": 22, "LI": 21,
}  # fmt: skip


def iban_valid(candidate: str) -> bool:
    return stdnum_iban.is_valid(_IBAN_SEPARATORS.sub("", candidate), check_country=False)


_SEP = r"[ .\-]?"
_NIR = re.compile(
    r"(?<![\d])([1-478])"
    + _SEP
    + r"(\d{2})"
    + _SEP
    + r"(\d{2})"
    + _SEP
    + r"(\d{2}|2[AaBb])"
    + _SEP
    + r"(\d{3})"
    + _SEP
    + r"(\d{3})"
    + _SEP
    + r"(\d{2})(?![ .\-]?\d)"
)


def nir_valid(candidate: str) -> bool:
    """A NIR as written anywhere (spaces, dots or dashes between its groups)."""
    match = _NIR.fullmatch(candidate.strip())
    return bool(match) and _nir_ok(match.groups())


def _nir_ok(groups: tuple[str, ...]) -> bool:
    month = int(groups[2])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    return stdnum_nir.is_valid("".join(groups).upper())


# A phone number as written: international (+33 6 ..., 0044 ...), national (06 .., 07700 ...),
# North American ((415) 555-0193, 212-555-0168).
_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[ .\-])(?:(?:\+|00)\d{1,3}[ .\-]?(?:\(0\)[ .\-]?)?\d|0\d)(?:[ .\-]?\d){7,11}(?![\d])"
    r"|(?<![\w+])(?<!\d[ .\-])\(?[2-9]\d{2}\)?[ .\-]?\d{3}[ .\-]\d{4}(?![\d])"
)
_PHONE_SHAPES = re.compile(
    r"(?:0|\+33|0033)[1-9]\d{8}"  # France
    r"|(?:0|\+44|0044)[1-9]\d{9}|(?:0|\+44|0044)1\d{8}"  # United Kingdom
    r"|(?:\+1|001)?[2-9]\d{2}[2-9]\d{6}"  # North America
)
# Numbers of an organisation (switchboards, customer service, free phone) are not personal.
_NOT_A_PERSONAL_PHONE = re.compile(
    r"\b(?:standard|switchboard|service client|service clients|customer service|customer services"
    r"|hotline|helpline|siege|head office|agence|branch|accueil|reception|notre|nos|our|support"
    r"|commande|order|dossier|facture|invoice|tracking|suivi|siret|siren|ref|reference"
    r"|sav|mortgage desk|accounts payable|ticket|contrat|contract|lot|serie|serial|imei)\b"
    r"[^.]{0,40}$|\b(?:colis|parcel|package)\b[^.]{0,12}$"
)
# ... unless the note says the number is a person's own ("Branch: Mr Lemon's new mobile: 07...")
_PERSONAL_PHONE = re.compile(
    r"\b(?:perso|personal|private|prive|privee|numero personnel|ligne personnelle|mobile"
    r"|portable|cell|cellphone)\b"
)
_FREE_OR_SHARED = re.compile(
    r"(?:0|\+33|0033)(?:80\d|89\d|9\s?69)|(?:\+44|0044)(?:80|84|87|3)\d|0(?:80|84|87|3\d)\d{8}$"
)


def _phone_valid(candidate: str) -> bool:
    compact = (
        _IBAN_SEPARATORS.sub("", candidate).replace("(0)", "").replace("(", "").replace(")", "")
    )
    if _FREE_OR_SHARED.match(compact):
        return False
    if _PHONE_SHAPES.fullmatch(compact):
        return True
    if compact.startswith(("+", "00")):
        try:
            number = phonenumbers.parse("+" + compact.lstrip("+").removeprefix("00"), None)
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.is_possible_number(number)
    return False


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# Role and company mailboxes are not a person's address.
_ROLE_MAILBOXES = frozenset(
    [
        "support",
        "contact",
        "contacts",
        "sales",
        "vente",
        "ventes",
        "service",
        "serviceclient",
        "service.client",
        "service-client",
        "serviceclients",
        "facturation",
        "factures",
        "billing",
        "invoices",
        "invoice",
        "complaints",
        "complaint",
        "reclamations",
        "reclamation",
        "noreply",
        "no-reply",
        "no.reply",
        "ne-pas-repondre",
        "nepasrepondre",
        "donotreply",
        "do-not-reply",
        "info",
        "infos",
        "information",
        "hello",
        "bonjour",
        "admin",
        "administration",
        "orders",
        "order",
        "commandes",
        "commande",
        "accounts",
        "account",
        "compta",
        "comptabilite",
        "sav",
        "help",
        "helpdesk",
        "webmaster",
        "postmaster",
        "rh",
        "hr",
        "jobs",
        "careers",
        "recrutement",
        "press",
        "presse",
        "marketing",
        "newsletter",
        "notifications",
        "notification",
        "team",
        "equipe",
        "office",
        "bureau",
        "accueil",
        "reception",
        "abuse",
        "privacy",
        "dpo",
        "rgpd",
        "gdpr",
        "legal",
        "juridique",
        "security",
        "securite",
        "partenaires",
        "partners",
        "fournisseurs",
        "suppliers",
        "achats",
        "purchasing",
        "shop",
        "boutique",
        "store",
        "magasin",
    ]
)


def email_hits(text: str) -> list[Hit]:
    for match in _EMAIL.finditer(text):
        local = match.group(0).split("@", 1)[0].lower()
        if local in _ROLE_MAILBOXES or local.split(".")[0] in _ROLE_MAILBOXES:
            continue
        return [Hit("email", "email.personal")]
    return []


# An address spelt out to dodge filters or dictated: "d.kowalski at example dot com",
# "k.benali (at) example (dot) com", "sophie point bernard arobase example point fr"; on the
# normalised words, ending with a top-level domain.
_SPELT_AT = r"(?:at|arobase|chez)"
_SPELT_DOT = r"(?:dot|point)"
_SPELT_EMAIL = re.compile(
    rf"\b[a-z0-9_]+(?: +(?:{_SPELT_DOT} +)?[a-z0-9_]+){{0,2}} +{_SPELT_AT} +[a-z0-9]+"
    rf"(?: +{_SPELT_DOT} +[a-z0-9]+)*? +{_SPELT_DOT} +(?:com|fr|org|net|co|ac|uk|de|be|ch|es|it|eu|io"
    r"|bzh|info|biz|ca|us|nl|lu|me|ie|in|au|nz|pt|pl|ro|gr|cz|za|sg|br|mx|ma|tn|sn|ci|cm|re)\b"
)
_SPELT_GATE = (b" dot ", b" point ", b" arobase ")
_NOT_A_LOCAL_PART = frozenset(["me", "us", "nous", "moi", "him", "her", "them"])


def spelt_email_hits(gate: bytes) -> list[Hit]:
    """An e-mail address spelt out in words (``gate``: the normalised words, as bytes)."""
    if not any(key in gate for key in _SPELT_GATE) or (
        b" at " not in gate and b" arobase " not in gate and b" chez " not in gate
    ):
        return []
    words = gate.decode()
    pos = 0
    # the leftmost match may start a word or two early ("contact sue dot bennett at ..."):
    # a role or pronoun there is skipped and the search goes on from the next word
    while (match := _SPELT_EMAIL.search(words, pos)) is not None:
        local = match.group(0).split()[0]
        if local not in _ROLE_MAILBOXES and local not in _NOT_A_LOCAL_PART:
            return [Hit("email", "email.spelt_out")]
        pos = match.start() + len(local) + 1
    return []


# The fewest digits a payment card number (13) or a NIR (14) is written with.
_CARD_OR_NIR_DIGITS = 13


def _latin_digits(text: str) -> int | None:
    """How many digits ``text`` holds when it is Latin-1, where ``\\d`` reads only ASCII
    digits (None: another script, whose digits are not counted)."""
    try:
        return len(text.encode("latin-1").translate(None, _DIGITS_ONLY))
    except UnicodeEncodeError:
        return None


def numeric_hits(text: str, phones: bool = True) -> list[Hit]:
    """Cards, IBANs, NIRs and (``phones``) phone numbers whose checks hold (the caller saw
    enough digits)."""
    hits: dict[str, Hit] = {}
    # "Facture F-2024-11873", "240x220": too few digits for a card or a NIR, not searched
    digits = _latin_digits(text)
    long = digits is None or digits >= _CARD_OR_NIR_DIGITS
    taken: list[tuple[int, int]] = []
    folded = ""  # the words around a number, read only once a number passed its check

    def words_before(start: int, width: int) -> str:
        nonlocal folded
        folded = folded or fold(text)
        return folded[max(0, start - width) : start] if len(folded) == len(text) else ""

    for match in _IBAN.finditer(text):
        compact = _IBAN_SEPARATORS.sub("", match.group(1)).upper()
        known = IBAN_LENGTHS.get(compact[:2])
        lengths = (known,) if known else range(min(len(compact), 34), 14, -1)
        for length in lengths:
            if len(compact) >= length and stdnum_iban.is_valid(
                compact[:length], check_country=False
            ):
                hits["iban"] = Hit("iban", "iban.iso13616")
                taken.append(match.span())
                break
    for match in _NIR.finditer(text) if long else ():
        if _nir_ok(match.groups()):
            hits["nir"] = Hit("nir", "nir.key")
            taken.append(match.span())
    for match in _CARD.finditer(text) if long else ():
        start = match.start()
        if any(s <= start < e for s, e in taken):
            continue
        digits = _IBAN_SEPARATORS.sub("", match.group(0))
        if not card_valid(digits):
            # "5285738268336518 12/26": the expiry's month was read as more digits
            groups = _IBAN_SEPARATORS.split(match.group(0))
            while len(groups) > 1 and not card_valid(digits):
                groups.pop()
                digits = "".join(groups)
            if not card_valid(digits):
                continue
        if len(digits) == 15 and stdnum_imei.is_valid(digits):
            before = words_before(start, 40)
            if "imei" in before or "telephone" in before or "phone" in before:
                continue
        if _NOT_A_CARD_BEFORE.search(words_before(start, 30)):
            continue
        hits.setdefault("card_number", Hit("card_number", "card.iin_luhn"))
        taken.append(match.span())
    for match in _PHONE.finditer(text) if phones else ():
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        before = words_before(match.start(), 60)
        if _NOT_A_PERSONAL_PHONE.search(before) and not _PERSONAL_PHONE.search(before):
            continue
        if _phone_valid(match.group(0)):
            hits["phone"] = Hit("phone", "phone.libphonenumber")
            break
    return list(hits.values())


def numeric_identifiers(text: str, folded: str | None = None) -> set[str]:
    return {hit.label for hit in numeric_hits(text) if hit.label in IDENTIFIERS}


# --- passwords ---------------------------------------------------------------------------------
# Keywords of a secret, on the lower-cased text: passwords, PINs, unlock, alarm, door and safe
# codes, Wi-Fi keys, answers to security questions.
# A value spelt out, digit by digit: "nine nine two one", "un deux trois neuf"
_DIGIT_WORDS = (
    r"(?:zero|z[ée]ro|oh|one|two|three|four|five|six|seven|eight|nine|un|deux|trois|quatre|cinq"
    r"|sept|huit|neuf)"
)
_CODE_OF = (
    r"d[ée]verrouillage|porte|garage|alarme|coffre|cadenas|messagerie|portail|parental|parentale"
    r"|acc[èe]s|secours|carte|sim|bo[iî]te [àa] cl[ée]s?|bo[iî]te|verrou|serrure|wi-?fi"
    r"|portillon|interphone|immeuble|entr[ée]e|bo[iî]tier(?: [àa] cl[ée]s?)?|carte bleue|cb"
    r"|anti-?d[ée]marrage|casier|vestiaire|locker|antivol|console|r[ée]pondeur|ipad|tablette"
    r"|d[ée]sarmement|t[ée]l[ée]phone|clavier|connexion"
)
_KEYWORD = (
    r"(?:mots? de passe|mots? d['’] ?passe|mots?-de-passe|motdepasse|mdp|passwords?|passwd|pwd|pw|psw|pswd|passcodes?"
    r"|passwrods?|paswords?|passowrds?|passwrds?|mots? de pase|passe wi-?fi"
    r"|pass code|passphrase|digicode|code digicode|code puk|puk code|puk|memorable word"
    r"|memorable (?:information|answer|date)|secret (?:word|answer)|security word|mot secret"
    r"|code pin|pin code|pin|code secret|code confidentiel|cl[ée] wpa|wpa key|cl[ée] wi-?fi"
    r"|wi-?fi key|code wi-?fi|wi-?fi code|security answer|answer to (?:the|his|her) security question"
    r"|r[ée]ponse (?:[àa] la|de la) question secr[èe]te|password hint|identifiants"
    r"|r[ée]ponse secr[èe]te|secret answer|answer to (?:the |his |her )?security question"
    r"|d[ée]verrouillage(?: (?:du |de son |de sa )?(?:t[ée]l[ée]?(?:phone)?|portable|phone|mobile))?"
    r"|(?:son|mon|votre|ton|his|her|my|your|leur|their) code"
    rf"(?= *(?:[:=]|c'?\s?est\b|c\b|is\b|est\b|['’]s\b)? *[«\"']?(?:\d|{_DIGIT_WORDS}-))"
    rf"|codes? (?:de l'|de |d'|du |de la |des )?(?:[\w'-]+ ){{0,3}}?(?:l['’])?(?:{_CODE_OF})"
    r"|key ?safe|key ?box|lockbox|code (?:perso|personnel|personal)"
    r"|(?:unlock|alarm|safe|door|garage|gate|lock|keysafe|key safe|padlock|parental control"
    r"|voicemail|sim|(?<!gift )card|phone|ipad|tablet|laptop|anti-?theft|stereo|radio|console|vault"
    r"|access|car ?park|app) (?:code|pin|passcode)|(?:backup|recovery|mfa|2fa) codes?|router key"
    r"|code (?:mfa|2fa|otp|[àa] usage unique|de l['’]appli)|one-time code|recovery key"
    r"|cl[ée] de r[ée]cup[ée]ration|code to unlock(?: (?:his|her|my|the|their) \w+)?"
    r"|cl[ée] (?:du routeur|de la box)|m[êe]me code partout|same code everywhere"
    r"|code (?:de (?:son|sa|la) |du )box"
    r"|code (?:de |d')?(?:d[ée]verrouillage|acc[èe]s)"
    r"|(?:choisi|chosen|choisit|set|gave|donn[ée]|dict[ée]) (?:le |the |a |un |son |his |her )?code"
    # a season, day or boarding pass is a ticket, not a password
    r"|(?<!season )(?<!annual )(?<!day )(?<!boarding )(?<!bus )(?<!ski )(?<!weekly )(?<!monthly )pass"
    r"|keypad|(?:locker |padlock |lock )?combo|combinaison|combination|creds|s[ée]same|padlock|cadenas"
    r"|wi-?fi\b[^.\n]{0,50}?\b(?:key|cl[ée])"
    r"|wi-?fi (?:for|of|pour|de|du) (?:the |la |le |his |her |son |sa )?[\w-]+"
    r"(?= ?:(?! *(?:r[ée]seau|network|ssid|nom\b|name\b)))"  # the network's name: no secret
    r"|cl[ée] de s[ée]curit[ée]"
    r"|code (?:for|4) (?:the|his|her|their|my) (?:own |personal |\w+['’]s |\w+ )?(?:key ?box"
    r"|key ?safe|gate|door|alarm|safe|garage"
    r"|lockbox|locker|padlock|front door|back door)"
    # "new code on Mr Adeyemi's digital lock", "code for the staff room lock"
    r"|code (?:for|on|of) (?:[\w'’]+ ){0,4}?(?:lock|door|alarm|safe|gate|garage|keypad|locker"
    r"|padlock|key ?safe|key ?box|lockbox|phone|tablet|laptop)\b)"
)
_KEYWORD_RE = re.compile(rf"(?<![\w]){_KEYWORD}(?![\w]|-\d)", re.IGNORECASE)
# The same, case-sensitive, for text already in lower case: two to three times faster, since
# every letter of the keywords is compared to each word start (``_KEYWORD`` is in lower case).
_KEYWORD_LOWER = re.compile(rf"(?<![\w]){_KEYWORD}(?![\w]|-\d)")
# Characters outside Latin-1 that have no case (typographic quotes, dashes, the euro sign): a text
# of these and Latin-1 is lower-cased character for character, as ``re.IGNORECASE`` reads it (the
# letters it matches across scripts, "ı" or "ſ" for "i" or "s", are not among them).
_NOT_SIMPLE_CASE = re.compile("[^\x00-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac]")


_VALUE_RE = re.compile(
    r"\s*[«\"'“‘(#]?\s*(?P<value>\d(?:[ -]?\d){3,7}(?!\d)|[^\s«»\"“”'‘’,;()]{4,})(?P<quote>[»\"'”’)])?"
)
_SEPARATOR = re.compile(
    r"\s*(?:\](?:\s*[:=])?|[:=]|->|=>|→|['’]s\b|\best\b|\bis\b|\bwas\b|\b[ée]tait\b|\bc'?\s?est\b"
    r"|\bserait\b|\bsera\b|\bwill be\b|\bset to\b|\bchang[ée] en\b|\bchanged to\b"
    r"|\bd[ée]fini (?:sur|à|a)\b|\bc[ée]?\b(?!['’]))\s*",
    re.IGNORECASE,
)
_QUOTED = re.compile(
    r"[«\"“‘]\s*(?P<value>[^«»\"“”‘’]{3,30}?)\s*[»\"”’]|(?<!\w)'(?P<bare>[^'\s]{3,30})'(?!\w)"
)
# "« rosier1985 », c'est son mot de passe", "'papillon', c son mdp", "7 7 3 9 — that's the PIN":
# a quoted value, or digits, then "that's / c'est his" and the keyword
_GIVEN_BEFORE = re.compile(
    r"(?:[«\"“‘']\s*(?P<value>[^\s«»\"“”‘’']{4,30})\s*[»\"”’']|(?<![\d\w])(?P<digits>\d(?: ?\d){3,7}))"
    r"\s*[,:—–-]?\s*(?:c['’]?\s?est|c|that['’]?s|that is|is|=|→)\s+(?:son|sa|le|la|mon|ma|his|her"
    r"|the|my|their|leur)\s+(?:code\s+(?:de\s+|du\s+|d['’]\s*)(?:son\s+|sa\s+|la\s+|l['’]\s*)?"
    r"|\w+['’]s\s+)?(?:nouveau |new )?$",
    re.IGNORECASE,
)
# "Question secrète : nom de son premier chien → « Pistache »": the answer after the question
# what _SECRET_QUESTION starts at, in lower case ("ponse": "réponse" with or without its accent)
_ASKED = ("question", "security q", "ponse", "answer")
# What a security question asks: "first school", "nom de votre premier animal", "mother's
# maiden name", "ville de naissance" (an answer to any other quoted question is no secret).
_SECURITY_QUESTION_WORDS = (
    r"(?:name|nom|first|premier|premi[èe]re|school|[ée]cole|pet|animal|city|ville|born|birth"
    r"|naissance|maiden|jeune fille|favou?rite|pr[ée]f[ée]r[ée]e?|street|rue|mother|m[èe]re"
    r"|father|p[èe]re|friend|ami|car|voiture|team|[ée]quipe|teacher|instituteur|institutrice"
    r"|nickname|surnom)"
)
_SECRET_QUESTION = re.compile(
    r"\b(?:question secr[èe]te|secret question|security question|security q\b"
    r"|question de s[ée]curit[ée]|r[ée]ponse secr[èe]te|secret answer|security answer"
    r"|r[ée]ponse de s[ée]curit[ée]|(?:r[ée]ponse [àa]|answer (?:to|for))(?=\s*[«\"“]"
    rf"[^«»\"“”\n]{{0,40}}\b{_SECURITY_QUESTION_WORDS}\b))"
    r"\s*(?:\([^()\n]{3,40}\)\s*(?:[:=]|→|->)"
    # "Security answer for Mr Hunt: first pet = Rolo": whose, then the question, then the answer
    r"|[^:=\n]{0,30}?[:=]\s*[^:=\n→.]{3,60}?(?:→|->|=>|[:=])"
    # "réponse secrète du compte « nom de votre premier instituteur » : Mme Lagarde"
    r"|[^:=\n«\"“]{0,40}[«\"“][^«»\"“”\n]{3,60}[»\"”]\s*(?:[:=]|→|->|c['’]?\s?est\b|is\b))"
    r"\s*[«\"“‘']?\s*(?P<value>[^\s«»\"“”‘’',;()]{2,30}(?: [^\s«»\"“”‘’,;()]{2,30}){0,3})",
    re.IGNORECASE,
)
# "la question secrète de Mme Robert, « nom de mon premier chat », réponse : Pompon"
_SECRET_ANSWER = re.compile(
    r"\b(?:question secr[èe]te|secret question|security question)[^\n]{0,80}?"
    r"\b(?:r[ée]ponse|answer)\s*[:=]\s*[«\"“‘']?\s*(?P<value>[^\s«»\"“”‘’',;()]{3,30})",
    re.IGNORECASE,
)
# "identifiant 55120987, code 418307": a login, then its code
_LOGIN_THEN_CODE = re.compile(
    r"\b(?:identifiant|login|username|user id|user name)\s*[:=]?\s*[^\s,;]+\s*[,;/]?\s*"
    r"(?:et\s+|and\s+)?(?:code(?: secret| d'acc[èe]s)?|mdp|pwd|password|mot de passe|pin)\s*[:=]?\s*"
    r"(?P<value>[^\s,;()]{4,30})",
    re.IGNORECASE,
)
# "schéma de déverrouillage en L", "unlock pattern is a Z": the shape a phone is unlocked by;
# after a colon only when unlocking is named ("Schéma de déverrouillage de son portable : un Z")
_UNLOCK_SHAPE = re.compile(
    r"(?:(?i:\b(?:sch[ée]ma|pattern)(?: de d[ée]verrouillage| de verrouillage)?"
    r"|\bunlock pattern)\s+(?i:en|in|is|est)"
    r"|(?i:\b(?:sch[ée]ma de d[ée]verrouillage|unlock pattern|d[ée]verrouillage par sch[ée]ma)"
    r"(?: (?:de|du|of|on) [^:\n.]{0,40}?)?)\s*(?::|\s(?i:en|in|is|est)\b))"
    r"\s+(?i:(?:en )?forme de\s+|the shape of\s+|an?\s+|une?\s+)?(?!A [a-zà-ÿ])"  # "A faire"
    r"[«\"'“]?[A-Z](?![\w'’])"
)
# "my code is the year I got married, 1998": a secret described as a date, then its digits
_DESCRIBED_DATE = re.compile(
    r"\b(?:code|pin|password|mdp|mot de passe|passcode)\b[^,.\n\d]{0,30}?\s(?:is|c['’]?\s?est"
    r"|est|was|[ée]tait)\s+(?:the |l['’]\s?|la |le |sa |son |his |her |my |mon |ma |their |leur )?"
    r"(?:year|ann[ée]e|date|birthday|anniversaire|birth year)\b[^,.\n\d]{0,40},\s*\d{4}(?!\d)",
    re.IGNORECASE,
)
# "He uses "letmein" for everything", ""zorro1234" c'est ce qu'il met partout": one secret
# reused on every account, quoted
_REUSED = re.compile(
    r"(?:\b(?:uses|utilise|met|mets)\s+[«\"“‘']\s*(?P<value>[^\s«»\"“”‘’']{4,30})\s*[»\"”’']\s+"
    r"(?:for everything|everywhere|partout|pour tout)"
    r"|[«\"“‘']\s*(?P<first>[^\s«»\"“”‘’']{4,30})\s*[»\"”’']\s*,?\s*c['’]?\s?est ce qu['’]\s?"
    r"(?:il|elle) (?:met|utilise) partout)",
    re.IGNORECASE,
)
# "sa passphrase du coffre : « le chat de mamie dort sur le piano »": words in quotes, longer
# than a password's
_PASSPHRASE = re.compile(
    r"\b(?:pass ?phrase|phrase (?:secr[èe]te|de passe))\b(?:[^«\"“\n]{0,60}[«\"“]\s*"
    r"(?P<value>[^«»\"“”\n]{8,80}?)\s*[»\"”]"
    r"|[^:«\"“\n]{0,60}:\s*(?P<bare>[^\W\d]+(?:['’ ][^\W\d]+){3,11}))",  # "...: the dog sleeps"
    re.IGNORECASE,
)
# "Security answer: mother's maiden name Hargreaves": the answer after the question, no label
_MAIDEN_NAME = re.compile(
    r"\b(?:(?i:mother['’]s maiden name|maiden name of (?:his|her|their|the) mother)"
    r"|(?i:nom de jeune fille de (?:sa|la|leur) m[èe]re))"
    r"(?:\s+(?i:for|pour)\b[^:\n]{0,30}(?=:))?"  # "... for her bank security: Donnelly"
    r"\s*(?:(?i:is|was|est|[ée]tait)\b|[:=→-])?"
    r"\s*[«\"“]?(?P<value>[A-Z][^\W\d_]{2,}(?:[-'’][A-Z][^\W\d_]+)?)(?![\w-])"
)
# "capital Q, seven, r, hash, two, two", "H comme Hôtel, 7, r minuscule, ...": a secret spelt out
# sign by sign, in quotes, with a word of spelling
_SPELT_OUT = re.compile(r"[«\"“]\s*(?:[^,«»\"“”\n]{1,25},\s*){4,}[^,«»\"“”\n]{1,25}[»\"”]")
_SPELLING = re.compile(
    r"\b(?:capital|upper ?case|lower ?case|majuscule|minuscule|comme|hash|di[èe]se|exclamation"
    r"|underscore|arobase|at sign)\b",
    re.IGNORECASE,
)
# "Car app access: paul.moore / Tesla!Red": an access named, then user name / password
_ACCESS_PAIR = re.compile(
    r"\b(?:access|acc[èe]s)\b[^:/\n]{0,40}:\s*[a-z][\w.@-]{2,30}\s*/\s*(?P<value>[^\s,;()]{5,30})",
    re.IGNORECASE,
)
# "Windows login on the PC he left: Qwerty123", "Coworking login Desk42!Leeds": a login given
# as a password (a user name would have no capital, digit and lower case together)
_LOGIN_VALUE = re.compile(
    r"\blog ?in\b(?:[^:/\n]{0,40}:|)\s*(?P<value>[^\s,;()/]{6,30})(?![^\s,;()/]|\s*/)",
    re.IGNORECASE,
)
# "K-A-Y-A-K-7-7", "H-O-R-S-E-hash-four": a value spelt out letter by letter near the keyword
_SPELT_LETTERS = re.compile(r"(?<![\w-])(?:[A-Za-z0-9]-){4,}[A-Za-z0-9]+(?:-[A-Za-z]+)*(?![\w-])")
_ONE_TIME_WORDS = r"(?:one[- ]time|temporary|temporaire|usage unique|otp)"
_ONE_TIME = re.compile(rf"{_ONE_TIME_WORDS}\s*$", re.IGNORECASE)  # just before a keyword
_ONE_TIME_WORD = re.compile(rf"{_ONE_TIME_WORDS}\b", re.IGNORECASE)  # anywhere in it
# ... unless someone read it out ("one-time passcode 447 019 read out by the customer")
_READ_OUT = re.compile(
    r"\b(?:read (?:it )?out|read it|lu|lue|dict[ée]|gave|given|donn[ée]|told|[àa] voix haute)\b",
    re.IGNORECASE,
)
# A code that is nobody's secret: a factory default, a scam text's ("Default SIM PIN (0000)",
# "un SMS frauduleux "votre code est 482913"")
_NOBODYS_CODE = re.compile(
    r"\b(?:default|par d[ée]faut|factory|d['’]usine|scam|frauduleu\w*|fraudulent|phishing"
    r"|arnaque)\b",
    re.IGNORECASE,
)
# "zéro-neuf-zéro-neuf", "six-six-zéro-trois": digits spelt in words joined by hyphens
_HYPHEN_DIGITS = re.compile(rf"(?<![\w-]){_DIGIT_WORDS}(?:-{_DIGIT_WORDS}){{3,7}}(?![\w-])", re.I)
# what may follow a plain lower-case word given as the value: the end, or a bracket ("soleil
# (tout en minuscules)")
_LAST_VALUE = re.compile(r"\s*(?:\(|$)")
# A value given right after the keyword's separator, before any word that makes a code public
# ("pwd : Gr3nouill3!, compte d'admin de la boutique en ligne")
_GIVEN_FIRST = re.compile(r"\s*(?:[:=]|->|→)\s*[«\"'“‘]?[^\s«»\"“”'‘’,;()]*\d[^\s«»\"“”'‘’,;()]*")
# What precedes a keyword: the value, then "est son", "as his", "(", ...
_BEFORE_KEYWORD = re.compile(
    r"[«\"'“‘(]?(?P<value>[^\s«»\"“”'‘’,;:()]{4,})[»\"'”’)]?\s*"
    r"(?:\(|,|-|–|—|:)?\s*(?:est|is|was|[ée]tait|=|c'est|c'[ée]tait|that'?s|that is|opens"
    r"|ouvre|comme|as|en|as the|as (?:his|her|their)|as new)?\s*(?:son|sa|le|la|mon|ma|leur|the|his|her|their|my|your|votre|nouveau|new|comme"
    r"|as)?\s*(?:nouveau |new )?$",
    re.IGNORECASE,
)
_NOT_A_VALUE = frozenset(
    [
        "oublie",
        "oubliee",
        "forgotten",
        "forgot",
        "reset",
        "reinitialise",
        "reinitialiser",
        "reinitialisation",
        "change",
        "changed",
        "changer",
        "modifie",
        "modifier",
        "expire",
        "expired",
        "incorrect",
        "invalide",
        "invalid",
        "wrong",
        "errone",
        "erronee",
        "perdu",
        "lost",
        "bloque",
        "bloquee",
        "blocked",
        "locked",
        "envoye",
        "sent",
        "lien",
        "link",
        "email",
        "mail",
        "sms",
        "required",
        "requis",
        "obligatoire",
        "securise",
        "secure",
        "fort",
        "strong",
        "faible",
        "weak",
        "nouveau",
        "new",
        "oublies",
        "demande",
        "requested",
        "recu",
        "received",
        "ancien",
        "old",
        "actuel",
        "current",
        "temporaire",
        "temporary",
        "provisoire",
        "client",
        "customer",
        "compte",
        "account",
        "utilisateur",
        "user",
        "personnel",
        "personal",
        "du",
        "de",
        "la",
        "le",
        "les",
        "des",
        "son",
        "sa",
        "ses",
        "votre",
        "vos",
        "mon",
        "ma",
        "mes",
        "their",
        "his",
        "her",
        "your",
        "the",
        "and",
        "est",
        "is",
        "was",
        "pour",
        "for",
        "avec",
        "with",
        "dans",
        "sur",
        "via",
        "par",
        "qui",
        "que",
        "what",
        "which",
        "this",
        "that",
        "reinit",
        "recovery",
        "recuperation",
        "renouvele",
        "renewed",
        "saisi",
        "entered",
        "typed",
        "tape",
        "tapee",
        "ok",
        "ko",
        "valide",
        "valid",
        "correct",
        "protege",
        "protected",
        "changement",
        "oubli",
        "manager",
        "gestionnaire",
        "policy",
        "politique",
        "must",
        "doit",
        "should",
        "caracteres",
        "characters",
        "minimum",
        "maximum",
        "attempts",
        "tentatives",
        "essais",
        "fois",
        "times",
        "wifi",
        "motdepasse",  # mdp = "mot de passe": the word, not a value
        "aucun",
        "none",
        "inconnu",
        "unknown",
        "vide",
        "empty",
        "inchange",
        "unchanged",
        "password",
    ]
)


# "lui-même", "au-dessus": words joined by a hyphen or an apostrophe, not a value with a symbol
_RECOVERY_KEY = re.compile(r"\d{6}(?:-\d{6}){1,7}")
_HYPHENED_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)+")


def _password_value(value: str, quoted: bool, separated: bool) -> bool:
    value = value.strip(".,;!?)»”\"'(«“")
    compact = value.replace("-", "").replace(" ", "")
    if compact.isdigit():  # a PIN, or a BitLocker key's groups of six ("418902-117735-606123")
        return 4 <= len(compact) <= 8 or _RECOVERY_KEY.fullmatch(value) is not None
    if len(value) < 4:
        return False
    folded = fold(value).strip().lower()
    if folded in _NOT_A_VALUE or folded.replace(" ", "") in _NOT_A_VALUE:
        return False
    has_alpha = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    has_other = any(not c.isalnum() for c in value)
    words = not has_digit and _HYPHENED_WORD.fullmatch(value) is not None
    if has_alpha and (has_digit or has_other) and len(value) >= 5 and not words:
        return True
    if separated and has_digit and has_other and len(compact) >= 4:
        return True  # "Code garage : 88*13"
    if separated and value[:1].isdigit() and value.isalnum() and value.isupper() and len(value) < 7:
        return True  # a door code with a letter: "code de la porte : 7B19"
    # a plain word is talk about a password, unless quoted or clearly given as the value
    return quoted or (separated and value[:1].isupper() and len(value) >= 5)


_ASIDE_PATTERN = (
    r"[^:=\n]{0,110}?(?=[:=]|->|→|\best\b|\bis\b|\bset to\b|\bchanged to\b|\bchang[ée] en\b"
    r"|\bc'?\s?est\b)"
)
_ASIDE = re.compile(_ASIDE_PATTERN, re.IGNORECASE)
_ASIDE_LOWER = re.compile(_ASIDE_PATTERN)  # for text in lower case (see ``_KEYWORD_LOWER``)
# What each of the aside's endings holds: a window with none of them has no aside.
_ASIDE_ENDS = (":", "=", "->", "\u2192", "est", "is", "set to", "chang")
_QUOTE_MARKS = "«\"“‘'"


def _quoted(span: str) -> bool:
    """Whether ``span`` holds a quotation mark (``_QUOTED`` and ``_GIVEN_BEFORE`` need one, or
    a digit)."""
    return any(q in span for q in _QUOTE_MARKS)


_SPELT_DIGITS = re.compile(
    rf"\s*[«\"“‘']?\s*(?:{_DIGIT_WORDS}(?:[\s,-]+|$)){{3,7}}{_DIGIT_WORDS}\b", re.IGNORECASE
)
# A code that is no secret: a discount's, a post code, a bar code
_NOT_SECRET_CODE = re.compile(
    r"code (?:de |d['’])?(?:promo|postal|barre|r[ée]duction|avantage|parrainage|insee|ape|naf"
    r"|client)\b"
)
# "code interphone à demander au gardien", "PUK à demander au 3179": no value given
_NOT_GIVEN = re.compile(
    r"\s*(?:[:=]\s*)?(?:[àa] demander|to (?:be )?ask(?:ed)?|inconnu|unknown|not given|pas donn[ée]"
    r"|non communiqu[ée])",
    re.IGNORECASE,
)
# Keywords of a padlock or locker: their numbers may be three digits ("combo is 5-2-9")
_LOCK_WORDS = ("combo", "combin", "cadenas", "padlock", "locker", "casier")
_LOCK_KEYWORD = re.compile("|".join(_LOCK_WORDS))  # one of them in a keyword
_LOCK_VALUE = re.compile(r"\d(?:[ -]?\d){2}(?![\d\w])")
# right after the keyword: "combo 7-3-5", "safe combination 19-04-62"
_LOCK_NEXT = re.compile(r"\s*\d\d?(?:-\d\d?){2,3}(?![\d\w-])")
# "digicode immeuble 47B29": letters and digits a word or two after the keyword
_QUALIFIED_MIXED = re.compile(r"\s*(?:[^\W\d]+\.?\s+){0,4}(?P<value>[^\s,;()]{5,20})")
_QUALIFIED_DIGITS = re.compile(
    r"\s*(?:[^\W\d]+\.?[\s+('’-]+){1,10}\(?(?P<value>\d(?:[ -]?\d){3,7})(?![\d])"
)
# "nom du premier chien = Pilou": the value after a second label
_SECOND_LABEL = re.compile(r"[^:=\n.→]{1,70}?(?:[:=]|->|→)\s*")
# "Boîte à clés du logement : code 7-3-1-9": the object named first, then "code" and digits
_OBJECT_THEN_CODE = re.compile(
    rf"(?<![\w])(?:{_CODE_OF}|voicemail|alarm|gate|door|safe|key ?safe|key ?box|lockbox)\b[^.\n]{{0,40}}?"
    r"\bcodes?\b(?:\s+(?:for|pour|of|du|de)\b[^.\n:=\d]{0,30}?(?=[:=]|\bis\b|\best\b))?\s*"
    r"(?:[:=]|\bis\b|\best\b)?\s*\*?(?P<value>\d(?:[ -]?\d){3,7}(?!\d)"
    r"|\d(?=\d*[A-Z])[0-9A-Z]{3,5}(?!\w))",
    re.IGNORECASE,
)
# "mdp appli (Camille#07)": a value in brackets a few words after the keyword
_BRACKETED = re.compile(r"\s*(?:[^\W\d]+\s+){0,6}\((?P<value>[^()\s]{4,30})\)")
# "il nous l'a donné, 7319": digits given a few words after the keyword
_GIVEN_DIGITS = re.compile(
    r"[^.\d]{0,60}?\b(?:donn[ée]|gave|given|communiqu[ée]|dict[ée]|transmis|told us)\b[^.\d]{0,15}?"
    r"(?P<value>\d(?:[ -]?\d){3,7})(?!\d)",
    re.IGNORECASE,
)
# "Login details: m.roberts / Summer2023!": user name, slash, password
_CREDENTIALS = re.compile(
    r"(?<!\w)(?:login(?: details)?|credentials|creds|identifiants?(?: de connexion)?|log ?in)"
    r"(?:[^:/\n]{0,40}:|[^:/\n(]{0,30}\()?\s*\S+\s*/\s*(?:(?:code|mdp|pwd?|password|mot de passe)\s*:?\s*)?"
    r"(?P<value>\S{4,})",
    re.IGNORECASE,
)
# The organisation's own codes, shown to everyone: not a person's secret.
_PUBLIC_CODE = re.compile(
    r"(?<!\bnot )(?<!\bpas )"  # "not for guests" is no public code
    r"\b(?:de l'agence|du magasin|de la boutique|du bureau|of the (?:branch|office|store|shop)"
    r"|affich[ée]|displayed|posted|pour les visiteurs|for visitors|for guests|pour les clients"
    r"|wi-?fi\W{1,4}(?:invit[ée]s|guests?|visiteurs|public)|(?:guest|invit[ée]s|public) wi-?fi"
    r"|for the (?:audience|public|whole class)|pour (?:le public|toute la classe|tout le monde)"
    r"|for everyone|imprim[ée]s?|printed|pour tous)\b",
    re.IGNORECASE,
)


# A character a value given before its keyword must hold (a digit or a symbol): without one,
# the costly look-behind search is skipped.
_NON_ALPHA_VALUE = re.compile(
    "[^\\s\u00ab\u00bb\"\u201c\u201d'\u2018\u2019,;:()a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
)


# What a keyword's state says when no password is given with it
_NO_VALUE_STATE = re.compile(
    r"\s*(?:envoy[ée]e?|sent|oubli[ée]e?|forgotten|perdu|lost|reset|r[ée]initialis[ée]e?"
    r"|expir[ée]e?|bloqu[ée]e?|locked|chang[ée]e?|changed)\b",
    re.IGNORECASE,
)
# "Son login c'est paul.vidal, le mot de passe il l'a perdu": a user name, not the password
_USER_NAME_BEFORE = re.compile(
    r"\b(?:login|identifiant|username|user name|user|utilisateur|e-?mail|adresse)\b"
    r"[^.\n]{0,12}$",
    re.IGNORECASE,
)
_COMMA_VALUE = re.compile(
    r"[^,.;:\n]{0,50},\s*(?P<value>\d(?:[ -]?\d){3,7}|[^\s,;()]{5,30})\s*#?\s*(?:,|\.|$|\))"
)


def _mixed_value(value: str) -> bool:
    """A value given without a separator must look like a password: letters and digits."""
    value = value.strip(".,;!?)»”\"'(«“")
    return (
        any(c.isalpha() for c in value)
        and any(c.isdigit() for c in value)
        and _password_value(value, False, False)
    )


def _comma_value(value: str) -> bool:
    """A value set off by commas after its keyword: letters and digits ("Léonie2011"), or a
    PIN's digits ("le code du coffre, 63-12-87, pour éviter", "gate code ..., 1 6 0 9 #")."""
    compact = value.strip(".,;!?)»”\"'(«“").replace("-", "").replace(" ", "")
    return _mixed_value(value) or (compact.isdigit() and 4 <= len(compact) <= 8)


def _spelt_secret(spelt: str) -> bool:
    """Letters spelt out with a digit or a symbol's name ("K-A-Y-A-K-7-7", "H-O-R-S-E-hash"):
    letters alone are a name spelt for the record ("M-A-R-T-I-N"), digits alone a date."""
    parts = spelt.split("-")
    letters = any(p.isalpha() and len(p) == 1 for p in parts)
    return letters and any(p.isdigit() or len(p) > 1 for p in parts)


def _lock_numbers(value: str) -> bool:
    """A padlock's or a locker's three numbers ("5-2-9", "207")."""
    compact = value.strip(".,;!?)»”\"'(«“").replace("-", "").replace(" ", "")
    return compact.isdigit() and len(compact) == 3


# "code du cadenas du casier de M. Perrin, 3-7-2, il l'a noté", "digital lock set to 809124 at
# his request", "Instagram password to tag the piece - inkedrose99": the value later in the
# keyword's sentence, after words the other shapes do not expect. A token with a digit counts
# unless what comes just before it makes it an address, a reference, a date or an amount.
_LATER_STOP = re.compile(
    r"(?P<word>\w*)[.!?](?:\s|$)|\n|\s(?:but|mais|sauf|except|whereas|alors que)\s"
)
_LATER_TOKEN = re.compile(
    r"(?<![\w/.,:#€$£-])(?:\d(?:[ -]?\d)*(?![ -]?\d|[\w/.,:%€$£]\w)|[^\s«»\"“”'‘’,;:()]*\d[^\s«»\"“”'‘’,;:()]*)"
)
_NOT_BEFORE_VALUE = frozenset(
    lexicon._words(
        "n no nr num numero number ref reference order commande ticket dossier facture invoice"
        " room chambre flat appt apartment appartement bat batiment building bus ligne line vol"
        " flight train quai platform seat siege place table km rue road rd street avenue av bd"
        " boulevard allee chemin impasse lane close drive au at aux en in on since depuis from"
        " de du des le la les the a an until jusqu avant before apres after vers around"
        " tel telephone phone mobile portable fax cp postcode contrat contract police policy"
        " compte account client customer membre member carte card iban siret siren lot colis"
        " parcel tracking suivi"
    )
)
_UNIT_OR_ORDINAL = re.compile(
    r"\d+(?:h\d*|min|mn|s|kg|g|km|m|cm|mm|ml|l|mg|ans|an|yo|yrs?|m2|eur|go|gb|mo|mb|x|er|e|eme"
    r"|st|nd|rd|th|pm|am|%)$",
    re.IGNORECASE,
)
_REFERENCE_LIKE = re.compile(r"^[A-Z]{2,}[-_/]?\d|@|www|https?|\.(?:com|fr|org|net|co)\b")


def _later_value(window: str, lock: bool) -> bool:
    """A secret's value later in the keyword's sentence (``_LATER_TOKEN``); three digits only
    for a padlock's or a locker's keyword."""
    sentence = window
    for stop in _LATER_STOP.finditer(window):
        word = stop["word"] or ""
        if len(word) != 1 and word.lower() not in _ABBREVIATIONS:  # "M. Perrin" goes on
            sentence = window[: stop.start() + len(word)]
            break
    for token in _LATER_TOKEN.finditer(sentence):
        value = token.group().rstrip("-")
        previous = sentence[: token.start()].split()
        if (
            previous
            and previous[-1][-1:].isalnum()  # "du client, 4-4-0": set off, not the client's number
            and fold(previous[-1]).lower().strip("'’(") in _NOT_BEFORE_VALUE
        ):
            continue
        if value.replace(" ", "").replace("-", "").isdigit():
            if len(value) == 4 and value[:2] in ("18", "19", "20"):
                continue  # a year
            if (lock and "-" in value and _lock_numbers(value)) or _password_value(
                value, False, True
            ):
                return True
            continue
        if _UNIT_OR_ORDINAL.match(value) or _REFERENCE_LIKE.search(value):
            continue
        if (
            (len(value) >= 5 or value[:1].isdigit())  # "Tresor!88", a door's "7B19"
            and any(c.isalpha() for c in value)
            and _password_value(value, False, True)
        ):
            return True
    return False


# Any decimal digit (as ``\d`` reads one): the patterns whose value is digits are not tried on
# a text without one ("mot de passe oublié, lien envoyé"), where they would scan for nothing.
_ANY_DIGIT = re.compile(r"\d")


def password_hits(text: str) -> list[Hit]:
    digits = _ANY_DIGIT.search(text) is not None
    # a text lower-cased as re.IGNORECASE reads it: the keyword and aside patterns run
    # case-sensitive on its lower case, and a question or a shape is looked for only where its
    # word is written
    lower = text.lower() if _NOT_SIMPLE_CASE.search(text) is None else None
    found = _given_apart(text, digits, lower)
    if found is not None:
        return [found]
    code = _OBJECT_THEN_CODE.search(text) if digits and ("code" in text or "Code" in text) else None
    if code is not None and _ONE_TIME_WORD.search(code.group()) and not _READ_OUT.search(text):
        code = None  # "Parcel locker: the one-time code 3385 by text": nobody's secret
    if code is not None and not _PUBLIC_CODE.search(text, code.end(), code.end() + 60):
        return [Hit("password", "password.object_code")]
    asked = lower is None or any(word in lower for word in _ASKED)
    question = _SECRET_QUESTION.search(text) if asked else None
    if question is not None and _answer_value(question["value"]):
        return [Hit("password", "password.secret_answer")]
    credentials = _CREDENTIALS.search(text) if "/" in text else None
    if credentials is not None and _password_value(credentials.group("value"), False, True):
        return [Hit("password", "password.credentials")]
    keywords = _KEYWORD_RE.finditer(text) if lower is None else _KEYWORD_LOWER.finditer(lower)
    for keyword in keywords:
        end = keyword.end()
        window = text[end : end + 140]
        one_time = _ONE_TIME.search(text, max(0, keyword.start() - 16), keyword.start())
        if (one_time or _ONE_TIME_WORD.search(keyword.group())) and not _READ_OUT.search(window):
            continue  # "Your one-time passcode 550 912 has expired": nobody's secret
        if _NOBODYS_CODE.search(text, max(0, keyword.start() - 40), end + 20):
            continue  # "Default SIM PIN (0000)", "scam text "your code is 559210""
        public = _PUBLIC_CODE.match(window.lstrip()) or _PUBLIC_CODE.search(window[:60])
        if public is not None:
            first = _GIVEN_FIRST.match(window)
            if first is None or first.end() > public.start():
                continue
        if _NOT_GIVEN.match(window):
            continue  # "code interphone à demander au gardien"
        kind = keyword.group().lower()
        if _NOT_SECRET_CODE.match(kind) or (
            kind.endswith(" code") and _NOT_SECRET_CODE.match("code" + window[:20].lower())
        ):
            continue  # "Code promo du garage 0000-HIVER", "a donné son code postal"
        lock = _LOCK_KEYWORD.search(kind) is not None
        # "mot de passe de l'espace client de M. Roy = Marseille13*": skip a short aside
        if lower is None:
            aside = _ASIDE.match(window)
        else:  # most windows hold none of the words an aside ends before: no scan
            tail = lower[end : end + 140]
            aside = _ASIDE_LOWER.match(tail) if any(c in tail for c in _ASIDE_ENDS) else None
        offset = aside.end() if aside else 0
        separator = _SEPARATOR.match(window, offset)
        if separator is None and offset:
            offset = 0
            separator = _SEPARATOR.match(window, 0)
        start = separator.end() if separator else offset
        value = _VALUE_RE.match(window, start)
        if value is not None:
            quoted = bool(value.group("quote")) and window[start : start + 1] in "«\"“‘'"
            given = value.group("value")
            if _password_value(given, quoted, separator is not None) and not (
                kind == "pass" and given.isalpha()  # "the coworking pass: Chloe", a badge
            ):
                return [Hit("password", "password.after_keyword")]
            if (  # "tablet pw for Mrs Hughes: sunshine (all lower case)": a last word
                separator is not None
                and ":" in separator.group()
                and given.isalpha()
                and given.islower()
                and fold(given) not in _NOT_A_VALUE
                and _LAST_VALUE.match(window, value.end())
            ):
                return [Hit("password", "password.after_keyword")]
            if lock and separator is not None and _lock_numbers(value.group("value")):
                return [Hit("password", "password.lock_numbers")]
        if lock and separator is not None and _LOCK_VALUE.match(window, start):
            return [Hit("password", "password.lock_numbers")]  # "le cadenas ... est 207"
        if lock and _LOCK_NEXT.match(window):
            return [Hit("password", "password.lock_numbers")]  # "padlock combo 7-3-5"
        if separator is not None and _SPELT_DIGITS.match(window, start):
            return [Hit("password", "password.spelt_digits")]  # "is nine nine two one"
        if offset:  # "mdp Bibou1986 donné par tel, ... c'est interdit": the value came first
            value = _VALUE_RE.match(window, len(window) - len(window.lstrip()))
            if value is not None and _mixed_value(value.group("value")):
                return [Hit("password", "password.after_keyword")]
        # "le mot de passe du compte, Léonie2011, donné"
        comma = _COMMA_VALUE.match(window) if "," in window else None
        if comma is None and separator is not None and "," in window:
            comma = _COMMA_VALUE.match(window, start)
        if comma is not None and _comma_value(comma.group("value")):
            return [Hit("password", "password.after_keyword")]
        if separator is not None:
            second = _SECOND_LABEL.match(window, start)
            if second is not None:
                value = _VALUE_RE.match(window, second.end())
                if value is not None and _password_value(value.group("value"), False, True):
                    return [Hit("password", "password.after_second_label")]
        for at in {0, start} if digits else ():
            qualified = _QUALIFIED_DIGITS.match(window, at)
            if qualified is not None and _password_value(qualified.group("value"), False, False):
                return [Hit("password", "password.after_keyword")]
        if "digicode" in kind or "wi" in kind or "port" in kind or "door" in kind:
            mixed = _QUALIFIED_MIXED.match(window)
            if mixed is not None and _mixed_value(mixed.group("value")):
                return [Hit("password", "password.after_keyword")]
        bracketed = _BRACKETED.match(window) if "(" in window else None
        if bracketed is not None:
            value = bracketed.group("value")
            if any(c.isdigit() for c in value) and _password_value(value, False, False):
                return [Hit("password", "password.after_keyword")]
        given = _GIVEN_DIGITS.match(window) if digits else None
        if given is not None and _password_value(given.group("value"), False, False):
            return [Hit("password", "password.given_after_keyword")]
        head = window[:60]
        quote = _QUOTED.search(head) if _quoted(head) else None
        quoted_value = quote.group("value") or quote["bare"] if quote is not None else ""
        if (
            quote is not None
            and _password_value(quoted_value, True, True)
            and _KEYWORD_RE.search(quoted_value) is None  # "clicked "forgot password""
        ):
            return [Hit("password", "password.quoted_after_keyword")]
        near = (max(0, keyword.start() - 80), end + 80)
        spelt = _SPELT_LETTERS.search(text, *near) if "-" in text else None
        if spelt is not None and _spelt_secret(spelt.group()):
            return [Hit("password", "password.spelt_letters")]  # "K-A-Y-A-K-7-7"
        if digits and _later_value(window, lock):
            return [Hit("password", "password.later_in_sentence")]
        low = max(0, keyword.start() - 60)
        given = (
            _GIVEN_BEFORE.search(text, low, keyword.start())
            if digits or _quoted(text[low : keyword.start()])
            else None
        )
        if given is not None and _password_value(given["value"] or given["digits"], True, True):
            return [Hit("password", "password.before_keyword")]
        if _NON_ALPHA_VALUE.search(text, low, keyword.start()) is None:
            continue  # nothing before the keyword could be a value that is not a plain word
        if _NO_VALUE_STATE.match(window):
            continue  # "durand44, mot de passe envoyé par courrier": the password is not given
        before = _BEFORE_KEYWORD.search(text, low, keyword.start())
        if before is not None:
            value = before.group("value")
            if (
                (any(c.isdigit() for c in value) or not value.replace("-", "").isalpha())
                and _password_value(value, False, False)
                and not value.lower().startswith(("mot", "pass", "code", "mdp"))
                and not _USER_NAME_BEFORE.search(text, max(0, low - 20), before.start("value"))
            ):
                return [Hit("password", "password.before_keyword")]
    return []


def _spelt_signs(text: str) -> bool:
    """A secret spelt sign by sign without quotes: at least five signs in a row between commas,
    four of them one character long, with a word of spelling ("M majuscule, a, r, 7, point
    d'exclamation, t", "capital K, e, 9, underscore, m, o")."""
    run: list[str] = []
    for item in text.split(","):
        item = item.strip()
        if len(item) <= 25 and (len(item) == 1 or _SPELLING.search(item)):
            run.append(item)
            continue
        if len(run) >= 4:  # the last item may run on into the note ("e, puis il a raccroché")
            run.append(item.split(" ")[0])
        if _spelt_run(run):
            return True
        run = [item] if len(item) <= 25 else []  # the first sign may follow its label
    return _spelt_run(run)


def _spelt_run(run: list[str]) -> bool:
    singles = sum(1 for item in run if len(item) == 1)
    return len(run) >= 5 and singles >= 4 and any(_SPELLING.search(item) for item in run)


def _given_apart(text: str, digits: bool, lower: str | None) -> Hit | None:
    """A secret given away from its keyword: the answer after a secret question and a quoted
    question ("réponse : Pompon"), a code after a login ("identifiant 55120987, code 418307"),
    an unlock pattern's shape ("schéma de déverrouillage en L"; ``lower`` as in
    ``password_hits``)."""
    answer = _SECRET_ANSWER.search(text) if "uestion" in text or "UESTION" in text else None
    if answer is not None and _password_value(answer["value"], True, True):
        return Hit("password", "password.secret_answer")
    login = _LOGIN_THEN_CODE.search(text) if digits else None
    if login is not None and _password_value(login["value"], False, True):
        return Hit("password", "password.credentials")
    shaped = lower is None or "sch" in lower or "pattern" in lower  # the shape's every wording
    if shaped and _UNLOCK_SHAPE.search(text) is not None:
        return Hit("password", "password.unlock_pattern")
    return _given_otherwise(text, digits)


def _given_otherwise(text: str, digits: bool) -> Hit | None:
    """A secret given in other words than a keyword and its value: described as a date before
    its digits, quoted as the one used everywhere, a user name and password after an access, a
    login that is a password (each pattern tried only where its cue word is)."""
    if digits and _DESCRIBED_DATE.search(text) is not None:
        return Hit("password", "password.described_date")
    lower = text.lower()
    reused = _REUSED.search(text) if "partout" in lower or "everything" in lower else None
    if reused is not None and _password_value(reused["value"] or reused["first"], True, True):
        return Hit("password", "password.reused")
    phrase = _PASSPHRASE.search(text) if "phrase" in lower else None
    if phrase is not None and (
        _password_value(phrase["value"], True, True)
        if phrase["value"]
        else _answer_value(phrase["bare"])
    ):
        return Hit("password", "password.passphrase")
    if "-" in text and _HYPHEN_DIGITS.search(text) is not None:
        return Hit("password", "password.spelt_digits")
    maiden = _MAIDEN_NAME.search(text) if "maiden" in lower or "jeune fille" in lower else None
    if maiden is not None and _password_value(maiden["value"], True, True):
        return Hit("password", "password.secret_answer")
    spelt = _SPELT_OUT.search(text) if text.count(",") >= 4 and _quoted(text) else None
    if spelt is not None and _SPELLING.search(spelt.group()) is not None:
        return Hit("password", "password.spelt_out")
    if text.count(",") >= 4 and _spelt_signs(text):
        return Hit("password", "password.spelt_out")
    pair = _ACCESS_PAIR.search(text) if "/" in text else None
    if pair is not None and _password_value(pair["value"], False, False):
        return Hit("password", "password.credentials")
    login = _LOGIN_VALUE.search(text) if "log" in lower else None
    if login is not None and _login_value(login["value"]):
        return Hit("password", "password.login_value")
    return None


def _answer_value(value: str) -> bool:
    """An answer or a passphrase in words ("St Aidan's", "the dog sleeps under the piano"): none
    of its longer words is talk about a secret ("le client veut la remplacer")."""
    return _password_value(value, True, True) and not any(
        len(w) > 4 and w in _NOT_A_VALUE for w in fold(value).split()
    )


def _login_value(value: str) -> bool:
    """A login that is a password ("Qwerty123", "Hola!Madrid8"): capital, lower case and digit,
    no "." or "@" of a user name or an address."""
    value = value.rstrip(".,;!?")
    return (
        any(c.isupper() for c in value)
        and any(c.islower() for c in value)
        and any(c.isdigit() for c in value)
        and "@" not in value
        and "." not in value
    )


def password(text: str) -> bool:
    return bool(password_hits(text))


# --- the detector ------------------------------------------------------------------------------
def explain(text: str | None, contacts: bool = True) -> list[Hit]:
    """Every label of ``text`` with the rule that gave it (empty: clean); ``contacts=False``
    leaves phone numbers and e-mail addresses out (``detect`` does not report them)."""
    if not text:
        return []
    if "\ufffd" in text and text.count("\ufffd") * 20 > len(text):
        return []  # binary content read as text (replacement characters): not a note
    gate = _normal(text, _GATE_TABLE)
    hits: list[Hit] = []
    padded = (b" %b " % gate).decode()
    triggers = set(map(_VALUE, _AUTOMATON.iter(padded)))  # most texts: empty
    if triggers:
        live = _live(triggers, padded)
        cued = not _CUE_KEYS.isdisjoint(triggers)  # most: a rule's word only
        partners = cued and not _PARTNER_KEYS.isdisjoint(triggers)
        if live or partners:
            clause = _normal(text, _CLAUSE_TABLE).decode()
            ruled_out: set[str] = set()
            found = (
                reviewed(text, special_hits(text, clause, live, ruled_out), ruled_out, clause)
                if live
                else []
            )
            hits += _genetic_health(clause, found, ruled_out)
            if partners and not any(h.label == "sexual_orientation" for h in found):
                partner = relationship_hit(text, clause)
                if partner is not None:
                    hits.append(partner)
        if cued and _password_cue(triggers, padded):
            hits += password_hits(text)
    if len(gate.translate(None, _DIGITS_ONLY)) >= 9:
        hits += numeric_hits(text, contacts)
    if contacts and "@" in text:
        hits += email_hits(text)
    if contacts and not any(h.label == "email" for h in hits):
        hits += spelt_email_hits(gate)
    return hits


def reviewed(
    text: str, hits: list[Hit], ruled_out: Iterable[str] = (), clause: str | None = None
) -> list[Hit]:
    """The rules' hits on a candidate as the trained classifier reviews them: those it finds
    too unlikely dropped, the families it is sure of added (``gdpr.quality.classifier``) unless
    the rules read that family's wording here and found it said of an animal, a plant or a
    machine ("le chien est diabétique") or of people in general ("nos clients diabétiques"): the
    model sees the words, not who they are about. A family is added only if the model still
    reads it once the wording that says nothing of anyone's is taken out (``lexicon.NO_ONES``:
    "arrêt maladie, motif non communiqué", "aucune allergie connue", "lecteur livré désactivé,
    personne n'est enregistré"): it learnt those words with the family. (Taking out every
    phrase a veto dropped was tried and lost far more than it gained: the model rightly adds
    many a family whose phrase a veto read too eagerly.)"""
    kept, added = classifier.review(text, {hit.label for hit in hits})
    for label in list(added):
        rest = unread(clause, label)
        if rest is not None and label not in classifier.review(rest, set())[1]:
            del added[label]
    return [hit for hit in hits if hit.label in kept] + [
        Hit(label, f"classifier: {', '.join(words)}")
        for label, words in added.items()
        if label not in ruled_out
    ]


def unread(clause: str | None, label: str) -> str | None:
    """``clause`` without the wording that says nothing of anyone's ``label``
    (``lexicon.NO_ONES``), or None when it holds none: what the model must still read that
    family in for ``reviewed`` to add it."""
    pattern = _NO_ONES.get(label)
    if clause is None or pattern is None or pattern.search(clause) is None:
        return None
    return pattern.sub(" ", clause)


_DISEASE_RISK = re.compile(lexicon.DISEASE_RISK)
_NO_DISEASE_RISK = re.compile(lexicon.NO_DISEASE_RISK)
_RISK_FINDING = re.compile(lexicon.RISK_FINDING)
_CARRIER_ONLY = re.compile(lexicon.CARRIER_ONLY)
_PREGNANCY_TEST = re.compile(lexicon.PREGNANCY_TEST)


def _a_risk_found(clause: str) -> bool:
    """A disease-risk finding said of someone: the gene or risk named with a result's wording."""
    return _DISEASE_RISK.search(clause) is not None and _RISK_FINDING.search(clause) is not None


def _genetic_health(clause: str, found: list[Hit], ruled_out: set[str]) -> list[Hit]:
    """``found`` with the health reading of a genetic finding (GDPR Recital 35): health is added
    when the finding shows a disease or a raised risk of one (``lexicon.DISEASE_RISK``), and the
    classifier's health is dropped when it shows none (a negative or uncertain result, a carrier
    of a recessive condition) unless the test reveals a pregnancy. Only once the genetic rules,
    with their vetoes, have read the note as someone's genetic data: a gene's name alone (a BRCA
    awareness walk) is not a finding. The model learnt that genetic wording goes with health
    and cannot tell a carrier from a patient; the wording can."""
    if not any(hit.label == "biometric_genetic" for hit in found):
        return found
    labels = {hit.label for hit in found}
    if _PREGNANCY_TEST.search(clause) is not None:
        if "health" in labels or "health" in ruled_out:
            return found
        return [*found, Hit("health", "prenatal or embryo genetic test (a pregnancy, IVF)")]
    no_risk = _NO_DISEASE_RISK.search(clause) is not None
    if "health" not in labels:
        if no_risk or "health" in ruled_out or not _a_risk_found(clause):
            return found
        return [*found, Hit("health", "genetic finding of a disease risk (Recital 35)")]
    if not no_risk and _CARRIER_ONLY.search(clause) is None:
        return found
    return [h for h in found if h.label != "health" or not h.rule.startswith("classifier:")]


_EMPTY: frozenset[str] = frozenset()
_REPORTED = frozenset(LABELS)


def detect_all(text: str | None) -> frozenset[str]:
    """Every label of ``text``, contact details (phone, e-mail) included."""
    hits = explain(text)
    return frozenset(hit.label for hit in hits) if hits else _EMPTY


def detect(text: str | None) -> frozenset[str]:
    """The labels of ``text`` the minimisation check reports: special categories, criminal
    data and identifiers (empty: clean). Contact details are left to ``detect_all``."""
    hits = explain(text, contacts=False)
    if not hits:
        return _EMPTY
    return frozenset(hit.label for hit in hits if hit.label in _REPORTED)


def detect_many(texts: Iterable[str | None]) -> list[frozenset[str]]:
    return [detect(t) for t in texts]
