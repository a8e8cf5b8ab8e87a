"""The data category taxonomy the data map's `categories` keys come from.

We use fideslang's default taxonomy (the keys privacy tools such as Fides already speak)
rather than inventing one; the list is vendored in categories.json so validation needs no
network and no extra dependency.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources

# Art. 9(1) special categories, as fideslang keys (a key and everything under it).
SPECIAL_CATEGORY_KEYS = (
    "user.health_and_medical",
    "user.biometric",
    "user.demographic.political_opinion",
    "user.demographic.race_ethnicity",
    "user.demographic.religious_belief",
    "user.demographic.sexual_orientation",
)


@cache
def taxonomy() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("categories.json").read_text(encoding="utf-8")
    return json.loads(text)["categories"]


def is_known(key: str) -> bool:
    return key in taxonomy()


def label(key: str) -> str:
    entry = taxonomy().get(key)
    return entry["name"] if entry else key


def is_personal(key: str) -> bool:
    return key == "user" or key.startswith("user.")


def is_special(key: str) -> bool:
    return any(key == k or key.startswith(k + ".") for k in SPECIAL_CATEGORY_KEYS)


def suggest(key: str) -> list[str]:
    return difflib.get_close_matches(key, taxonomy().keys(), n=3, cutoff=0.6)
