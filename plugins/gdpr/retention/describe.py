"""A retention rule in words, from its declaration: what the register and the access cover
letter say ("3 years after the latest ended at of its contracts; any of its contracts without
ended at keeps it"), in English or French, never "the selection in x.sql".

Fields are named by their `description` in the map where it has one, else by their name with
spaces; related datasets by their name. A rule selected by a SQL file is described by its own
`description` (the query cannot be read back into words).
"""

from __future__ import annotations

from collections.abc import Sequence

import isodate

from gdpr.datamap.models import Condition, DataMap, DatasetRef, RetentionRule

_UNITS = {
    "en": {"years": ("year", "years"), "months": ("month", "months"), "days": ("day", "days")},
    "fr": {"years": ("an", "ans"), "months": ("mois", "mois"), "days": ("jour", "jours")},
}

_WORDS = {
    "en": {
        "after": "{period} after {start}",
        "max": "the latest {field} of its {related}",
        "min": "the earliest {field} of its {related}",
        "keeps": "any of its {related} without {field} keeps it",
        "otherwise": "or {field} when it has none",
        "none_kept": "a record without any is kept",
        "parent": "the {field} of the {related} it belongs to",
        "object": "{period} after the file was last changed",
        "sql": "{period} after the start a hand-written query computes",
        "applies": "applies to the records where {conditions}",
        "and": " and ",
        "sep": "; ",
        "list": ", ",
        "exists": "it has {related}",
        "not_exists": "it has no {related}",
        "with": "{what} with {conditions}",
        "ops": {
            "=": "{field} is {value}",
            "!=": "{field} is not {value}",
            "<": "{field} is below {value}",
            "<=": "{field} is at most {value}",
            ">": "{field} is above {value}",
            ">=": "{field} is at least {value}",
            "in": "{field} is one of {value}",
            "not in": "{field} is none of {value}",
            "is null": "{field} is empty",
            "is not null": "{field} is set",
        },
        "true": "true",
        "false": "false",
    },
    "fr": {
        "after": "{period} après {start}",
        "max": "le dernier {field} de ses {related}",
        "min": "le premier {field} de ses {related}",
        "keeps": "un de ses {related} sans {field} le fait conserver",
        "otherwise": "ou {field} s'il n'en a aucun",
        "none_kept": "un enregistrement qui n'en a aucun est conservé",
        "parent": "le {field} de l'enregistrement {related} auquel il se rattache",
        "object": "{period} après la dernière modification du fichier",
        "sql": "{period} après le point de départ qu'une requête calcule",
        "applies": "s'applique aux enregistrements où {conditions}",
        "and": " et ",
        "sep": " ; ",
        "list": ", ",
        "exists": "il a des {related}",
        "not_exists": "il n'a pas de {related}",
        "with": "{what} avec {conditions}",
        "ops": {
            "=": "{field} vaut {value}",
            "!=": "{field} ne vaut pas {value}",
            "<": "{field} est inférieur à {value}",
            "<=": "{field} est au plus {value}",
            ">": "{field} est supérieur à {value}",
            ">=": "{field} est au moins {value}",
            "in": "{field} est parmi {value}",
            "not in": "{field} n'est pas parmi {value}",
            "is null": "{field} est vide",
            "is not null": "{field} est renseigné",
        },
        "true": "vrai",
        "false": "faux",
    },
}


def describe_period(iso: str, lang: str) -> str:
    """``P3Y`` -> "3 years" / "3 ans"; ``P13M`` -> "13 months" / "13 mois"."""
    duration = isodate.parse_duration(iso)
    amounts = {
        "years": int(getattr(duration, "years", 0)),
        "months": int(getattr(duration, "months", 0)),
        "days": int(duration.days if not hasattr(duration, "tdelta") else duration.tdelta.days),
    }
    joiner = " and " if lang == "en" else " et "
    parts = [f"{n} {_UNITS[lang][unit][0 if n == 1 else 1]}" for unit, n in amounts.items() if n]
    return joiner.join(parts) or iso


def describe_rule(datamap: DataMap, rule: RetentionRule, lang: str = "en") -> str:
    """How long ``rule`` keeps its records, and which records it applies to, in words."""
    words = _WORDS[lang]
    period = describe_period(rule.period, lang)
    start = rule.start
    ref = datamap.dataset(rule.dataset)
    if start.sql:
        text = rule.description or words["sql"].format(period=period)
    elif start.object_modified:
        text = words["object"].format(period=period)
    else:
        text = words["after"].format(period=period, start=_start(datamap, rule, ref, lang))
    if rule.where:
        text += words["sep"] + words["applies"].format(
            conditions=_conditions(datamap, ref, rule.where, lang)
        )
    return text


def _start(datamap: DataMap, rule: RetentionRule, ref: DatasetRef, lang: str) -> str:
    words, start = _WORDS[lang], rule.start
    parent = getattr(start, "parent", None)
    if parent is not None:
        related = datamap.dataset(parent.dataset)
        return words["parent"].format(field=_field(related, parent.column), related=_name(related))
    aggregate = start.aggregate
    if aggregate is None:
        return _field(ref, start.column or "")
    kind, spec = aggregate
    related = datamap.dataset(spec.dataset)
    field, name = _field(related, spec.column), _name(related)
    text = words[kind].format(field=field, related=name)
    if spec.where:
        text = words["with"].format(
            what=text, conditions=_conditions(datamap, related, spec.where, lang)
        )
    if start.otherwise:
        text += " " + words["otherwise"].format(field=_field(ref, start.otherwise))
    clauses = [text]
    if spec.null == "keeps":
        clauses.append(words["keeps"].format(related=name, field=field))
    if not start.otherwise:
        clauses.append(words["none_kept"])
    return words["sep"].join(clauses)


def _conditions(
    datamap: DataMap, ref: DatasetRef, conditions: Sequence[Condition], lang: str
) -> str:
    words = _WORDS[lang]
    return words["and"].join(_condition(datamap, ref, c, lang) for c in conditions)


def _condition(datamap: DataMap, ref: DatasetRef, condition: Condition, lang: str) -> str:
    words = _WORDS[lang]
    if condition.field:
        return words["ops"][condition.op or "="].format(
            field=_field(ref, condition.field), value=_value(condition.value, lang)
        )
    related = datamap.dataset(condition.exists or condition.not_exists or "")
    what = words["exists" if condition.exists else "not_exists"].format(related=_name(related))
    if condition.where:
        what = words["with"].format(
            what=what, conditions=_conditions(datamap, related, condition.where, lang)
        )
    return what


def _value(value: object, lang: str) -> str:
    if isinstance(value, list):
        return _WORDS[lang]["list"].join(_value(v, lang) for v in value)
    if isinstance(value, bool):
        return _WORDS[lang]["true" if value else "false"]
    return str(value)


def _field(ref: DatasetRef, name: str) -> str:
    spec = ref.dataset.fields.get(name)
    if spec is not None and spec.description:
        return spec.description
    return name.replace("_", " ")


def _name(ref: DatasetRef) -> str:
    return ref.dataset.name.replace("_", " ")
