"""Hypothesis strategies for Alexa request envelopes: valid ones first, then broken on purpose.

Valid envelopes come from the skill's own EnvelopeBuilder, for every intent of the en-US
interaction model (slots filled with the model's values and synonyms, or with words that
resolved to nothing) and every other request type the skill can be sent. Session attributes are
the shapes the skill itself writes (the dialog state of every kind, `last_said`, `episode`,
`told_storage_unavailable`, a stretch routine). Mutations then break one to four things at a time:
any field replaced by a value of the wrong type or deleted, unknown intents and request types,
hostile slot values (SSML and XML injection, 10k characters, any Unicode), session attributes
of the wrong type for every key, unreadable timestamps and locales.

The application id and the Timers API endpoint are never the target of a mutation: a wrong
application id is refused by design (OtherSkillRequest, tested on its own), and the endpoint
stays a refusing loopback port so no fuzzed request can reach the network.
"""

from __future__ import annotations

import copy
import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from heat_or_ice.core import Modality, QuestionId, StretchId
from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session, permission_answer_payload, slot_json

REPO_ROOT = Path(__file__).resolve().parents[2]
MODEL = json.loads(
    (REPO_ROOT / "skill-package/interactionModels/custom/en-US.json").read_text(encoding="utf-8")
)
LANGUAGE_MODEL = MODEL["interactionModel"]["languageModel"]
INTENT_SLOTS: dict[str, list[tuple[str, str]]] = {
    intent["name"]: [(slot["name"], slot["type"]) for slot in intent.get("slots", [])]
    for intent in LANGUAGE_MODEL["intents"]
}
SLOT_VALUES: dict[str, list[tuple[str, list[str]]]] = {
    kind["name"]: [
        (value["id"], [value["name"]["value"], *value["name"].get("synonyms", [])])
        for value in kind["values"]
    ]
    for kind in LANGUAGE_MODEL["types"]
}
SKILL_ID = "amzn1.ask.skill.robustness-fuzz"
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
SESSION_KEYS = (
    "dialog",
    "last_said",
    "episode",
    "told_storage_unavailable",
)
OTHER_REQUEST_TYPES = (
    "System.ExceptionEncountered",
    "CanFulfillIntentRequest",
    "AlexaSkillEvent.SkillEnabled",
    "AlexaSkillEvent.SkillPermissionAccepted",
    "Alexa.Presentation.APL.UserEvent",
    "Messaging.MessageReceived",
    "AudioPlayer.PlaybackStarted",
    "PlaybackController.PlayCommandIssued",
    "Reminders.ReminderStarted",
    "Dialog.InputRequest",
    "Display.ElementSelected",
)
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


_refusing_socket: socket.socket | None = None


def refusing_endpoint() -> str:
    """A loopback port that refuses every connection (bound, never listening), kept for the
    whole test process: the Timers API of every fuzzed request, so a timer call fails at once
    instead of leaving the machine."""
    global _refusing_socket
    if _refusing_socket is None:
        _refusing_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        _refusing_socket.bind(("127.0.0.1", 0))
    return f"https://127.0.0.1:{_refusing_socket.getsockname()[1]}"


# -- Values ------------------------------------------------------------------------------------
HOSTILE_WORDS = (
    '<audio src="https://evil.example/a.mp3"/>',
    "</speak><audio src='soundbank://x'/><speak>",
    '<break time="100s"/>',
    "<say-as interpret-as='expletive'>x</say-as>",
    "<![CDATA[<audio/>]]>",
    "<!-- -->",
    "<?xml version='1.0'?>",
    "<!DOCTYPE x [<!ENTITY e 'x'>]>&e;",
    "&",
    "&amp;",
    "&lt;audio&gt;",
    "&#60;audio/&#62;",
    "&nbsp;",
    "'",
    '"',
    "\"'><script>alert(1)</script>",
    "]]>",
    "\\",
    "{location}",
    "{0}",
    "%s%s%n",
    "my knee",
    "LOWER_BACK",
    "lower back",
    "ICE",
    "x" * 10_000,
    "é" * 9_000,
    "🔥" * 3_000,
    "\u202emirror\u202c",
    "\u200b",
    "\ufeffBOM",
    "Ｌｏｗｅｒ ｂａｃｋ",
    "  ",
    "\n\t",
)
# Characters XML 1.0 allows (no C0 controls but tab/newline/return, no surrogates, no U+FFFE/F).
# What happens to the others is the subject of its own test (test_fuzz_envelopes.py).
XML_TEXT = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in range(0x20) if c not in (0x9, 0xA, 0xD)] + ["\ufffe", "\uffff"],
)
XML_ILLEGAL_CHARACTERS = [chr(c) for c in range(0x20) if c not in (0x9, 0xA, 0xD)] + [
    "\ufffe",
    "\uffff",
    "\ud83d",
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE_WORDS),
    st.text(XML_TEXT, max_size=60),
    st.builds(lambda a, b: a + b, st.sampled_from(HOSTILE_WORDS), st.text(XML_TEXT, max_size=20)),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(XML_TEXT, max_size=12),
    hostile_text,
)
# Keys of generated objects. No "__dunder__" names: the SDK's deserializer setattr()s them, and
# "__dict__" wipes the model object (a known finding with its own tests, in both fuzz files).
keys = st.text(XML_TEXT, max_size=12).filter(lambda key: not key.startswith("__"))
# Any JSON value: what a field of the wrong type may hold.
junk = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)


