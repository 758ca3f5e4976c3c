"""What people say for numbers and lengths of time, resolved the way Alexa fills its built-in slots.

AMAZON.NUMBER turns "twenty five" or "25" into "25"; AMAZON.DURATION turns "ten minutes",
"an hour and a half" or "half an hour" into ISO-8601 ("PT10M", "PT1H30M", "PT30M"). The console's
NLU uses these to decide whether a span of words can fill a built-in slot at all.
"""

from __future__ import annotations

import re
from fractions import Fraction

_UNITS = {
    "zero": 0,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")

# Seconds in each spoken unit, and the ISO-8601 letter Alexa uses for it.
_DURATION_UNITS = {
    "second": (1, "S"),
    "sec": (1, "S"),
    "minute": (60, "M"),
    "min": (60, "M"),
    "hour": (3600, "H"),
    "hr": (3600, "H"),
    "day": (86400, "D"),
    "week": (604800, "W"),
}


def parse_number(words: list[str]) -> int | None:
    """The whole number these words say ("one hundred and five" -> 105), or None if they say anything else."""
    if not words:
        return None
    if len(words) == 1 and _DIGITS.match(words[0]) and "." not in words[0]:
        return int(words[0].replace(",", ""))
    total, current, seen_any = 0, 0, False
    for index, word in enumerate(words):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in ("a", "an") and index == 0 and len(words) > 1 and words[1] in _SCALES:
            current = 1
        elif word == "and" and seen_any and index < len(words) - 1:
            continue  # "one hundred and five"
        else:
            return None
        seen_any = True
    return total + current if seen_any else None


def _quantity(words: list[str]) -> Fraction | None:
    """A spoken amount before a unit: "ten", "20", "1.5", "a", "an", "a couple of", "one and a half"."""
    if words in (["a"], ["an"], ["one"]):
        return Fraction(1)
    if words in (["a", "couple", "of"], ["couple", "of"], ["a", "couple"]):
        return Fraction(2)
    if len(words) == 1 and _DIGITS.match(words[0]):
        return Fraction(words[0].replace(",", "."))
    if words[-3:] == ["and", "a", "half"] and len(words) > 3:
        whole = parse_number(words[:-3])
        return None if whole is None else whole + Fraction(1, 2)
    number = parse_number(words)
    return None if number is None else Fraction(number)


def _unit(word: str) -> tuple[int, str] | None:
    stem = word[:-1] if word.endswith("s") and word[:-1] in _DURATION_UNITS else word
    return _DURATION_UNITS.get(stem)


def _parts(words: list[str]) -> list[tuple[Fraction, str]] | None:
    """Split "an hour and a half" / "one hour thirty minutes" into (amount, unit letter) pairs."""
    parts: list[tuple[Fraction, str]] = []
    start = 0
    index = 0
    while index < len(words):
        unit = _unit(words[index])
        if unit is None:
            index += 1
            continue
        said = words[start:index]
        if said and said[0] == "and" and parts:
            said = said[1:]
        if said[:1] == ["half"] and said[1:] in ([], ["a"], ["an"]):
            amount: Fraction | None = Fraction(1, 2)  # "half an hour", "half hour"
        elif said[:3] == ["a", "quarter", "of"] and said[3:] in (["a"], ["an"]):
            amount = Fraction(1, 4)
        else:
            amount = _quantity(said) if said else None
        if amount is None:
            return None
        index += 1
        if words[index : index + 3] == ["and", "a", "half"]:
            amount += Fraction(1, 2)  # "an hour and a half"
            index += 3
        parts.append((amount, unit[1]))
        start = index
    return parts if parts and start == len(words) else None


def parse_duration(words: list[str]) -> str | None:
    """The ISO-8601 duration these words say, or None.

    Alexa keeps the unit the person used ("ninety minutes" -> PT90M), and splits fractions into
    the next unit down ("an hour and a half" -> PT1H30M).
    """
    parts = _parts(words)
    if parts is None:
        return None
    seconds_in = {"W": 604800, "D": 86400, "H": 3600, "M": 60, "S": 1}
    amounts = dict.fromkeys(seconds_in, Fraction(0))
    for amount, letter in parts:
        amounts[letter] += amount
    order = list(seconds_in)
    for position, letter in enumerate(order[:-1]):
        whole = int(amounts[letter])
        remainder = amounts[letter] - whole
        amounts[letter] = Fraction(whole)
        if remainder:
            lower = order[position + 1]
            amounts[lower] += remainder * seconds_in[letter] / seconds_in[lower]
    if any(amount.denominator != 1 for amount in amounts.values()):
        return None
    date_part = "".join(f"{int(amounts[k])}{k}" for k in ("W", "D") if amounts[k])
    time_part = "".join(f"{int(amounts[k])}{k}" for k in ("H", "M", "S") if amounts[k])
    if not date_part and not time_part:
        return None
    return "P" + date_part + ("T" + time_part if time_part else "")


_ISO_DURATION = re.compile(
    r"^P(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?(?:T(?:(?P<H>\d+)H)?(?:(?P<M>\d+)M)?(?:(?P<S>\d+)S)?)?$"
)


def duration_seconds(iso: str) -> int | None:
    """Seconds in an ISO-8601 duration such as "PT1H30M"; None when it is not one."""
    match = _ISO_DURATION.match(iso or "")
    if not match or iso in ("P", "PT") or iso.endswith("T"):
        return None
    scale = {"W": 604800, "D": 86400, "H": 3600, "M": 60, "S": 1}
    return sum(int(value) * scale[key] for key, value in match.groupdict().items() if value)


def describe_seconds(seconds: int) -> str:
    """Plain words for a length of time: 900 -> "15 minutes", 5400 -> "1 hour 30 minutes"."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    pieces = [
        f"{value} {name}{'' if value == 1 else 's'}"
        for value, name in ((hours, "hour"), (minutes, "minute"), (secs, "second"))
        if value
    ]
    return " ".join(pieces) or "0 seconds"
