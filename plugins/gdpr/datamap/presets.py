"""Retention periods French law and the CNIL set for customer relations, usable by name.

A rule that says ``preset: fr_invoices`` takes the period, the citation, the action and a
description in words from here; every key the rule gives itself wins (a preset is
overridable), and the rule still says where its period starts (``start``): the column of a
date is the organisation's, not the law's. The periods and sources are the French retention
periods for customer relations (CNIL, Code de commerce, Code de la consommation); a map that
relies on another source sets its own ``citation``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class Preset:
    period: str
    citation: str
    description: str
    action: Literal["delete", "anonymise"] = "delete"

    def defaults(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "citation": self.citation,
            "description": self.description,
            "action": self.action,
        }


_NS_048 = "CNIL NS-048 (Délibération 2016-264)"
_CARDS = "CNIL Délibération 2018-303"
_CALLS = "CNIL (écoute et enregistrement des appels)"
_COOKIES = "CNIL (cookies et autres traceurs)"
_WITHDRAWAL = "Code de la consommation, art. L221-18"

PRESETS: dict[str, Preset] = {
    "fr_prospects": Preset(
        "P3Y",
        _NS_048,
        "3 years from the last contact initiated by the prospect (a click counts, an opened "
        "e-mail does not)",
    ),
    "fr_customers": Preset("P3Y", _NS_048, "3 years after the end of the commercial relationship"),
    "fr_invoices": Preset(
        "P10Y",
        "Code de commerce, art. L123-22",
        "10 years from the close of the financial year (invoices, accounting records)",
    ),
    "fr_online_contracts": Preset(
        "P10Y",
        "Code de la consommation, art. L213-1",
        "10 years from delivery (contracts concluded online for 120 EUR or more)",
    ),
    "fr_card_one_off": Preset(
        "P14D",
        _CARDS,
        "card data of a one-off payment: until the payment plus the 14-day withdrawal period",
    ),
    "fr_card_proof": Preset(
        "P13M", _CARDS, "card data kept as proof in case of dispute: 13 months from the debit"
    ),
    "fr_card_proof_deferred_debit": Preset(
        "P15M",
        _CARDS,
        "card data kept as proof in case of dispute, deferred-debit card: 15 months from the debit",
    ),
    "fr_call_recordings": Preset("P6M", _CALLS, "call recordings: 6 months from the recording"),
    "fr_call_evaluations": Preset(
        "P1Y", _CALLS, "evaluation notes of recorded calls: 1 year from the recording"
    ),
    "fr_cookies": Preset("P13M", _COOKIES, "cookies and trackers: 13 months from consent"),
    "fr_tracker_data": Preset(
        "P25M", _COOKIES, "data collected by trackers: 25 months from collection"
    ),
    "fr_withdrawal": Preset(
        "P14D", _WITHDRAWAL, "withdrawal right: 14 days from delivery or the contract"
    ),
    "fr_withdrawal_not_informed": Preset(
        "P12M14D",
        _WITHDRAWAL,
        "withdrawal right when the consumer was not informed of it: 12 months more than the "
        "14 days, from delivery or the contract",
    ),
}


def with_preset(rule: dict[str, Any]) -> dict[str, Any]:
    """A rule's keys over its preset's defaults, or ``ValueError`` naming an unknown preset."""
    name = rule.get("preset")
    if name is None:
        return rule
    preset = PRESETS.get(str(name))
    if preset is None:
        close = difflib.get_close_matches(str(name), PRESETS, n=1, cutoff=0.6)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"unknown preset {name!r}.{hint} Valid: {', '.join(sorted(PRESETS))}")
    return {**preset.defaults(), **rule}