# -- Valid envelopes ---------------------------------------------------------------------------
@st.composite
def slot_values(draw: st.DrawFn, slot_name: str, type_name: str) -> dict[str, Any]:
    """A slot as Alexa sends it: matched to a model value (by its name or a synonym), heard but
    matched to nothing, or empty. Built-in types carry plausible raw values."""
    if type_name == "AMAZON.DURATION":
        value = draw(
            st.sampled_from(["PT10M", "PT20M", "PT1H", "P1D", "PT90S", "PT0S", "P2DT3H", "10 minutes", "PT"])
        )
        return slot_json(slot_name, value)
    if type_name == "AMAZON.NUMBER":
        return slot_json(slot_name, str(draw(st.integers(-100, 100_000))))
    choice = draw(st.sampled_from(("match", "match", "match", "unmatched", "empty")))
    if choice == "empty":
        return slot_json(slot_name)
    if choice == "unmatched":
        heard = draw(st.sampled_from(["my knee", "elbow", "the thing", "both", "yesterday-ish"]))
        return slot_json(slot_name, heard, type_name=type_name, matches=(), application_id=SKILL_ID)
    value_id, words = draw(st.sampled_from(SLOT_VALUES[type_name]))
    spoken = draw(st.sampled_from(words))
    return slot_json(
        slot_name, spoken, type_name=type_name, matches=((value_id, spoken),), application_id=SKILL_ID
    )


@st.composite
def expectations(draw: st.DrawFn) -> dict[str, Any]:
    """The dialog state as the skill writes it, one of every kind of wait."""
    modality = st.sampled_from([m.value for m in Modality])
    said = st.lists(st.sampled_from(["sympathy", "stretch_rules", "BARRIER", "CHECK_SKIN"]), max_size=3)
    common = {
        "said": said,
        "permission_asked": st.booleans(),
        "goal": st.sampled_from(["SESSION", "STRETCH"]),
    }
    return draw(
        st.one_of(
            st.fixed_dictionaries(
                {
                    "waiting": st.just("QUESTION"),
                    "question": st.sampled_from([q.value for q in QuestionId]),
                    "misses": st.integers(0, 2),
                },
                optional=common,
            ),
            st.fixed_dictionaries(
                {"waiting": st.sampled_from(["SESSION_OFFER", "FEEDBACK", "SKIN_CHECK"]),
                 "modality": modality},
                optional={**common, "minutes": st.integers(1, 40)},
            ),
            st.fixed_dictionaries(
                {"waiting": st.just("SESSION_MODALITY")}, optional={**common, "minutes": st.integers(1, 40)}
            ),
            st.fixed_dictionaries({"waiting": st.just("REST_TIMER_OFFER"), "minutes": st.integers(1, 120)}),
            st.fixed_dictionaries(
                {
                    "waiting": st.sampled_from(["STRETCH_READY", "STRETCH_NEXT"]),
                    "stretch": st.fixed_dictionaries(
                        {
                            "ids": st.lists(
                                st.sampled_from([s.value for s in StretchId]), min_size=1, max_size=4,
                                unique=True
                            ),
                            "index": st.just(0),
                            "side": st.integers(0, 1),
                            "rep": st.integers(1, 2),
                            "hold": st.integers(10, 60),
                        }
                    ),
                },
                optional=common,
            ),
            st.sampled_from(
                [{"waiting": "STRETCH_OFFER"}, {"waiting": "ANYTHING_ELSE"}, {"waiting": "FORGET_CONFIRM"},
                 {"waiting": "NOTHING"}]
            ),
        )
    )


