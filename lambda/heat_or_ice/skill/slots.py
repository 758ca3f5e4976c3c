"""Reading slot values the way Alexa resolves them: by entity-resolution id, not raw words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from ask_sdk_model import IntentRequest, ListSlotValue, SimpleSlotValue
from ask_sdk_model.slu.entityresolution import StatusCode

E = TypeVar("E")
_HEARD_LIMIT = 200  # characters kept of an unresolved value: never said back, only read for warning signs
_LONGEST_DURATION_SECONDS = 24 * 3600  # anything longer is a mishearing, not a heat session
_DURATION = re.compile(
    r"^P(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)


@dataclass(frozen=True)
class SlotReading:
    """`value_id` is the matched value's id; `heard` is what Alexa heard when nothing matched."""

    value_id: str | None = None
    heard: str | None = None

    @property
    def unmatched(self) -> bool:
        return self.value_id is None and self.heard is not None


def read_slot(request: object, name: str) -> SlotReading:
    if not isinstance(request, IntentRequest) or request.intent is None or not request.intent.slots:
        return SlotReading()
    slot = request.intent.slots.get(name)
    if slot is None or not isinstance(slot.value, str) or not slot.value.strip():
        return SlotReading()
    heard = slot.value.strip()[:_HEARD_LIMIT]
    authorities = getattr(slot.resolutions, "resolutions_per_authority", None) or []
    for authority in authorities:
        status = getattr(getattr(authority, "status", None), "code", None)
        values = getattr(authority, "values", None) or []
        if status == StatusCode.ER_SUCCESS_MATCH and values:
            value_id = getattr(getattr(values[0], "value", None), "id", None)
            if isinstance(value_id, str) and value_id:
                return SlotReading(value_id=value_id, heard=heard)
    return SlotReading(heard=heard)


def read_enum(request: object, name: str, kind: type[E]) -> tuple[E | None, str | None]:
    """The slot as a domain enum, or (None, what was heard) when it didn't resolve to one."""
    reading = read_slot(request, name)
    if reading.value_id is not None:
        try:
            return kind(reading.value_id), None  # type: ignore[call-arg]
        except ValueError:
            return None, reading.heard
    return None, reading.heard


def read_enum_values(request: object, name: str, kind: type[E]) -> tuple[list[E], list[str]]:
    """Every value of a slot that may hold several ("numbness and tingling"), as domain enums.

    Reads `slotValue` (a "List" of values, or one "Simple" value), resolving each value on its own;
    without a `slotValue` it reads the single `value` and `resolutions` as `read_enum` does. Returns the
    resolved values in the order said, without repeats, and what was heard for each value that did not.
    """
    if not isinstance(request, IntentRequest) or request.intent is None or not request.intent.slots:
        return [], []
    slot = request.intent.slots.get(name)
    slot_value = getattr(slot, "slot_value", None)
    if isinstance(slot_value, ListSlotValue):
        said = [item for item in slot_value.values or [] if isinstance(item, SimpleSlotValue)]
    else:
        said = [slot_value] if isinstance(slot_value, SimpleSlotValue) else []
    if not said:
        value, heard = read_enum(request, name, kind)
        return ([value] if value is not None else []), ([heard] if heard else [])
    values: list[E] = []
    unresolved: list[str] = []
    for item in said:
        # A lone value may carry its resolutions on the slot itself, as single-value slots do.
        resolutions = item.resolutions or (slot.resolutions if len(said) == 1 else None)
        value = None
        for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
            status = getattr(getattr(authority, "status", None), "code", None)
            matched = getattr(authority, "values", None) or []
            if status == StatusCode.ER_SUCCESS_MATCH and matched:
                try:
                    value = kind(getattr(getattr(matched[0], "value", None), "id", None))  # type: ignore[call-arg]
                except ValueError:
                    value = None
                break
        if value is not None:
            if value not in values:
                values.append(value)
        elif isinstance(item.value, str) and item.value.strip():
            unresolved.append(item.value.strip()[:_HEARD_LIMIT])
    return values, unresolved


def read_minutes(request: object, name: str) -> int | None:
    """An AMAZON.DURATION slot ("PT15M") in whole minutes, rounded; None if absent or unreadable."""
    reading = read_slot(request, name)
    match = _DURATION.match(reading.heard or "")
    if not match or not any(match.groupdict().values()):
        return None
    parts = {k: float(v) for k, v in match.groupdict().items() if v}
    seconds = parts.get("days", 0) * 86400 + parts.get("hours", 0) * 3600 + parts.get("minutes", 0) * 60
    seconds += parts.get("seconds", 0)
    return max(1, round(seconds / 60)) if seconds <= _LONGEST_DURATION_SECONDS else None


def read_number(request: object, name: str) -> int | None:
    reading = read_slot(request, name)
    try:
        return int(reading.heard) if reading.heard and len(reading.heard) < 6 else None
    except ValueError:
        return None
