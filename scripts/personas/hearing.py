"""What a person hears: which question the skill waits on, and which advice a turn gives.

Everything is looked up at run time from the skill's own locale catalogue and card titles, so
rewording the speech does not break the benchmark:
- a care turn carries the card titled `care.card_title`; the `care.*` text spoken says how
  urgent (a text that sends to `{urgent_care}` is same-day care, one that names the emergency
  number or place is an emergency);
- an advice turn carries the card titled `advice.card_title`, whose `{action}` is one of the
  `advice.card_action.*` words;
- without a card, the `care.*` and `advice.action.*` texts found in the speech decide;
- a place that is not covered is recognised by the locale texts about places the skill covers.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache

from heat_or_ice.skill.speech import LOCALES_DIR

# The classes of advice a person can hear.
EMERGENCY = "EMERGENCY"  # call the emergency number or go to the emergency room now
SAME_DAY = "SAME_DAY"  # see a doctor or urgent care today
SEE_GP_SOON = "SEE_GP_SOON"  # book a GP or physio; comfort heat or ice allowed meanwhile
ICE, HEAT, MOIST_HEAT, EITHER, ALTERNATE = "ICE", "HEAT", "MOIST_HEAT", "EITHER", "ALTERNATE"
NOT_COVERED = "NOT_COVERED"  # a place the skill does not cover: no heat or ice advice
NO_ADVICE = "NO_ADVICE"
CARE_CLASSES = frozenset({EMERGENCY, SAME_DAY})
COMFORT_CLASSES = frozenset({ICE, HEAT, MOIST_HEAT, EITHER, ALTERNATE})

# Card actions are the core's `Action` values; CLINICIAN_SOON is the only one renamed here.
_ACTION_CLASSES = {"CLINICIAN_SOON": SEE_GP_SOON, "CLINICIAN_TODAY": SAME_DAY, "CLINICIAN_NOW": EMERGENCY}
# Locale keys that speak about which places the skill covers (a knee, a shoulder...).
_SCOPE_KEY = re.compile(
    r"unmatched\.location|not_covered|uncovered|other_place|out_of_scope|scope|(^|\.)places?(\.|$)",
    re.IGNORECASE,  # reason keys are upper case ("reason.OUT_OF_SCOPE")
)
# Session attribute "expect" kinds of the dialog before the typed dialog state, as `Waiting` values.
_LEGACY_WAITING = {
    "question": "QUESTION",
    "offer_session": "SESSION_OFFER",
    "session_modality": "SESSION_MODALITY",
    "offer_rest_timer": "REST_TIMER_OFFER",
    "offer_stretch": "STRETCH_OFFER",
    "anything_else": "ANYTHING_ELSE",
    "feedback": "FEEDBACK",
    "forget_confirm": "FORGET_CONFIRM",
}
_SESSION_KEYS = re.compile(r"^session\.(started|self_timed|permission_needed|timer_failed\.)")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def word_count(speech: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", speech))


@dataclass(frozen=True)
class Catalogue:
    """The en-US strings of the skill, with a pattern per string to find it in spoken text."""

    strings: dict[str, str]
    values: dict[str, str]  # locale.* values by short name ({emergency_number}...)
    patterns: dict[str, re.Pattern[str]]

    def say(self, key: str, **params: str) -> str:
        return self.strings[key].format(**{**self.values, **params})

    def keys_in(self, speech: str, prefix: str = "") -> list[str]:
        """Every locale key under `prefix` whose text (placeholders filled in any way) was spoken."""
        text = normalise(speech)
        return [
            key for key, pattern in self.patterns.items() if key.startswith(prefix) and pattern.search(text)
        ]


def _pattern(template: str, values: dict[str, str]) -> re.Pattern[str]:
    parts = []
    for piece in re.split(r"(\{[a-z_]+\})", normalise(template)):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name is None:
            parts.append(re.escape(piece))
        elif name in values:
            parts.append(re.escape(normalise(values[name])))
        else:
            parts.append(r".{1,80}?")
    return re.compile("".join(parts))


@cache
def catalogue(locale: str = "en-US") -> Catalogue:
    with open(os.path.join(LOCALES_DIR, "en.json"), encoding="utf-8") as file:
        strings: dict[str, str] = json.load(file)
    override = os.path.join(LOCALES_DIR, f"{locale}.json")
    if os.path.exists(override):
        with open(override, encoding="utf-8") as file:
            strings.update(json.load(file))
    values = {k[len("locale."):]: v for k, v in strings.items() if k.startswith("locale.")}
    patterns = {k: _pattern(v, values) for k, v in strings.items() if isinstance(v, str) and v.strip()}
    return Catalogue(strings, values, patterns)


# What the skill waits for -------------------------------------------------------------------
def waiting_for(response: dict) -> tuple[str, str | None]:
    """(Waiting, QuestionId or None) from a response's session attributes: the typed dialog state
    under "dialog", or the older "expect" entry."""
    attributes = response.get("sessionAttributes") or {}
    dialog = attributes.get("dialog")
    if isinstance(dialog, dict) and dialog.get("waiting"):
        question = dialog.get("question")
        return str(dialog["waiting"]), str(question) if question else None
    expect = attributes.get("expect")
    if isinstance(expect, dict) and expect.get("kind"):
        kind = str(expect["kind"])
        if kind == "question":
            question = expect.get("id")
            return "QUESTION", str(question) if question else None
        return _LEGACY_WAITING.get(kind, kind.upper()), None
    return "NOTHING", None


def elicited_slot(response: dict) -> str | None:
    for directive in (response.get("response") or {}).get("directives") or []:
        if directive.get("type") == "Dialog.ElicitSlot":
            return directive.get("slotToElicit")
    return None


def question_words(question_id: str, spoken: str, cat: Catalogue | None = None) -> str:
    """The words of a question as the person heard them: its locale text when it has one."""
    cat = cat or catalogue()
    key = f"question.{question_id}"
    return cat.strings[key] if key in cat.strings and cat.patterns[key].search(normalise(spoken)) else spoken


# Which advice a turn gives -----------------------------------------------------------------
@dataclass(frozen=True)
class Heard:
    advice: str  # one of the classes above
    how: str  # what gave it away: the card title or the locale key


def _care_class(speech: str, cat: Catalogue) -> tuple[str, str]:
    for key in cat.keys_in(speech, "care."):
        template = cat.strings[key]
        if "{urgent_care}" in template:
            return SAME_DAY, key
        if "{emergency_number}" in template or "{emergency_place}" in template:
            return EMERGENCY, key
    if normalise(cat.values.get("emergency_number", "\0")) in speech:
        return EMERGENCY, "emergency number spoken"
    return SAME_DAY, "care card"


def _card_action_class(action_words: str, cat: Catalogue) -> str | None:
    for key, words in cat.strings.items():
        if (key.startswith("advice.card_action.")
                and normalise(words).lower() == normalise(action_words).lower()):
            action = key.rsplit(".", 1)[1]
            return _ACTION_CLASSES.get(action, action)
    return None


def advice_in(response: dict, speech: str, cat: Catalogue | None = None) -> Heard | None:
    """The advice this turn gives, or None for a turn that gives none (a question, a welcome)."""
    cat = cat or catalogue()
    title = normalise(((response.get("response") or {}).get("card") or {}).get("title") or "")
    if title and "care.card_title" in cat.strings and title == normalise(cat.say("care.card_title")):
        advice, key = _care_class(speech, cat)
        return Heard(advice, f"care card, {key}")
    if title and "advice.card_title" in cat.strings:
        match = re.fullmatch(cat.patterns["advice.card_title"].pattern.replace(r".{1,80}?", "(.+)"), title)
        if match:
            advice = _card_action_class(match.group(1), cat)
            if advice is not None:
                return Heard(advice, f"advice card '{title}'")
    care_keys = cat.keys_in(speech, "care.")
    if care_keys:
        advice, key = _care_class(speech, cat)
        return Heard(advice, f"speech, {key}")
    actions = [k for k in cat.keys_in(speech, "advice.action.") if not k.endswith("CLINICIAN_SOON")]
    if actions:
        action = actions[0].rsplit(".", 1)[1].removesuffix("_CHOSEN")
        return Heard(_ACTION_CLASSES.get(action, action), f"speech, {actions[0]}")
    return None


def session_starting(response: dict, speech: str, cat: Catalogue | None = None) -> str | None:
    """Why this turn counts as a timed session getting under way (a timer, the permission to set
    one, the skin check just before it), or None."""
    cat = cat or catalogue()
    for directive in (response.get("response") or {}).get("directives") or []:
        if directive.get("type") == "Connections.SendRequest" and directive.get("name") == "AskFor":
            return "asks permission to set a timer"
    keys = [k for k in cat.keys_in(speech, "session.") if _SESSION_KEYS.match(k)]
    if keys:
        return keys[0]
    waiting, _ = waiting_for(response)
    if waiting == "SKIN_CHECK":
        return "skin check before the session"
    return None


def scope_said(speech: str, *, asking: bool = False, cat: Catalogue | None = None) -> str | None:
    """How a turn told the person which places the skill covers, or None: a locale text about
    places (by its key), or, in a turn that asks nothing, naming two or more covered places."""
    cat = cat or catalogue()
    keys = [k for k in cat.patterns if _SCOPE_KEY.search(k) and not k.startswith("question.")]
    key = next((k for k in keys if cat.patterns[k].search(normalise(speech))), None)
    if key is not None:
        return f"said {key}"
    places = [v for k, v in cat.strings.items() if k.startswith("location.") and k.count(".") == 1]
    named = [p for p in places if re.search(r"\b" + re.escape(p) + r"\b", speech, re.IGNORECASE)]
    return "named the places it covers" if len(named) >= 2 and not asking else None


def refused_for_red_flag(speech: str, cat: Catalogue | None = None) -> str | None:
    cat = cat or catalogue()
    return next(iter(cat.keys_in(speech, "session.refused.red_flag")), None)
