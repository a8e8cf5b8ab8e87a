"""Free-text detectors: Art. 9 special categories and identifiers that must not sit in comments.

The CNIL sanctioned CRM comments such as "client alcoolique" and recommends automatic filters
on comment fields; a filter that cries wolf is switched off, so precision matters as much as
recall. Texts are folded once (lower case, accents stripped by a translation table that keeps
every character in place), then:

- one compiled alternation per special category, with word boundaries and explicit
  inflections ("diabétique", "diabétiques", "syndiquée") rather than bare stems, so that
  "maladroit" is not "malade" and "religieusement emballé" is not a religion;
- words that are also product or family names ("lampe Cardiaque", "Union Jack") are only
  read as remarks when not capitalised in the middle of a sentence;
- identifiers are checked, not just shaped: payment cards by Luhn (and a card brand's first
  digit), IBANs by ISO 13616 mod 97 and their country's length, French social security
  numbers (NIR) by their key (97 - number mod 97, Corsica 2A/2B), and passwords only when a
  value is actually given ("mot de passe oublié" is not a password).

A cheap digit-run prefilter keeps the identifier checks off the vast majority of texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

SPECIAL_CATEGORIES: tuple[str, ...] = (
    "health",
    "religion",
    "political_opinion",
    "union_membership",
    "ethnic_origin",
    "sexual_orientation",
    "biometric_genetic",
)
IDENTIFIERS: tuple[str, ...] = ("card_number", "iban", "nir", "password")
LABELS: tuple[str, ...] = SPECIAL_CATEGORIES + IDENTIFIERS

# Art. 9(1) wording of each special category, shown in reports next to the label.
DESCRIPTIONS: dict[str, str] = {
    "health": "data concerning health (Art. 9(1))",
    "religion": "religious or philosophical beliefs (Art. 9(1))",
    "political_opinion": "political opinions (Art. 9(1))",
    "union_membership": "trade union membership (Art. 9(1))",
    "ethnic_origin": "racial or ethnic origin (Art. 9(1))",
    "sexual_orientation": "sex life or sexual orientation (Art. 9(1))",
    "biometric_genetic": "genetic or biometric data (Art. 9(1))",
    "card_number": "payment card number (Luhn-valid)",
    "iban": "bank account number (IBAN, checksum valid)",
    "nir": "French social security number (NIR, key valid)",
    "password": "a password given in clear",
}


def _fold_table() -> dict[int, str]:
    """One character for one: Latin letters to unaccented lower case, punctuation to a space.

    Keeping positions lets a match be checked against the original text (capitals) and lets
    ``str.split`` tokenise the result without another pass.
    """
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


# --- special categories --------------------------------------------------------------------
# Terms are written on folded text in a small syntax: words separated by spaces, ``(a|b)``
# alternatives, ``?`` after a group or letter for optional, ``#`` a number, ``%`` any one word.
# The same terms give the matching regex and the gate words (see _gate_words).
_TERMS: dict[str, list[str]] = {
    "health": [
        "malad(e|es|ie|ies)",
        "diabet(e|es|ique|iques|ic|ics)",
        "cancer(eux|euse|s)?",
        "(tumeur|tumeurs|tumor|tumors|tumour|tumours)",
        "(chimio|chimiotherapie|chemo|chemotherapy)",
        "infarctus",
        "crise cardiaque",
        "avc",
        "handicap(e|ee|es|ees)?",
        "(disabled|disability|disabilities)",
        "fauteuil roulant",
        "wheelchair",
        "(suis|est|etait|etre|tombee) enceinte",
        "enceinte de # mois",
        "grossesse",
        "(pregnant|pregnancy)",
        "fausse couche",
        "miscarriage",
        "alcool(ique|iques|isme|o)",
        "alcoholi(c|cs|sm)",
        "toxicomane(s)?",
        "(addicted|addiction|drug addict)",
        "(depression|depressif|depressive|depressives|depressed)",
        "burn out",
        "hospitalis(e|ee|es|ees|ed)",
        "hospitalized",
        "(a l|in|from|at the|in the) (hopital|hospital)",
        "opere(e)? (du|de la|des)",
        "surgery",
        "allerg(ie|ies|ique|iques|y|ic)",
        "asthm(e|a|atique|atic)",
        "epilep(sie|tique|sy|tic)",
        "alzheimer",
        "parkinson",
        "autis(te|tes|me|m|tic)",
        "(vih|hiv|sida)",
        "seropositi(f|ve)",
        "hepatite",
        "sclerose",
        "dialys(e|is)",
        "insulin(e)?",
        "(sous traitement|under treatment)",
        "medicament(s)?",
        "medication(s)?",
        "arret maladie",
        "sick leave",
        "convalescen(ce|t)",
        "malvoyant(e|es|s)?",
        "malentendant(e|es|s)?",
        "aveugle(s)?",
        "sourd(e|es|s)?",
        "deaf",
        "blind (customer|person|man|woman|since)",
        "hearing aid(s)?",
        "appareil auditif",
        "paralys(e|ee|ie|ed|is)",
        "(demence|dementia)",
        "schizophren(e|ie|ia|ic)",
        "(bipolaire|bipolar)",
        "psychiatr(e|ie|ique|ist|y|ic)",
        "(probleme|problemes|raison|raisons|etat|souci|soucis) de sante",
        "sante fragile",
        "(health|medical|heart) (issue|issues|problem|problems|condition|reasons)",
        "heart (attack|disease|surgery)",
        "mental health",
        "illness",
        "terminally ill",
        "had a stroke",
        "probleme(s)? cardiaque(s)?",
        "probleme(s)? de coeur",
        "ivg",
    ],
    "religion": [
        "musulman(e|es|s)?",
        "muslim(s)?",
        "islam(ique|iques|ic)?",
        "(juif|juifs|juive|juives|judaisme|jewish|judaism)",
        "chretien(ne|nes|s)?",
        "(devout|practising|practicing|born again|a) christian",
        "catholi(que|ques|c|cs)",
        "protestant(e|es|s)?",
        "evangeli(que|ques|cal)",
        "(bouddhiste|bouddhistes|buddhist|buddhists)",
        "(hindou|hindoue|hindous|hindu|hindus)",
        "sikh(s)?",
        "(athee|athees|atheist|atheists)",
        "pratiquant(e|es|s)?",
        "ramadan",
        "careme",
        "(mosquee|mosquees|mosque|mosques|synagogue|synagogues)",
        "(va|vont|aller|vais|allons) (a l eglise|au temple|a la synagogue)",
        "(to|at) church",
        "(casher|kasher|kosher|halal)",
        "(shabbat|sabbat|sabbath)",
        "temoin(s)? de jehovah",
        "jehovah s witness(es)?",
        "(prie|prient) (cinq|5|chaque|tous)",
        "mormon(e|es|s)?",
        "(christmas|sunday|midnight) mass",
        "(attend|attends|attended|go to|goes to) mass",
        "la messe",
        "religion(s)?",
        "religieux",
        "(conviction|convictions|croyance|croyances|raison|raisons|pratique|pratiques|fete|fetes)"
        " religieuse(s)?",
        "religious (belief|beliefs|reason|reasons|holiday|conviction|convictions)",
        "(prayer|prayers|priere|prieres)",
    ],
    "political_opinion": [
        "vot(e|es|ent|ait|er) (pour|a gauche|a droite|rn|lfi|eelv)",
        "a vote (pour|rn|lfi|eelv)",
        "vot(e|es|ed|ing) (for|labour|tory|conservative|green|reform)",
        "electeur(s)? (de|du|d)",
        "electrice(s)? (de|du|d)",
        "milite (au|a|pour|chez|dans)",
        "activist (for|in|with)",
        "parti (socialiste|communiste|politique|ecologiste|radical|pirate)",
        "(green|labour|conservative|tory|communist|socialist|republican|democratic|reform"
        "|libertarian|independence|brexit) party",
        "(labour|tory|republican|democrat) (voter|voters|supporter|supporters|member|members)",
        "encarte(e|es|s)?",
        "sympathisant(e|es|s)?",
        "ecologiste(s)?",
        "eelv",
        "france insoumise",
        "insoumis(e|es)?",
        "rassemblement national",
        "front national",
        "les republicains",
        "gilet(s)? jaune(s)?",
        "extreme (droite|gauche)",
        "far (right|left)",
        "(est|suis|etre|plutot|tres|franchement) (a|de) (gauche|droite)",
        "(communiste|communistes|socialiste|socialistes|anarchiste|anarchistes|royaliste"
        "|royalistes|gaulliste|gaullistes|trotskiste|trotskistes)",
        "(opinion|opinions|idee|idees|engagement|engagements|conviction|convictions) politique(s)?",
        "engage(e)? politiquement",
        "political (views|opinion|opinions|belief|beliefs|activist)",
    ],
    "union_membership": [
        "syndique(e|es|s)?",
        "syndicat(s)?",
        "syndicaliste(s)?",
        "delegue(e)? syndical(e)?",
        "(trade|labour|labor) union(s)?",
        "union (member|members|membership|rep|representative|steward|branch)",
        "member of (the|a) (% )?union",
        "(unionised|unionized)",
        "(cgt|cfdt|cftc|cfe cgc|unsa|force ouvriere)",
    ],
    "ethnic_origin": [
        "d origine (maghrebine|africaine|arabe|asiatique|chinoise|turque|algerienne|marocaine"
        "|tunisienne|senegalaise|malienne|ivoirienne|camerounaise|vietnamienne|antillaise|rom"
        "|gitane|juive|etrangere|kabyle|berbere|indienne|pakistanaise)",
        "origine(s)? (ethnique|ethniques|raciale|raciales)",
        "maghrebin(e|es|s)?",
        "(client|cliente|personne|homme|femme|monsieur|madame|famille)"
        " (noir|noire|arabe|beur|rebeu|asiatique|black|metis|metisse)",
        "(black|asian|arab) (man|woman|guy|lady|customer|person)",
        "(of|from a|from an) (african|asian|arab|north african|caribbean|moroccan|algerian"
        "|indian|pakistani|chinese|turkish|roma) (origin|descent|heritage|background|family)",
        "ethni(e|que|ques|c|city)",
        "racial(e|es|ly)?",
        "(sa|his|her|leur|their) (race|couleur de peau|skin color|skin colour)",
        "(gitan|gitane|gitans|gitanes|tzigane|tziganes|gypsy|gypsies|hispanic)",
        "latino(s|a|as)?",
        "roma (family|families|community|camp|people)",
        "afro (americain|american|caribbean|caribeen)",
    ],
    "sexual_orientation": [
        "homosexu(el|elle|els|elles|al|als|ality|alite)",
        "heterosexu(el|elle|al)",
        "(lesbienne|lesbiennes|lesbian|lesbians)",
        "bisexu(el|elle|al)",
        "queer",
        "lgbt(q|qi|qia)?",
        "(orientation sexuelle|sexual orientation|vie sexuelle|sex life|same sex|meme sexe)",
        "transgen(re|der)",
    ],
    "biometric_genetic": [
        "(adn|dna)",
        "geneti(que|ques|c|cs)",
        "genom(e|es|ique)",
        "empreinte(s)? digitale(s)?",
        "fingerprint(s)?",
        "(reconnaissance faciale|facial recognition|face id)",
        "biometri(e|que|ques|c|cs)",
        "(iris|retina|retine) scan",
        "scan (de l iris|de la retine|of the iris|of the retina)",
        "23andme",
    ],
}
# Words that are also names (of a product, a family, a flag): read as a remark only when not
# capitalised in the middle of a sentence ("la lampe Cardiaque", "Marvin Gay").
_NAME_LIKE: dict[str, list[str]] = {
    "health": ["cardiaque(s)?", "cardiac", "migraine(s)?"],
    "sexual_orientation": ["gay(s)?"],
    "political_opinion": ["(tory|tories)", "militant(e|es|s)?"],
    "religion": ["jehovah"],
}
# Words too common to tell a remark from a bland text: they never open the gate alone.
_NOT_GATE = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "un",
        "une",
        "en",
        "et",
        "est",
        "suis",
        "etre",
        "etait",
        "tres",
        "plutot",
        "sous",
        "pour",
        "dans",
        "chez",
        "for",
        "to",
        "at",
        "the",
        "of",
        "in",
        "from",
        "with",
        "and",
        "his",
        "her",
        "their",
        "sa",
        "leur",
        "had",
        "his",
        "a",
        "an",
        "man",
        "woman",
        "guy",
        "lady",
        "person",
        "customer",
        "client",
        "cliente",
        "personne",
        "homme",
        "femme",
        "monsieur",
        "madame",
        "famille",
        "probleme",
        "problemes",
        "raison",
        "raisons",
        "etat",
        "souci",
        "soucis",
        "member",
        "members",
        "under",
        "go",
        "goes",
        "attend",
        "franchement",
    ]
)


def _expand(term: str) -> list[str]:
    """Every string the small syntax allows (``#`` and ``%`` kept as placeholders)."""

    def alternatives(pos: int) -> tuple[list[str], int]:
        options, current = [], [""]
        while pos < len(term) and term[pos] not in "|)":
            if term[pos] == "(":
                inner, pos = alternatives(pos + 1)
                pos += 1  # ')'
                unit = inner
            else:
                unit, pos = [term[pos]], pos + 1
            if pos < len(term) and term[pos] == "?":
                unit, pos = [*unit, ""], pos + 1
            current = [c + u for c in current for u in unit]
        options += current
        if pos < len(term) and term[pos] == "|":
            more, pos = alternatives(pos + 1)
            options += more
        return options, pos

    return alternatives(0)[0]


def _regex(term: str) -> str:
    return term.replace("(", "(?:").replace(" ", " +").replace("#", r"\d+").replace("%", r"\w+")


# Words of everyday retail vocabulary: a term is gated on one of its other words if it can.
_EVERYDAY = frozenset(
    [
        "5",
        "s",
        "cinq",
        "chaque",
        "tous",
        "colour",
        "color",
        "left",
        "right",
        "green",
        "party",
        "union",
        "branch",
        "vote",
        "votes",
        "member",
        "scan",
        "life",
        "same",
        "sex",
        "blind",
        "heart",
        "medical",
        "health",
        "mental",
        "attack",
        "origin",
        "descent",
        "background",
        "family",
        "national",
        "french",
    ]
)


def _gate_words() -> frozenset[str]:
    """One word per way a term can match, that every such match contains: a text with none of
    them is clean without running the category regexes (most texts)."""
    words: set[str] = set()
    for terms in (*_TERMS.values(), *_NAME_LIKE.values()):
        for term in terms:
            for expansion in _expand(term):
                distinctive = [w for w in expansion.split() if w not in _NOT_GATE and w.isalnum()]
                if not distinctive:
                    raise ValueError(f"term {term!r} has no distinctive word in {expansion!r}")
                words.add(min(distinctive, key=lambda w: (w in _EVERYDAY, -len(w))))
    return frozenset(words)


GATE_WORDS = _gate_words()
_GATE = frozenset(w.encode("ascii") for w in GATE_WORDS)
# Non-ASCII characters that separate words (Latin-1 punctuation, typographic quotes and
# dashes, narrow spaces): spaces, as fold() makes them; other non-ASCII symbols are dropped.
_SEPARATORS = re.compile("[\u00a0-\u00bf\u00d7\u00f7\u02bc\u2000-\u206f]")
_GATE_TABLE = bytes(ord(chr(c).lower()) if c < 128 and chr(c).isalnum() else 32 for c in range(256))


def _category_pattern() -> re.Pattern[str]:
    groups = []
    for category, terms in _TERMS.items():
        groups.append(f"(?P<{category}>{'|'.join(map(_regex, terms))})")
        if category in _NAME_LIKE:
            groups.append(f"(?P<{category}__name>{'|'.join(map(_regex, _NAME_LIKE[category]))})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)")


_CATEGORY_RE = _category_pattern()
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n«\"(]\s*|\s-\s*)$")