@st.composite
def session_attributes(draw: st.DrawFn) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    if draw(st.booleans()):
        attributes["dialog"] = draw(expectations())
    if draw(st.booleans()):
        attributes["last_said"] = {
            "speech": "Where does it hurt?",
            "ssml": "Where does it hurt?",
            "reprompt": "Where does it hurt?",
        }
    if draw(st.booleans()):
        attributes["told_storage_unavailable"] = True
    if draw(st.booleans()):
        attributes["episode"] = {"location": "LOWER_BACK", "answered": ["LOCATION"]}
    return attributes


@st.composite
def valid_events(draw: st.DrawFn) -> dict[str, Any]:
    """A request envelope Alexa could send the skill: every intent and request type."""
    device = Device(
        application_id=SKILL_ID,
        api_endpoint=refusing_endpoint(),
        locale=draw(st.sampled_from(["en-US", "en-GB", "en-AU", "en-CA", "en-IN"])),
        user_id=f"amzn1.ask.account.fuzz-{draw(st.integers(0, 7))}",
    )
    if draw(st.booleans()):
        device.granted_scopes.add(TIMERS_SCOPE)
    moment = START + timedelta(minutes=draw(st.integers(0, 60 * 24 * 40)))
    envelopes = EnvelopeBuilder(device, clock=lambda: moment)
    session = Session(new=draw(st.booleans()), attributes=draw(session_attributes()))
    kind = draw(
        st.sampled_from(("intent", "intent", "intent", "intent", "launch", "ended", "connections", "other"))
    )
    if kind == "launch":
        event = envelopes.launch(session)
    elif kind == "ended":
        reason = draw(st.sampled_from(["USER_INITIATED", "EXCEEDED_MAX_REPROMPTS", "ERROR"]))
        error = {"type": "INVALID_RESPONSE", "message": "x"} if reason == "ERROR" else None
        event = envelopes.session_ended(session, reason, error)
    elif kind == "connections":
        status = draw(st.sampled_from(["ACCEPTED", "DENIED", "NOT_ANSWERED"]))
        token = draw(
            st.sampled_from(
                [
                    json.dumps({"modality": "HEAT", "minutes": 15}),
                    json.dumps({"modality": "ICE", "minutes": 10}),
                    "",
                    "not json",
                    "{}",
                ]
            )
        )
        code = draw(st.sampled_from(["200", "200", "400", "500"]))
        with_session = draw(st.booleans())  # Alexa sends Connections.Response without a session
        event = envelopes.connections_response(
            session if with_session else None,
            "AskFor",
            code,
            permission_answer_payload(TIMERS_SCOPE, status),
            token,
        )
    elif kind == "other":
        event = envelopes.launch(session)
        event["request"]["type"] = draw(st.sampled_from(OTHER_REQUEST_TYPES))
    else:
        name = draw(st.sampled_from(sorted(INTENT_SLOTS)))
        slots = {
            slot: draw(slot_values(slot, type_name))
            for slot, type_name in INTENT_SLOTS[name]
            if draw(st.booleans())
        }
        dialog_state = draw(st.sampled_from([None, None, "STARTED", "IN_PROGRESS", "COMPLETED"]))
        event = envelopes.intent(session, name, slots, dialog_state=dialog_state)
    return json.loads(json.dumps(event))


# -- Mutations ---------------------------------------------------------------------------------
PROTECTED = (
    ("context", "System", "application"),
    ("session", "application"),
    ("context", "System", "apiEndpoint"),
)
# Replacing these wholesale would drop the application id (a known finding, tested on its own in
# test_fuzz_envelopes.py); their fields are still fuzzed, and the whole context is still dropped.
HOLDERS_OF_THE_APPLICATION_ID = (("context",), ("context", "System"))


def _paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*prefix, key)
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield (*prefix, index)
            yield from _paths(inner, (*prefix, index))


def _under_protected(path: tuple) -> bool:
    return any(path[: len(p)] == p for p in PROTECTED)


def _mutable(path: tuple) -> bool:
    return not _under_protected(path) and path not in HOLDERS_OF_THE_APPLICATION_ID


def _node(event: dict, path: tuple) -> Any:
    node: Any = event
    for step in path:
        node = node[step]
    return node


