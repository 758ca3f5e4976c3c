"""Spoken words, keyed by meaning, one catalogue per locale.

`locales/en.json` holds every string; `locales/<locale>.json` overrides what differs in a
country (emergency number, "A and E" or "the ER"). Strings are plain text with `{name}`
placeholders; `ssml.to_ssml` escapes them when the response is built, so a value the user said
can never break the markup. Catalogues are read once per process.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import cache

LOCALES_DIR = os.path.join(os.path.dirname(__file__), "locales")
DEFAULT_LOCALE = "en-US"
SUPPORTED_LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")


class _LocaleValues(dict):
    """Lets a string use locale values ({emergency_number}) without every caller passing them."""

    def __init__(self, locale_values: Mapping[str, str], params: Mapping[str, object]):
        super().__init__(locale_values)
        self.update({k: str(v) for k, v in params.items()})


def _read(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as file:
        return json.load(file)  # type: ignore[no-any-return]


@cache
def _catalogue(locale: str) -> tuple[dict[str, str], dict[str, str]]:
    """Every string of a locale, and its `locale.*` values (emergency number...) by short name."""
    strings: dict[str, str] = _read(os.path.join(LOCALES_DIR, "en.json"))
    override = os.path.join(LOCALES_DIR, f"{locale}.json")
    if os.path.exists(override):
        strings.update(_read(override))
    values = {k[len("locale.") :]: v for k, v in strings.items() if k.startswith("locale.")}
    return strings, values


def supported_locale(locale: str | None) -> str:
    """The catalogue to use for a request locale; unknown locales fall back to en-US."""
    return locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE


class Speech:
    """Looks up and fills strings for one locale."""

    def __init__(self, locale: str | None):
        self.locale = supported_locale(locale)
        self._strings, self._locale_values = _catalogue(self.locale)

    def has(self, key: str) -> bool:
        return key in self._strings

    def say(self, key: str, **params: object) -> str:
        template = self._strings[key]
        return template.format_map(_LocaleValues(self._locale_values, params))

    def keys(self) -> frozenset[str]:
        return frozenset(self._strings)