def _capitalised_mid_sentence(text: str, start: int) -> bool:
    if not text[start].isupper():
        return False
    return not _SENTENCE_END.search(text[max(0, start - 4) : start])


def special_categories(text: str, folded: str | None = None) -> set[str]:
    folded = fold(text) if folded is None else folded
    found: set[str] = set()
    aligned = len(folded) == len(text)
    for match in _CATEGORY_RE.finditer(folded):
        category, _, kind = (match.lastgroup or "").partition("__")
        if category in found:
            continue
        if kind and aligned and _capitalised_mid_sentence(text, match.start()):
            continue
        found.add(category)
    return found


# --- identifiers ---------------------------------------------------------------------------
_SEP = r"[ .\-]?"
# A run of digits long enough to be a card, an IBAN's account part or a NIR.
# Every identifier has a run of 10 digits (an IBAN's account part: NL has exactly 10; cards
# 13-19; a NIR 15) except a Corsican NIR, whose department 2A/2B splits the run.
_DIGIT_RUN = re.compile(rb"\d(?: ?\d){9}|\d ?2[ab] ?\d")  # on gate_bytes(): separators are spaces
_CARD = re.compile(r"(?<![\d\w])(?<!\d[ \-])[2-6](?:[ \-]?\d){12,18}(?![ \-]?\d)")
_NOT_A_CARD_BEFORE = re.compile(  # on folded text: "Commande n° 4970..." is an order number
    r"(?:commande|order|suivi|tracking|siret|siren|facture|invoice|colis|parcel|ref|reference)"
    r" *(?:n|no|nr|number|numero)? *$"
)
_IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30})")
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
# ISO 13616 lengths of the countries a French organisation meets most; others: 15-34.
IBAN_LENGTHS: dict[str, int] = {
    "FR": 27, "MC": 27, "DE": 22, "BE": 16, "NL": 18, "LU": 20, "CH": 21, "IT": 27, "ES": 24,
    "PT": 25, "GB": 22, "IE": 22, "AT": 20, "PL": 28, "DK": 18, "SE": 24, "FI": 18, "NO": 15,
    "GR": 27, "CZ": 24, "RO": 24, "HU": 28, "SK": 24, "SI": 19, "HR": 21, "BG": 22, "LI": 21,
}  # fmt: skip
# On the lower-cased original text: the separator (":", "=") is what tells "mot de passe :
# Soleil2024!" from "mot de passe oublié".
_PASSWORD = re.compile(
    r"(?:password|passwd|mot de passe|mdp|pwd|code secret|code d['’]acc[eè]s)"
    r"(?:\s+(?:actuel|current))?(?:\s*[:=]|\s+(?:est|is|was|[ée]tait|c['’]est))+"
    r"\s*[«\"'“]?\s*(?P<value>[^\s«»\"“”]{6,})"
)
_PASSWORD_GATE = frozenset({b"password", b"passwd", b"passe", b"mdp", b"pwd", b"secret", b"acces"})


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = ord(char) - 48
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def iban_valid(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34) or not compact[:2].isalpha():
        return False
    expected = IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rotated = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in rotated))
    except ValueError:
        return False
    return number % 97 == 1