def _parent(event: dict, path: tuple) -> Any:
    return _node(event, path[:-1])


def _dig(event: Any, *path: Any) -> Any:
    for step in path:
        if not isinstance(event, dict):
            return None
        event = event.get(step)
    return event


def _request(event: dict) -> dict | None:
    request = event.get("request")
    return request if isinstance(request, dict) else None


def _session_attributes(event: dict) -> dict | None:
    session = event.get("session")
    if not isinstance(session, dict):
        return None
    if not isinstance(session.get("attributes"), dict):
        session["attributes"] = {}
    return session["attributes"]


BROKEN_TIMESTAMPS = (
    None,
    "",
    "yesterday",
    "2024-13-45T25:61:61Z",
    "2024-05-01",
    "2024-05-01T12:00:00",
    "0000-00-00T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "1970-01-01T00:00:00Z",
    "2024-05-01T12:00:00+14:00",
    "2024-05-01T12:00:00.123456789Z",
    1714564800,
    1714564800000,
    -1,
    1.5,
    True,
    [],
    {},
    "<audio/>",
)
BROKEN_LOCALES = (
    None,
    "",
    "xx-YY",
    "en",
    "EN-us",
    "en_US",
    "de-DE",
    "fr-FR",
    "ja-JP",
    "en-US<audio/>",
    123,
    [],
    {},
    "en-GB\u0000",
    "x" * 1000,
)
REQUEST_TYPES = (
    "LaunchRequest",
    "IntentRequest",
    "SessionEndedRequest",
    "Connections.Response",
    *OTHER_REQUEST_TYPES,
    "Unknown.Request",
    "",
    "<audio/>",
    "IntentRequest ",
    "intentrequest",
)


@st.composite
def mutated(
    draw: st.DrawFn, base: Any, operations: tuple[str, ...] | None = None, max_mutations: int = 4
) -> dict[str, Any]:
    event = copy.deepcopy(draw(base))
    names = operations or (
        "replace",
        "delete",
        "add",
        "intent",
        "request_type",
        "slot",
        "session",
        "timestamp",
        "locale",
        "resolution",
        "drop_context",
    )
    for _ in range(draw(st.integers(1, max_mutations))):
        operation = draw(st.sampled_from(names))
        _MUTATIONS[operation](draw, event)
    return event


def _replace(draw: st.DrawFn, event: dict) -> None:
    paths = [p for p in _paths(event) if _mutable(p)]
    if paths:
        path = draw(st.sampled_from(paths))
        _parent(event, path)[path[-1]] = draw(junk)


def _delete(draw: st.DrawFn, event: dict) -> None:
    paths = [p for p in _paths(event) if _mutable(p)]
    if paths:
        path = draw(st.sampled_from(paths))
        parent = _parent(event, path)
        del parent[path[-1]]


def _add(draw: st.DrawFn, event: dict) -> None:
    dicts = [p for p in _paths(event) if not _under_protected(p) and isinstance(_node(event, p), dict)]
    path = draw(st.sampled_from(dicts)) if dicts else ()
    key = draw(keys.filter(bool))
    if _mutable((*path, key)):
        _node(event, path)[key] = draw(junk)


def _drop_context(draw: st.DrawFn, event: dict) -> None:
    event.pop("context", None)


def _intent(draw: st.DrawFn, event: dict) -> None:
    request = _request(event)
    if request is not None:
        request["type"] = "IntentRequest"
        intent = request.setdefault("intent", {})
        if not isinstance(intent, dict):
            intent = request["intent"] = {}
        intent["name"] = draw(
            st.one_of(
                st.sampled_from(
                    [
                        "UnknownIntent",
                        "AMAZON.PauseIntent",
                        "AMAZON.ScrollUpIntent",
                        "",
                        "recommendintent",
                        "AMAZON.YesIntent ",
                        "AMAZON.SearchAction<object@WeatherForecast>",
                    ]
                ),
                hostile_text,
                junk,
            )
        )


def _request_type(draw: st.DrawFn, event: dict) -> None:
    request = _request(event)
    if request is not None:
        request["type"] = draw(st.sampled_from(REQUEST_TYPES) | junk)