def nir_valid(candidate: str) -> bool:
    """A NIR as written anywhere (spaces, dots or dashes between its groups)."""
    match = _NIR.fullmatch(candidate.strip())
    return bool(match) and _nir_key_ok(match.groups())


def _nir_key_ok(groups: tuple[str, ...]) -> bool:
    """Key = 97 - (13-digit number mod 97); Corsica's 2A and 2B count as 19 and 18."""
    sex, year, month, dept, commune, order, key = groups
    month_n = int(month)
    if not (1 <= month_n <= 12 or 20 <= month_n <= 42 or 50 <= month_n <= 99):
        return False
    dept_digits = {"2A": "19", "2B": "18"}.get(dept.upper(), dept)
    number = int(f"{sex}{year}{month}{dept_digits}{commune}{order}")
    return 97 - number % 97 == int(key)


def _password_value(value: str) -> bool:
    """A credential mixes letters with digits or symbols (plain words are talk about one)."""
    value = value.rstrip(".,;!?)»”\"'")
    if len(value) < 6:
        return False
    has_alpha = any(c.isalpha() for c in value)
    has_other = any(c.isdigit() or not c.isalnum() for c in value)
    return has_alpha and has_other


def password(text: str) -> bool:
    return any(_password_value(m.group("value")) for m in _PASSWORD.finditer(text.lower()))


def numeric_identifiers(text: str, folded: str | None = None) -> set[str]:
    """Cards, IBANs and NIRs whose check digits hold (the caller has seen a long digit run)."""
    found: set[str] = set()
    folded = fold(text) if folded is None else folded
    taken: list[tuple[int, int]] = []
    for match in _IBAN.finditer(text):
        compact = match.group(1).replace(" ", "").upper()
        expected = IBAN_LENGTHS.get(compact[:2])
        if expected is not None and len(compact) > expected:
            compact = compact[:expected]
        if iban_valid(compact):
            found.add("iban")
            taken.append(match.span())
    for match in _NIR.finditer(text):
        if _nir_key_ok(match.groups()):
            found.add("nir")
            taken.append(match.span())
    for match in _CARD.finditer(text):
        start = match.start()
        if any(s <= start < e for s, e in taken):
            continue
        if not luhn_valid(match.group(0).replace(" ", "").replace("-", "")):
            continue
        if len(folded) == len(text) and _NOT_A_CARD_BEFORE.search(
            folded[max(0, start - 30) : start]
        ):
            continue
        found.add("card_number")
    return found


def detect(text: str | None) -> frozenset[str]:
    """The labels of ``text``: special categories and identifiers it holds (empty: clean)."""
    if not text:
        return frozenset()
    gate = gate_bytes(text)
    words = gate.split()
    found: set[str] = set()
    if not _GATE.isdisjoint(words):
        found |= special_categories(text)
    if not _PASSWORD_GATE.isdisjoint(words) and password(text):
        found.add("password")
    if _DIGIT_RUN.search(gate):
        found |= numeric_identifiers(text)
    return frozenset(found)


def gate_bytes(text: str) -> bytes:
    """The text as ASCII bytes, lower case, punctuation as spaces: the words ``fold`` gives,
    made by C-speed steps only (NFKD, encode, a 256-byte table), since every text pays it."""
    if not text.isascii():
        if "œ" in text or "Œ" in text or "æ" in text or "Æ" in text:
            text = text.translate(_LIGATURES)
        text = unicodedata.normalize("NFKD", _SEPARATORS.sub(" ", text))
    return text.encode("ascii", "ignore").translate(_GATE_TABLE)


def detect_many(texts: Iterable[str | None]) -> list[frozenset[str]]:
    return [detect(t) for t in texts]