def _slot(draw: st.DrawFn, event: dict) -> None:
    request = _request(event)
    intent = request.get("intent") if request else None
    if not isinstance(intent, dict):
        return
    slots = intent.get("slots")
    if not isinstance(slots, dict):
        slots = intent["slots"] = {}
    names = sorted(
        {
            *slots,
            "location",
            "onset",
            "cause",
            "symptom",
            "modality",
            "outcome",
            "duration",
            "seconds",
            "change",
            "preference",
            "unknownSlot",
        }
    )
    name = draw(st.sampled_from(names))
    heard = draw(hostile_text)
    type_name = draw(st.sampled_from(sorted(SLOT_VALUES)))
    matches = draw(st.sampled_from([(), None, ((heard, heard),), (("LOWER_BACK", heard),)]))
    slots[name] = slot_json(name, heard, type_name=type_name, matches=matches, application_id=SKILL_ID)


def _resolution(draw: st.DrawFn, event: dict) -> None:
    request = _request(event)
    slots = _dig(request, "intent", "slots")
    if not isinstance(slots, dict) or not slots:
        return
    slot = slots[draw(st.sampled_from(sorted(slots)))]
    if isinstance(slot, dict):
        slot["resolutions"] = {
            "resolutionsPerAuthority": [
                {
                    "authority": draw(st.text(XML_TEXT, max_size=20)),
                    "status": {
                        "code": draw(
                            st.sampled_from(
                                [
                                    "ER_SUCCESS_MATCH",
                                    "ER_SUCCESS_NO_MATCH",
                                    "ER_ERROR_TIMEOUT",
                                    "ER_ERROR_EXCEPTION",
                                    "BOGUS",
                                ]
                            )
                            | junk
                        )
                    },
                    "values": draw(
                        st.lists(
                            st.fixed_dictionaries(
                                {
                                    "value": st.fixed_dictionaries(
                                        {"name": hostile_text | junk, "id": hostile_text | junk}
                                    )
                                }
                            ),
                            max_size=2,
                        )
                        | junk
                    ),
                }
            ]
        }


def _session(draw: st.DrawFn, event: dict) -> None:
    attributes = _session_attributes(event)
    if attributes is None:
        return
    key = draw(st.sampled_from((*SESSION_KEYS, "dialog.field", "stretch", "whole")))
    if key == "whole":
        event["session"]["attributes"] = draw(junk)
    elif key == "dialog.field":
        dialog = attributes.get("dialog")
        if not isinstance(dialog, dict):
            dialog = attributes["dialog"] = draw(expectations())
        fields = {*dialog, "waiting", "question", "misses", "modality", "minutes", "goal", "said"}
        dialog[draw(st.sampled_from(sorted(fields)))] = draw(junk)
    elif key == "stretch":
        dialog = draw(expectations().filter(lambda e: "stretch" in e))
        # Holds stay within what a broken client could plausibly send; an unbounded one is a
        # known finding with its own test (test_fuzz_envelopes.py).
        field = draw(st.sampled_from(["ids", "index", "side", "rep", "hold"]))
        dialog["stretch"][field] = draw(junk.filter(lambda v: not isinstance(v, int) or abs(v) < 100_000))
        attributes["dialog"] = dialog
    elif key == "last_said":
        # Wrong types only: replaying a stored SSML string is a known finding with its own test.
        attributes["last_said"] = draw(
            junk.filter(lambda v: not isinstance(v, dict) or not isinstance(v.get("ssml"), str))
            | st.fixed_dictionaries({"speech": hostile_text | junk})
        )
    else:
        attributes[key] = draw(junk)


def _timestamp(draw: st.DrawFn, event: dict) -> None:
    request = _request(event)
    if request is not None:
        request["timestamp"] = draw(st.sampled_from(BROKEN_TIMESTAMPS) | st.text(XML_TEXT, max_size=30))


def _locale(draw: st.DrawFn, event: dict) -> None:
    request = _request(event)
    if request is not None:
        request["locale"] = draw(st.sampled_from(BROKEN_LOCALES) | st.text(XML_TEXT, max_size=10))


_MUTATIONS = {
    "replace": _replace,
    "delete": _delete,
    "add": _add,
    "drop_context": _drop_context,
    "intent": _intent,
    "request_type": _request_type,
    "slot": _slot,
    "resolution": _resolution,
    "session": _session,
    "timestamp": _timestamp,
    "locale": _locale,
}


def application_id_of(event: Any) -> Any:
    """The application id the skill would check, read from the raw event as entry.py reads it."""
    application = _dig(event, "context", "System", "application")
    if application is None:
        application = _dig(event, "session", "application")
    return application.get("applicationId") if isinstance(application, dict) else None
