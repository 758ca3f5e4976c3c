"""Write the interaction model of every locale from the one description below.

    python scripts/make_interaction_models.py          # rewrite skill-package/interactionModels/custom/*.json
    python scripts/make_interaction_models.py --check  # exit 1 if a committed file differs
    python scripts/make_interaction_models.py --sizes  # samples per intent and words per slot type

The voice contract (intent names, slot names, slot types and value ids) is the same in every
locale; only words differ. Edit this file, not the JSON: a test checks that the JSON files are
exactly what this script writes.

How the words are built
- Patterns: "(a|b|)" is a choice, "" an optional part; `expand()` writes out every choice.
- Slot words are whole clauses, not just names: a place is "lower back", "my lower back" and also
  "my lower back's been killing me"; a symptom is "numb", "numbness" and "i can't feel my groin".
  People rarely name a value on its own, and a matcher that compares whole clauses (virtual-alexa;
  Alexa's own NLU is more forgiving) needs every way of saying a clause in one place. Writing the
  clauses into the slot types keeps the samples few: a sample joins clauses with the small words
  people put between them ("{location} and {symptom}", "{location} since {onset}").
- Samples with slots side by side ("{location} {cause} {onset}") are for Alexa, which splits them;
  each has a twin with words between its slots that a strict matcher can use.
- A negation ("no swelling", "i haven't got any numbness") is a literal AMAZON.NoIntent sample written
  from the symptom names, so it can never reach RecommendIntent with that symptom.
- Locale wording (British, Australian, Indian, Canadian) is added per locale here, in one place.

Word rules the script enforces (and tests/package/test_interaction_model.py checks again):
- letters, spaces and apostrophes only; numbers spelled out; samples up to 200 characters;
- no sample in two intents, no slot word in two slot types or two values;
- no "ask", "open", "launch", "tell" or "talk to" anywhere, even inside a word ("basketball",
  "osteopenia"): Alexa treats them as launch phrases and virtual-alexa turns any utterance
  containing them into a LaunchRequest; no wake word ("computer") either.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = ROOT / "skill-package" / "interactionModels" / "custom"

INVOCATION_NAME = "heat or ice coach"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
US, GB, CA, AU, IN = LOCALES

# Alexa offers multiple-value slots in en-US, en-GB, en-CA and en-AU (not en-IN). Enabling one changes
# what the skill receives for that slot (`slotValue` lists, possibly without `value`), so a slot is
# listed here only once the skill reads it with `skill.slots.read_enum_values`.
MULTIPLE_VALUE_LOCALES = (US, GB, CA, AU)
MULTIPLE_VALUE_SLOTS: dict[str, tuple[str, ...]] = {"RecommendIntent": ("symptom",)}

# Intents whose slots the skill may fill with Dialog.ElicitSlot (manual delegation).
DIALOG_INTENTS = ("RecommendIntent", "StartSessionIntent")
FALLBACK_SENSITIVITY = "MEDIUM"


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------
_INNERMOST = re.compile(r"\(([^()]*)\)")


def expand(*patterns: str) -> list[str]:
    """Every sentence the patterns describe, in order, without repeats: "(my|the) (neck|back)" -> 4."""
    found: list[str] = []
    for pattern in patterns:
        found += _expand_one(pattern)
    return unique(found)


def _expand_one(pattern: str) -> list[str]:
    match = _INNERMOST.search(pattern)
    if match is None:
        return [_tidy(pattern)]
    out: list[str] = []
    for choice in match.group(1).split("|"):
        out += _expand_one(pattern[: match.start()] + choice + pattern[match.end() :])
    return out


def _tidy(text: str) -> str:
    return re.sub(r"\s+'", "'", " ".join(text.split()))


def unique(words: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for word in words:
        key = word.lower()
        if word and key not in seen:
            seen.add(key)
            out.append(word)
    return out


# ---------------------------------------------------------------------------------------------
# PainLocation: the place, then the place in a clause that says it hurts.
# ---------------------------------------------------------------------------------------------
# Names that take "my" / "the". The first few of each are the everyday ones: only those are also
# put into whole clauses ("my neck's killing me"), to keep the type a sensible size.
PLACE_NAMES: dict[str, tuple[list[str], list[str]]] = {
    # id: (everyday names, other names)
    "LOWER_BACK": (
        ["lower back", "back", "low back"],
        expand("lumbar (spine|region|area|)", "(lower |)back muscles", "spine", "lower back muscles",
               "(left|right) lower back", "lower (left|right) back",
               # a short answer to "your lower back, your upper back, your neck, or ...?"
               "lower", "the lower one", "lower down"),
    ),
    "UPPER_BACK": (
        ["upper back", "mid back", "middle back", "shoulder blades"],
        expand("thoracic spine", "upper spine", "upper back muscles", "shoulder blade",
               "(left|right) shoulder blade",
               "shoulders", "midback", "rhomboids", "upper", "the upper one", "higher up"),
    ),
    "NECK": (
        ["neck", "neck and shoulders"],
        expand("neck muscles", "cervical spine", "neck and shoulder", "neck and upper back"),
    ),
    # Pain spreading from the back into the buttock or leg. "legs" is not here on purpose: pain in
    # both legs is the BOTH_LEGS warning sign; "sciatica" is a Condition.
    "LEG": (
        ["leg", "left leg", "right leg", "thigh"],
        expand("one leg", "glute", "glutes", "(left|right) thigh", "calf",
               "hamstring", "hip and leg", "back and leg", "lower back and leg", "hip and buttock",
               "buttock and leg", "back and buttock", "buttock and thigh"),
    ),
    # Places the skill does not advise on (it says so kindly).
    "KNEE": (["knee"], expand("knees", "(left|right) knee", "kneecap")),
    "HIP": (["hip"], expand("hips", "(left|right) hip", "hip joint")),
    "SHOULDER": (["shoulder"], expand("(left|right) shoulder", "shoulder joint", "rotator cuff")),
    "ARM": (["arm"], expand("arms", "(left|right) arm", "upper arm", "forearm")),
    "ELBOW": (["elbow"], expand("elbows", "(left|right) elbow")),
    "WRIST": (["wrist"], expand("wrists", "(left|right) wrist")),
    "HAND": (["hand"], expand("hands", "(left|right) hand", "fingers", "finger", "thumb")),
    "ANKLE": (["ankle"], expand("ankles", "(left|right) ankle")),
    "FOOT": (["foot"], expand("feet", "(left|right) foot", "heel", "toes", "toe")),
    "HEAD": (["head"], expand("forehead", "jaw", "temples")),
    "STOMACH": (["stomach"], expand("tummy", "belly", "abdomen", "gut")),
}
# Places said with their own preposition or possessive: used as they are.
PLACE_PHRASES: dict[str, list[str]] = {
    "LOWER_BACK": expand(
        "the small of my back", "the bottom of my back", "the base of my spine",
        "(the |)(small|bottom|base|lower part) of (my|the) (back|spine)",
        "(the |)(left|right) side of my (lower |)back", "across my lower back",
        "(the |)lower half of my back",
    ),
    "UPPER_BACK": expand(
        "between my shoulder blades", "between the shoulder blades", "between my shoulders",
        "(the |)(top|upper part|middle) of my back",
        "between (my|the) shoulder (blades|blade)",
        "between my shoulders", "under my shoulder blade", "(around|behind) my shoulder blades",
    ),
    "NECK": expand("(the |)(back|base|side|left side|right side) of my neck", "(the |)top of my spine"),
    "LEG": expand(
        "(the |)back of my (leg|thigh)", "down (my|the back of my) (leg|thigh)",
        "(down |)(in|into) my (buttock|bum)",
        "down into my (buttock|leg)", "(from my back |)down (into |)my leg", "all the way down my leg",
        "(the |)pain (going |)down my leg",
        "(down |)(into |)my buttock and (the back of my|my) (thigh|leg)",
        "my hip and (the back of my|my) (thigh|leg)",
    ),
    "KNEE": expand("(the |)back of my knee"),
}
# A place's name in a locale that is more a complaint than a place ("my lumbago's playing up"): said with
# "my" and a few words of its own, not in every pain clause ("a pain in my lumbago" is nobody's).
# ("... flared up" and "... is back" are left to the onset: a flare-up).
_LUMBAGO = expand("(my |the |)lumbago", "my lumbago('s| is) (playing up|bad|killing me|acting up)")
PLACE_LOCALE_NAMES: dict[str, dict[str, list[str]]] = {
    GB: {"LOWER_BACK": _LUMBAGO}, AU: {"LOWER_BACK": _LUMBAGO}, IN: {"LOWER_BACK": _LUMBAGO},
}
# Said only with pain words ("my buttock hurts"): a numb buttock or bum is the saddle area, a warning sign.
PAIN_ONLY_NAMES: dict[str, list[str]] = {"LEG": ["buttock", "buttocks", "bum", "backside"]}

# How a place is said to hurt, after "my <place>". Pain words only: a clause that says how it feels
# ("stiff", "numb", "swollen") belongs to the symptom, so "my neck is stiff" keeps both values.
HURTS = expand(
    "(hurts|aches|really hurts|still hurts|hurts a lot)", "(is|'s) (really |so |still |)(sore|painful|bad)",
    "(is|'s|has been|'s been) (hurting|aching|killing me|playing up|acting up|bothering me|giving me grief)",
    "(has been|'s been) (really |)(sore|painful|bad)", "(hurt|ached|started (hurting|aching)|went|'s gone)",
    "(is|'s) (tender|agony|in agony|sore again|not right)",
)
LOCALE_HURTS = {
    AU: expand("(is|'s|'s been) (crook|stuffed|cactus|sore as)"),
    GB: expand("(is|'s|has been|'s been) (playing up|playing me up|giving me grief|giving me (gyp|jip)|"
               "knackered|in bits)"),
    IN: expand("(is|'s|has been) paining( a lot| badly| too much| very badly|)", "(is|has been) having pain"),
    CA: expand("(is|'s|has been|'s been) (wrecked|brutal|giving me grief)"),
}
# The everyday few said after "me back" ("me back's killing me") and "my bum", beside the locale's own.
SLANGY_HURTS = expand("(hurts|'s sore|'s killing me|'s bad|'s been hurting|'s been sore)")
# Pain said with a place that has its own preposition: "a pain between my shoulder blades".
PAIN_AT = expand("(a |)pain #", "i('ve got| have| get| am having) (a |)pain #", "there's (a |)pain #",
                 "it hurts #", "it's #", "it's (mainly|mostly|just) #", "(it|the pain) goes #")
# What someone did to a place: "I've pulled my neck", "I did my back in".
HURT_IT = expand(
    "i('ve|) (hurt|pulled|strained|twisted|tweaked|wrenched|injured|jarred|cricked|ricked|stuffed) #",
    "i think i('ve|) (hurt|pulled|strained) #", "i (did|'ve done) # in", "i('ve|) put # out", "i threw out #",
    "i('ve|) pulled (something|a muscle) in #", "i think i('ve|) pulled (something|a muscle) in #",
)
# Pain named in a place: "a pain in my neck", "neck pain".
PAIN_IN = expand(
    "(a |)(pain|twinge|crick|sharp pain) in #", "(pains|aches) in #",
    "i('ve got| have|'ve had| get|'m having| am having) (a pain|pain|pains|an ache|a twinge|a crick) in #",
    "there's (a pain|pain|an ache|a twinge) in #", "(it hurts|it's|the pain's|the pain is) in #",
)
# Where exactly, said after the place hurts: "my upper back hurts between my shoulder blades".
PLACE_POSITIONS = {
    "UPPER_BACK": expand("between (my|the) shoulder blades", "(in the middle|on the (left|right)( side|))"),
    "LOWER_BACK": expand("(low down|at the bottom|in the middle|on the (left|right)( side|)|"
                         "across the bottom)"),
    "NECK": expand("(at the back|on the (left|right)( side|)|at the base)"),
}
# Pain that spreads into the leg is the leg row itself (sharp or shooting pain is also a symptom).
SPREADS_TO = expand(
    "(i have|i'm having|i am having|there's|i've got) (a |)pain (radiating|going|spreading) (to|down|into) #",
    "(the |)pain (radiating|going|spreading) (to|down|into) #", "(the |)pain down #",
    "the pain('s| has) been going down #",
)
NAMED_PAIN = expand(
    "% pain", "i('ve got| have|'ve had| am having|'m having| suffer from) % pain",
    "(a|my) (sore|bad|painful|dodgy|crook) %",
    "i('ve got| have) a (sore|bad|painful|dodgy|crook) %",
)


_PLURAL_NAME = re.compile(r" and |(blades|buttocks|shoulders|hips|knees|legs|feet|arms|hands|glutes|thighs"
                          r"|parts|privates)$")
# A pain word said of a place that is several ("my shoulder blades"): its verb agrees, and "a" goes.
_PLURAL_VERBS = {"hurts": "hurt", "aches": "ache", "is": "are", "has": "have", "keeps": "keep",
                 "feels": "feel", "gets": "get", "was": "were", "looks": "look"}


_SORE = ("sore", "bad", "painful", "dodgy", "crook")


def _plural(place: str) -> bool:
    return bool(_PLURAL_NAME.search(place))


def _said_of_several(clause: str) -> str:
    words = clause.split()
    for i, word in enumerate(words):
        if word == "'s":
            words[i] = "have" if words[i + 1:i + 2] in (["been"], ["gone"], ["got"]) else "are"
        elif word in ("a", "an") and " ".join(words[i + 1:i + 2]) in _SORE:
            words[i] = ""
        else:
            words[i] = _PLURAL_VERBS.get(word, word)
    return " ".join(w for w in words if w)


def _of_place(place: str, clause: str) -> str:
    """A clause about a place, its verb agreeing with it: "my neck hurts", "my shoulder blades hurt"."""
    return _tidy(_said_of_several(clause) if _plural(place) else clause)


def place_words(locale: str, value_id: str) -> list[str]:
    everyday, others = PLACE_NAMES[value_id]
    pain_only = [f"my {name}" for name in PAIN_ONLY_NAMES.get(value_id, [])]
    words = list(everyday) + list(others)
    words += [f"{owner} {name}" for name in everyday + others for owner in ("my", "the")]
    words += PLACE_LOCALE_NAMES.get(locale, {}).get(value_id, [])
    words += PLACE_PHRASES.get(value_id, [])
    mine = [f"my {name}" for name in everyday]
    slangy = [f"me {name}" for name in everyday] if locale == AU else []
    words += slangy
    words += [_of_place(place, f"{place} {pred}") for place in mine
              for pred in HURTS + LOCALE_HURTS.get(locale, [])]
    words += [_of_place(place, f"{place} {pred}") for place in slangy + pain_only
              for pred in SLANGY_HURTS + LOCALE_HURTS.get(locale, [])]
    words += [clause.replace("#", place) for place in mine + slangy[:2] for clause in HURT_IT]
    words += [clause.replace("#", place) for place in mine + pain_only for clause in PAIN_IN]
    words += [clause.replace("#", phrase) for phrase in PLACE_PHRASES.get(value_id, [])[:2 * FRAMED]
              for clause in PAIN_AT]
    words += [_of_place(place, said) for place in mine for where in PLACE_POSITIONS.get(value_id, [])
              if place.removeprefix("my ") not in where
              for said in expand(f"{place} (hurts|aches|is sore|'s sore|is aching|'s aching) {where}")]
    if value_id == "LEG":
        words += [clause.replace("#", place) for place in mine for clause in SPREADS_TO]
    words += [_of_place(name, clause.replace("%", name)) for name in everyday for clause in NAMED_PAIN]
    if locale == IN:
        words += [f"{place} is paining{tail}" for place in mine
                  for tail in ("", " a lot", " badly", " very much")]
        words += expand(*(f"i (have|am having|got) (pain|severe pain) in {place}" for place in mine))
        words += expand(*(f"(pain|paining) in {place}" for place in mine))
    return unique(words)


# ---------------------------------------------------------------------------------------------
# Onset: when it started. Counted spans are written out and sorted by length.
# ---------------------------------------------------------------------------------------------
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "thirty": 30,
}
_FEW = {"a couple of": 2, "a few": 3, "two or three": 3, "several": 5, "many": 6}
_HOURS_TODAY = ["an hour", "a couple of hours", "a few hours", "half an hour", "an hour or two"]


def _spans() -> dict[str, list[str]]:
    """Spans of time ("three days", "a fortnight") grouped by the Onset value they mean."""
    groups: dict[str, list[str]] = {"TODAY": [], "DAYS": [], "WEEKS": [], "MONTHS": []}
    days_for = {"day": 1, "week": 7, "month": 30, "year": 365}
    counts = dict(_NUMBERS, **_FEW)
    for unit, size in days_for.items():
        groups[_onset_of_days(size)].append(f"a {unit}")
        for word, n in counts.items():
            if n == 1:
                continue
            groups[_onset_of_days(n * size)].append(f"{word} {unit}s")
    for word, n in _NUMBERS.items():
        if 1 < n <= 12:
            groups["TODAY"].append(f"{word} hours")
    groups["TODAY"] += _HOURS_TODAY
    groups["DAYS"] += ["a day or two", "a day or so", "one day", "a couple of days or so", "days"]
    groups["WEEKS"] += ["weeks", "a fortnight", "a week or two", "a week and a half", "a month or two",
                        "a month or so",
                        "a week or so", "one week", "one month", "a few weeks or so", "six weeks or so"]
    groups["MONTHS"] += ["half a year", "a year and a half", "a year or two", "a year or so", "one year",
                         "a few months or so", "a long time", "ages", "so long"]
    return groups


def _onset_of_days(days: int) -> str:
    if days <= 3:
        return "DAYS"
    if days <= 12 * 7:
        return "WEEKS"
    return "MONTHS"


_ABOUT = ["", "about ", "around ", "over ", "more than "]


def onset_words(locale: str) -> dict[str, list[str]]:
    spans = _spans()
    words: dict[str, list[str]] = {
        "TODAY": expand(
            "today", "(this|earlier this) (morning|afternoon|evening)", "tonight", "(just |)now", "just now",
            "earlier", "earlier (today|on)", "(a little|a short) while ago", "not long ago", "just today",
            "only today",
            "since this (morning|afternoon)", "(at|since) lunch(time|)",
            "when i (woke|got) up (this morning|today|)",
            "this morning when i (woke|got) up", "first thing this morning", "(just|only) this morning",
            "(a few|a couple of) minutes ago", "a moment ago", "since (i woke up|breakfast)",
            "(breakfast|lunchtime|breakfast time)",
        ),
        "DAYS": expand(
            "yesterday", "(yesterday|last) (morning|afternoon|evening|night)", "the day before yesterday",
            "(over|at|on|during) the weekend", "(this|last) weekend", "the weekend",
            "since (yesterday|the weekend)",
            "the other day", "a day or two ago", "since the day before yesterday",
            "(two|three|a couple of) nights ago",
            ("(on |since |last |)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
             "( (morning|night)|)"),
            "since last night",
        ),
        "WEEKS": expand(
            "last week", "(since|from) last week", "earlier this week",
            "(at the|since the) (start|beginning) of the week",
            "(last|since last) month", "earlier this month",
            "(at the|since the) (start|beginning) of the month",
            "weeks ago", "(for|a few|some|for some) weeks", "for a while", "a while ago",
            "(a|this) past week",
            "the week before last",
        ),
        "MONTHS": expand(
            "months", "(for|for many|many|several) months", "months ago", "(for|many) years", "years",
            "years ago",
            "(since|from) last year", "last year", "(for|for such) a long time", "a long time ago", "forever",
            "for ever", "(it's|it is) chronic", "chronic", "(for|since) ages", "ages ago",
            "for donkey's years",
            "as long as i can remember", "for as long as i can remember",
            "since i was (young|a kid|a teenager)",
            "on and off for years", "for most of my life", "all my life",
        ),
        "FLARE_UP": expand(
            "(a|another) flare up", "flare up", "flare ups", "(it's|it is) (a|another) flare up",
            "(it's|it has) flared up( again|)",
            "flared up( again|)", "it flared up( again|)", "it's flaring up( again|)", "flaring up( again|)",
            "it (comes|keeps coming) and goes", "comes and goes", "on and off", "off and on",
            "it keeps coming back",
            "it's come back( again|)", "it's back again", "it came back",
            "it's (an old|a recurring|a long standing) problem",
            ("(it's |)(a|an) (flare up|flareup) of (an old|a recurring|my old|a long standing|"
             "my usual) (problem|injury|back problem)"),
            "(it's|it is) (one of|) my usual (flare ups|flare up)", "one of my (usual |)flare ups",
            "(a|my) (usual|regular) flare up", "the usual", "(an old|a recurring|my old) (problem|injury)",
            "it's happened before", "it happens every (now and then|so often|few months)",
            "(it's |)recurring",
            "it's (playing|acting) up again", "it's gone again", "it's bad again",
        ),
    }
    for value_id, group in spans.items():
        for span in group:
            for about in _ABOUT:
                words[value_id] += [f"{about}{span} ago", f"for {about}{span}", f"{about}{span}"]
            words[value_id] += expand(f"(for |)the (past|last) {span}", f"(for |about |)({span}) now",
                                      f"{span} back")
    if locale == IN:
        for value_id, group in spans.items():
            for span in group:
                words[value_id] += expand(f"since (last |the last |)({span}|{span.replace('a ', 'one ', 1)})",
                                          f"from (last |the last |)({span}|{span.replace('a ', 'one ', 1)})",
                                          f"({span}|{span.replace('a ', 'one ', 1)}) back")
        words["TODAY"] += expand("since morning", "from morning", "morning onwards", "since today morning",
                                 "morning", "today morning")
        words["DAYS"] += expand("since yesterday night", "from yesterday")
    if locale in (AU,):
        words["TODAY"] += expand("(this|since this|earlier this|all) arvo", "since lunch",
                                 "((since|at|after) |)(brekkie|smoko)")
        words["DAYS"] += expand("yesterday arvo", "(on|over) the weekend")
    if locale in (GB, IN):
        words["MONTHS"] += ["donkey's years"]
    for value_id in words:
        words[value_id] = unique(words[value_id])
    return words


# ---------------------------------------------------------------------------------------------
# Cause: what brought it on. Activities are written in every tense people use for them.
# ---------------------------------------------------------------------------------------------
# (doing, did) pairs; the object list follows.
_LOADS = expand(
    "something", "something heavy", "(a|the) (heavy |)(box|bag|suitcase|bucket)",
    "(heavy |)(boxes|bags|shopping|groceries|weights)",
    "my (suitcase|son|daughter|kid|child|baby|grandson|granddaughter)",
    "the (kids|baby|shopping|groceries|laundry)", "furniture",
    "(a|the) (sofa|couch|table)", "something off the floor",
)
# Loads each place names with its own word: "the esky", "a two four", "the gas cylinder".
LOCALE_LOADS: dict[str, list[str]] = {
    US: expand("(a|the|my) (cooler|case of beer|bag of dog food|bag of salt|kayak)"),
    CA: expand("(a|the|my) (cooler|two four|case of beer|canoe|kayak|bag of salt|hockey bag)",
               "(the |)firewood"),
    GB: expand("(a|the|my) (television|wheelie bin|bag of compost|paddling pool)", "(the |)bags of compost"),
    AU: expand("(an|the|my) esky", "(a|the) (slab|carton|wheelie bin|bag of mulch|bag of cement"
                                   "|trailer|surfboard)",
               "(the |)bags of (mulch|cement|soil)"),
    IN: expand("(a|the) (bucket|water bucket|bucket of water|gas cylinder|cylinder|water can|rice bag|"
               "sack of rice)", "(an|the) almirah"),
}
# Where the load was lifted from: the car's boot or trunk in each place's word.
BOOT = {US: "trunk", CA: "trunk", GB: "boot", AU: "boot|ute", IN: "dicky|boot"}
# Where a regional job was done, said after it ("portaging the canoe at the cottage"). When ("on the
# weekend") is not one of them: it is the start, heard in the onset slot.
JOB_TAILS: dict[str, list[str]] = {
    US: ["at the cabin", "at the lake"],
    CA: ["at the cottage", "up at the cottage", "at the cabin", "at the lake", "at the rink",
         "with the kids"],
    GB: ["with the kids"],
    AU: ["all arvo", "all day", "all morning", "with the kids"],
    IN: ["at home", "in the house"],
}
_ACTIVITIES: list[tuple[str, str]] = [
    ("lifting #", "lifted #"), ("picking up #", "picked up #"), ("picking # up", "picked # up"),
    ("carrying #", "carried #"), ("moving #", "moved #"),
    ("pulling #", "pulled #"), ("pushing #", "pushed #"),
    ("(lifting|carrying|moving) (things|heavy things|heavy stuff)",
     "(lifted|carried|moved) (things|heavy things|heavy stuff)"),
    ("(lifting|carrying|bending|stooping|straining|lifting at work)",
     "(lifted|carried|bent|stooped|strained)"),
    ("doing (some |)heavy lifting", "did (some |)heavy lifting"), ("heavy lifting", "heavy lifting"),
    ("bending (over|down|forward)( awkwardly| to pick something up| to pick # up|)",
     "bent (over|down|forward)( awkwardly| to pick something up| to pick # up|)"),
    ("twisting( awkwardly| the wrong way| round| around| funny| suddenly|)",
     "twisted( awkwardly| the wrong way| round| around| funny| suddenly|)"),
    ("turning (awkwardly|too quickly|round too fast)", "turned (awkwardly|too quickly|round too fast)"),
    ("reaching (for something|up|over|across|behind me)", "reached (for something|up|over|across|behind me)"),
    ("(working out|exercising|training)", "(worked out|exercised|trained)"),
    ("(lifting weights|weightlifting|weight lifting)", "lifted weights"),
    ("doing (yoga|pilates|crossfit|deadlifts|squats|sit ups|push ups|press ups|burpees|exercises|a workout)",
     "did (yoga|pilates|crossfit|deadlifts|squats|sit ups|push ups|press ups|burpees|exercises|a workout)"),
    ("(deadlifting|squatting|running|jogging|sprinting|swimming|cycling|climbing|dancing|hiking|skiing|snowboarding|skating|rowing|boxing|wrestling)",
     "(deadlifted|squatted|ran|jogged|sprinted|swam|cycled|climbed|danced|hiked|skied|snowboarded|skated|rowed|boxed|wrestled)"),
    ("going for a (run|jog|swim|bike ride|walk|surf|paddle|hike)",
     "went for a (run|jog|swim|bike ride|walk|surf|paddle|hike)"),
    ("(surfing|paddling|paddling out)", "(surfed|paddled|paddled out)"),
    (("playing (sport|sports|football|soccer|rugby|cricket|tennis|golf|squash|badminton|hockey|ice hockey|"
      "netball|volleyball|baseball|softball|padel|pickleball|lacrosse|with the kids)"),
     ("played (sport|sports|football|soccer|rugby|cricket|tennis|golf|squash|badminton|hockey|ice hockey|"
      "netball|volleyball|baseball|softball|padel|pickleball|lacrosse)")),
    ("(gardening|digging|weeding|raking( leaves|)|mowing the (lawn|grass)|cutting the (grass|hedge))",
     ("(did the gardening|dug the garden|did some digging|did some weeding|raked( the leaves|)|"
      "mowed the (lawn|grass)|cut the (grass|hedge))")),
    ("(digging|working) in the garden", "(was digging|dug|was working) in the garden"),
    ("doing the (gardening|garden|housework|cleaning|vacuuming|washing)",
     "did the (gardening|garden|housework|cleaning|vacuuming|washing)"),
    ("(cleaning|decorating|painting|sweeping|mopping|ironing)", "(cleaned|decorated|painted|swept|mopped)"),
    ("(shovelling|shoveling) (snow|the driveway|the drive|the snow|)",
     "(shovelled|shoveled) (snow|the driveway|the drive|the snow|)"),
    ("(moving house|moving home)", "moved (house|home)"),
    ("(overdoing it|over doing it|doing too much)", "(overdid it|did too much)"),
    ("(sneezing|coughing) (hard|really hard)", "sneezed (hard|really hard)"),
    ("(changing|fixing) a (tyre|tire)", "changed a (tyre|tire)"),
    ("(getting|climbing) out of (the car|bed|the bath)( awkwardly|)",
     "got out of (the car|bed|the bath) awkwardly"),
]
_SPORTS = expand("(sport|sports|football|soccer|rugby|cricket|tennis|golf|squash|badminton|hockey|netball|"
                 "volleyball|baseball|softball|padel|pickleball)")
# What follows a verb people say in the sentence itself
# ("I hurt my back lifting {a box}", "... at {the gym}").
_BARE_INJURY = unique(_LOADS + _SPORTS + expand("the gym", "(the |)(garden|lawn|grass|snow|driveway)",
                                                "(yoga|pilates|crossfit|training|weights)"))
_INJURY_NOUNS = expand(
    # The skill's own words ("Was it an injury, a fall or accident...?") said back.
    "(it was |)an injury( i (suppose|s'pose|guess|think)|)", "injury", "(a |)minor injury",
    "i (hurt|injured) (it|myself)( doing something|)",
    "a (sports|gym|football|rugby|cricket|running|work|tennis|golf|hockey|skiing) injury", "a sports injury",
    "a (strain|sprain|pulled muscle|muscle strain|twist|tweak)", "(straining|strained|spraining) it",
    "i (strained|sprained|tweaked|twisted) it",
    "(i |)pulled a muscle", "i think i pulled a muscle",
    "(i |)(overdid|over did) it( at the gym| at training| at work|)",
    "(at|in) the gym", "at (training|practice|work|yoga|pilates|football|rugby|cricket|hockey|netball)",
    "(during|at|after) (a |my |)(workout|game|match|training session|gym session|yoga class|run)",
    "too much exercise", "a (workout|hard workout|heavy session)",
    "(from |)(lifting|carrying|moving) at work",
    "an awkward (lift|movement|twist)", "a (bad|awkward) (lift|twist|movement)",
)
_VEHICLE = "(car|road|traffic|motorbike|motorcycle|bike|bicycle|scooter)"
_SURFACE = ("(ice|black ice|the ice|the stairs|some stairs|the steps|a step|a wet floor|the wet floor|"
            "the floor|the kerb|the curb|the pavement|the sidewalk|a rug|the rug|some leaves|the snow|mud|"
            "the bathroom floor|the shower|the bath)")
_ACCIDENT = expand(
    # road and blows
    f"(a|an) ({_VEHICLE}|cycling|skiing|riding|sports|work) (crash|accident|collision)",
    "(a|an) (crash|collision|accident)", "a car wreck", "car (crash|accident|wreck)",
    f"(in|after|from) a {_VEHICLE} (crash|accident)", f"i (was|got) in a {_VEHICLE} (crash|accident)",
    f"i (had|'ve had) a {_VEHICLE} (crash|accident)",
    "i crashed (my|the) (car|bike|motorbike|scooter)",
    "(being|got|i got|i was) (hit|knocked (over|down)|run over) by a (car|bike|cyclist|van)",
    "(being|got|i got|i was) (hit|tackled|kicked|struck|hit hard|tackled hard)",
    "(being|got|i got|i was|i've been) rear ended",
    "someone (rear ended me|ran into me|drove into me|crashed into me|hit me)", "a (direct|hard) blow",
    "a blow to (my|the) (back|neck|spine)",
    "i (got|took) a (knock|bang|whack)( in a tackle| playing (football|footy|rugby|hockey|soccer)|)",
    "(i |)(banged|knocked|bumped) (it|my (back|neck)) (on|against) the (cupboard|door|table|shelf|wall)",
    "(i |)(banged|knocked|bashed|whacked) my (back|neck)",
    "(i |)did (fall|slip|trip)( over| down|)", "(i |)did come off (a|the|my) (ladder|bike|horse|roof)",
    "i landed (hard |)on my (back|neck)",
    "(a|a heavy|a hard) tackle",
    # falls, everyday words included
    "(a|a bad|a nasty|a hard) (fall|slip|tumble)",
    "i (had|'ve had|took) a (bad |nasty |hard |)(fall|slip|tumble)",
    "(i |)(fell|slipped|tripped)( over| up| down| backwards| hard| badly|)",
    "(falling|slipping|tripping)( over| up| down|)",
    "(i |)(fell|landed) (on|onto) my (back|bottom|backside|side|tailbone|neck|head)",
    ("(i |)(fell|came|tumbled) (down|off) (the|some|a) (stairs|steps|ladder|roof|wall|chair|horse|bike|tree|"
     "trampoline)"),
    "falling (down|off) (the|some|a) (stairs|steps|ladder|roof|wall|chair|horse|bike|tree|trampoline)",
    "(i |)(fell|came) off my (bike|horse|motorbike|scooter|skateboard|ladder)",
    "(i |)came off (my|a|the) (bike|horse|motorbike|scooter|skateboard|trampoline)",
    f"(i |)(slipped|tripped|fell) (on|over|in|down) {_SURFACE}", f"slipping (on|down) {_SURFACE}",
    "(i |)(slipped|tripped) (over|on) (the|my) (dog|cat|step|kerb|curb|rug)",
    "(i |)(missed|lost) (a step|my footing|my balance)( and fell|)",
    "(i |)went flying",
    ("(i |)(slipped|tripped|missed a step|lost my footing|lost my balance)( over| on the ice| on the stairs|"
     " over the (dog|cat)|) and (fell|went flying|landed hard)"),
    ("(i |)(slipped|fell) on (the |)(ice|black ice) (outside|at work|in the (driveway|street|car park|"
     "parking lot))"),
    "(i |)(got|was) rear ended at (a|the) (stop light|traffic lights|lights|junction|intersection)",
    "a fall (from|off) (height|a height|a ladder|the roof|my bike|a horse)", "falling from (a |)height",
    "a fall (down|on) the stairs", "(a|my) (skiing|riding|bike|cycling) (fall|accident)",
)
# What people ride, and fall off or crash, in each place; said as "I came off my pushie", "I had a fall from
# my scooty", "I rolled the quad".
RIDES: dict[str, list[str]] = {
    US: ["atv", "four wheeler", "dirt bike", "snowmobile", "sled", "snowboard", "skis", "e bike", "scooter"],
    CA: ["skidoo", "ski doo", "snowmobile", "sled", "toboggan", "atv", "quad", "four wheeler", "dirt bike",
         "snowboard", "skis", "e bike"],
    GB: ["push bike", "moped", "e scooter", "e bike", "quad bike", "horse"],
    AU: ["pushie", "push bike", "treadly", "quad bike", "quad", "dirt bike", "trail bike", "motorbike",
         "surfboard", "board", "skateboard", "e scooter", "horse"],
    IN: ["scooty", "two wheeler", "scooter", "activa", "bike", "motorbike", "cycle", "bicycle", "auto",
         "auto rickshaw", "rickshaw"],
}
# Each place's everyday words for a fall ("I came a cropper", "I stacked it").
FALL_WORDS: dict[str, list[str]] = {
    US: ["wiped out", "took a spill", "had a spill", "bailed"],
    CA: ["wiped out", "took a spill", "had a spill", "bailed"],
    GB: ["came a cropper", "went flying", "took a tumble", "had a tumble", "went head over heels",
         "went arse over tit"],
    AU: ["stacked it", "came a cropper", "came a gutser", "had a stack", "bailed", "went flying",
         "went arse over"],
    IN: ["had a fall", "slipped and fell", "got a fall"],
}
# How a fall off a ride is said before it ("I came off my bike"), with each place's own.
FELL_OFF = ["fell off", "came off", "crashed", "stacked"]
LOCALE_FELL_OFF: dict[str, list[str]] = {IN: ["had a fall from"]}


def _fell_off(locale: str) -> list[str]:
    """Falls and crashes off each ride, alone ("I stacked it") and with what was ridden."""
    fall_words, rides = FALL_WORDS.get(locale, []), RIDES.get(locale, [])
    falls = "(" + "|".join(fall_words) + ")" if fall_words else "(fell)"
    found = expand(f"(i |){falls}( hard| badly|)")
    if rides:
        things = "(" + "|".join(rides) + ")"
        fell_off = "(" + "|".join(FELL_OFF + LOCALE_FELL_OFF.get(locale, [])) + ")"
        found += expand(f"(i |){fell_off} (my|the) {things}", f"(i |)came off (my|the) {things} hard",
                        f"(i |){falls} (on|off) my {things}", f"(a|my) {things} (accident|crash)")
    return unique(found)


_NO_CAUSE = expand(
    "nothing", "no reason", "no reason at all",
    "for no (apparent |particular |real |obvious |)reason( at all|)",
    "no (apparent|particular|real|obvious) reason",
    "(there was|there's|there wasn't) no (particular |real |obvious |)reason( for it|)",
    "there wasn't (any|a|really a) (particular |real |obvious |)reason( for it|)", "nothing in particular",
    "nothing really",
    "nothing (caused|set off|triggered|started) it",
    "nothing (set it off|brought it on|specific|special|that i did)",
    ("(it |)(just |)came on (by itself|on its own|out of nowhere|out of the blue|suddenly|gradually|slowly|"
     "for no reason|)"),
    "it (just |)(started|happened|appeared|began)( by itself| on its own| out of nowhere| for no reason|)",
    "(by|all by) itself", "on its own", "(out of|from) nowhere", "out of the blue", "(it |)crept up on me",
    "(i |)(just |)woke up (with it|like this|and it was (there|sore|like this))",
    "(i |)(just |)woke up with the pain", "(i |)(just |)woke up with", "woke up",
    ("(sleeping|slept) (funny|awkwardly|wrong|badly|in a funny position|on it wrong|the wrong way|"
     "on it funny|in (a |the |)(wrong|bad|awkward) position)"),
    ("i (must have |think i |was |)(slept|sleeping) (funny|awkwardly|wrong|badly|in a funny position|"
     "on it wrong|the wrong way|on it funny|in (a |the |)(wrong|bad|awkward) position)"),
    "(a bad|a new|my) (pillow|mattress|bed)", "no (injury|accident|fall)",
    "i (didn't|did not) (do anything|injure it|hurt it|do anything to it)",
    "i haven't (done anything|injured it|hurt it)", "nothing i (can think of|know of|did)",
    "i (didn't|did not) (fall|slip|trip)( or anything|)",
    "i can't think of anything",
    ("(sitting|sat) (too long|at (my|a) desk( all day|)|in the car|for hours|all day|on the sofa|"
     "on the couch|badly)"),
    "(just |)(from |)sitting at (my|the) (laptop|desk)( all (day|week)|)",  # not "computer": a wake word
    "(sleeping|slept) on a (bad|rubbish|lumpy|soft|hard|new|hotel) (mattress|bed|pillow)",
    "(bad|poor) posture", "(a |)long (drive|flight|car journey|day at work)",
    "(driving|working) (all day|for hours|long hours)",
    "stress", "(it's |)(just |)old age", "(it's |)getting older",
)


def cause_words(locale: str) -> dict[str, list[str]]:
    injury: list[str] = []
    for doing, did in _ACTIVITIES:
        forms = []
        for gerund in expand(doing):
            forms += [gerund, f"i was {gerund}"]
        for past in expand(did):
            forms += [past, f"i {past}"]
        for form in forms:
            injury += [form.replace("#", load) for load in _LOADS] if "#" in form else [form]
    injury += _INJURY_NOUNS + _BARE_INJURY
    # Regional loads lugged, hauled or shifted, and lifted out of the car ("the esky out of the ute").
    boot = BOOT.get(locale, "trunk")
    regional_lifts = expand(*(
        f"({doing}) {load}" for load in LOCALE_LOADS.get(locale, [])
        for doing in ("(i was |)(lifting|carrying|lugging)", "(i |)(lifted|carried|lugged)")))
    regional_lifts += expand(*(f"(lifting|lugging|i lifted|i lugged) {load} out of the ({boot})"
                               for load in LOCALE_LOADS.get(locale, [])))
    extra_injury = {
        US: expand("(shoveling|playing) (snow|sports|baseball|softball|football)",
                   "(vacuuming|raking leaves)"),
        CA: expand("(shovelling|shoveling) (the walk|snow)", "playing (hockey|ice hockey|curling)",
                   "(i was |)(curling|skating|portaging|canoeing|paddling|kayaking)( the canoe|)",
                   "(i was |i |)(chopping|splitting|stacking|hauling|carrying) (wood|firewood|logs)",
                   ("(i was |i |i kept |)(pulling|yanking|starting|using) (the cord on |)(the|my) "
                    "(snowblower|snow blower|lawnmower|chainsaw)"),
                   "(i was |i |)(clearing|blowing) (the |)(snow|driveway|laneway)",
                   "(at|playing) (hockey|shinny|curling|ringette)",
                   "(i was |)(skating|playing shinny) on the (rink|pond|lake)"),
        GB: expand("(hoovering|doing the hoovering)",
                   "(i was |)(digging|working|weeding) (the|on the|at the|down the|on my) allotment",
                   "(i was |)(doing|on) (the|my) allotment",
                   "(i was |)hoovering( the (stairs|car|house)| under the (bed|sofa)|)",
                   "playing (rugby|cricket|footie)", "doing (the |some |)diy"),
        AU: expand("playing (footy|cricket|netball|rugby|league|touch footy)", "(at|playing) footy",
                   "(i was |i've been |)(lugging|carting|shifting|barrowing) (bags of |)(mulch|soil|dirt|"
                   "sand|gravel|pavers|bricks|potting mix|sleepers)",
                   "(i was |i've been |)(doing|working in) the (yard|garden|veggie patch)",
                   "(surfing|bodyboarding)", "doing the (mowing|yard work)"),
        IN: expand("playing cricket",
                   ("(lifting|carrying) (a|the) (bucket|heavy bucket|gas cylinder|cylinder|"
                    "water bucket)( of water|)"),
                   "(doing|did) (household|house) (work|chores)", "(sweeping|mopping) the floor",
                   "doing (jhadu|pocha)"),
    }
    accident_extra = {
        US: expand("(a|my) (fender bender|car wreck)", "i (got|was) rear ended"),
        CA: expand("(a|my) (fender bender|car wreck)", "(i |)(slipped|fell) on (the |some |)(black ice|ice)"),
        GB: expand("a (road traffic accident|prang|car prang)", "(i |)came off my (bike|horse)",
                   "(i |)had a (bit of a |)prang( in the car|)"),
        AU: expand("a (prang|car prang)", "(i |)came off my (bike|motorbike|board)"),
        IN: expand("a (two wheeler|bike|scooter|auto) accident",
                   "(i |)(fell|had a fall) from (the|my) (bike|scooter|two wheeler)",
                   "(falling|fell) from (the|my) (bike|scooter|two wheeler)",
                   "(i |)(fell|had a fall) from (the |)(stairs|terrace)"),
    }
    return {
        "INJURY": unique(injury + extra_injury.get(locale, []) + regional_lifts
                         + expand(*LOCALE_LOADS.get(locale, []))),
        "ACCIDENT": unique(_ACCIDENT + accident_extra.get(locale, [])
                           + _fell_off(locale)),
        "NO_CAUSE": unique(_NO_CAUSE),
    }


# ---------------------------------------------------------------------------------------------
# Symptom: how it feels, and the warning signs in the words people use for them.
# Each value: names (also said after "no ..." in a negation), describing words (also "not ..."),
# and whole clauses. Burning, tingling (pins and needles) and numbness are told apart (rules 8.3).
# ---------------------------------------------------------------------------------------------
# Hedges people put before a describing word ("it's kind of numb", "my foot sort of drags").
HEDGES = "(kind of |sort of |a bit |really |all |)"
# Where saddle numbness is felt, in the words people use ("the private area", "my bum"), alone and in the
# pairs people say together ("my bum and between my legs").
SADDLE_PLACES = expand(
    "(in|around) my (groin|bum|bottom|backside)", "in my (butt|crotch|private parts|buttocks|inner thighs)",
    "(in|around) the (private area|buttocks|saddle area)", "around my (genitals|back passage|private parts)",
    "between (my|me) legs", "down (there|below)", "around me bum", "round (my|me) (bum|bottom|backside)",
)
SADDLE_PAIRS = expand("(my|me) (bum|bottom|groin|backside) and between (my|me) legs",
                      "(my|me) (bum|bottom|backside) and (my |)(privates|private parts|groin)",
                      "between my legs and (my|me) (bum|bottom|backside)",
                      "(the|my) private (area|parts)( and (the|my) (buttocks|bottom)|)",
                      "(my|me) (groin|bum|bottom|butt|backside|crotch|privates)")


def _agreeing(place: str, singular: str, plural: str) -> str:
    """The verbs that agree with a place: "my bum is", "my bum and groin are"."""
    return f"({plural if _plural(place) else singular})"


SYMPTOMS: dict[str, dict[str, list[str]]] = {
    "SPASM": {
        "names": expand("(a |)spasm", "spasms", "(a |)muscle spasm", "muscle spasms", "(a |)cramp", "cramps",
                        "cramping", "knots"),
        "describing": expand("in spasm", "spasming", "seized up", "locked up", "locked", "knotted",
                             "in knots", "cramped up",
                             "going into spasm", "into spasm", "seizing up"),
        "clauses": expand(
            "it('s| is|) (keeps |)(going|gone|went) into spasm",
            "it keeps (spasming|seizing up|locking up|cramping|going into spasm)",
            "it('s| has) (seized|locked) up", "it (seized|locked) up",
            "the (muscle is|muscles are|muscles keep) (spasming|cramping)",
            "it keeps (going into spasms|cramping up)",
            "(my|the) muscles (are|have) (gone into spasm|seized up|locked up)",
            "i('m| am) (getting|having) spasms", "it spasms", "it's cramping (up|)",
        ),
    },
    "STIFFNESS": {
        "names": expand("stiffness", "(a |)tightness", "(some |)stiffness"),
        "describing": expand("stiff", "tight", "rigid",
                             "(really|very|so|a bit|quite|a little|super) (stiff|tight)",
                             "stiff as a board", "all stiff"),
        "clauses": expand(
            "(it's|it is|it feels|feels) (really |very |so |a bit |quite |all |)(stiff|tight)",
            "it's stiffened up",
            "i can('t| barely| hardly) (move|turn|bend) (it|my head|over|my neck|properly)",
            "i can('t| barely| hardly) move", "(it's |)hard to (move|bend|turn( my head|))",
            "i can('t| not) (bend|turn my head|look over my shoulder)",
            "i('m| am) (really |so |)stiff", "it won't (move|bend|turn)",
            "(it's|it has) (gone|got) (stiff|tight)",
        ),
    },
    "SWELLING": {
        "names": expand("swelling", "(some |a bit of |)swelling", "(a |)swelling", "redness", "inflammation"),
        "describing": expand("swollen", "puffy", "inflamed", "red", "hot and swollen",
                             "(really|a bit|quite|very) swollen",
                             "red and swollen", "swollen and red"),
        "clauses": expand(
            ("(it's|it is|it looks|looks|it feels|it's gone|it's all) (really |a bit |quite |very |)(swollen|"
             "puffy|inflamed|red)"),
            "it('s| has) swelled up", "it('s| has) swollen up", "there's (some |a bit of |)swelling",
            "it's puffed up",
            "(it's|it is) (red|hot) and swollen",
        ),
    },
    "BURNING": {
        "names": expand("burning", "(a |)burning (pain|feeling|sensation)", "burning pains",
                        "(a |)stinging (pain|feeling|)",
                        "(a |)hot (pain|feeling)", "burning"),
        "describing": expand("burning", "on fire", "stinging", "red hot"),
        "clauses": expand(
            "it burns", "it('s| is) burning", "(it's|it is|it feels) like (it's|it is) (burning|on fire)",
            "it's a burning (kind of |sort of |type of |)(pain|feeling)",
            "it feels (like a burn|burning|hot and burning)",
            "it's (been |)burning", "it stings", "it's like a burning",
        ),
    },
    "TINGLING": {
        "names": expand("tingling", "pins and needles", "(a |)tingling (feeling|sensation)",
                        "(a |)prickling (feeling|)", "tingles"),
        "describing": expand("tingly", "tingling", "prickly", "fizzy", "buzzing"),
        "clauses": expand(
            "it tingles", "it('s| is| feels| keeps) tingling", "(it's|it is|it feels) (all |a bit |)tingly",
            "i('ve| have) got pins and needles", "i (have|get|keep getting) pins and needles",
            "i've had pins and needles",
            "(there's|i have|i've got|i get) (a |)tingling", "it's like pins and needles",
            "(tingling|pins and needles) (down|in) my (leg|arm|foot|hand)",
            "my (leg|arm|foot|hand|fingers|toes) (is|are|keeps|keep|'s) tingling",
            "my (leg|arm|foot|hand|fingers|toes) (tingles|tingle|feels tingly|feel tingly)",
        ),
    },
    # Pins and needles is tingling (8.3); numbness is losing feeling.
    "NUMBNESS": {
        "names": expand("numbness", "(a |)loss of feeling", "no feeling", "(some |a bit of |)numbness",
                        "(a |)dead feeling",
                        "(a |)numb (feeling|patch|spot)", "numb skin"),
        "describing": expand("numb", "(a bit|a little|really|quite|totally|completely) numb", "dead",
                             "numb to touch"),
        "clauses": expand(
            "(it's|it is|it feels|it's gone|it has gone|feels) (a bit |a little |really |all |)numb",
            "it's gone dead",
            "i can't feel (it|anything there|my (leg|foot|toes|arm|hand|fingers))",
            "i('ve| have) lost (the |)feeling( there| in it|)",
            ("my (leg|foot|arm|hand|fingers|toes|skin) (is|are|feels|feel|'s|has gone|have gone|went|"
             "'s gone) numb"),
            "(numbness|numb) (down|in) my (leg|arm|foot|hand)", "the skin (is|feels) numb",
            "i can't feel (the heat|the cold|hot or cold|heat or cold) properly",
        ),
    },
    "WEAKNESS": {
        "names": expand("weakness", "(some |a bit of |)weakness", "(a |)weak (leg|arm|foot)", "leg weakness",
                        "muscle weakness"),
        "describing": expand("weak", "(a bit|really|quite|very) weak", "feeble"),
        "clauses": expand(
            "(it|my leg|my arm|my foot|my hand) (feels|is|'s|has gone) (a bit |really |quite |)weak",
            "i('ve| have) lost (some |)strength( in it| in my (leg|arm|hand)|)", "i('m| am) weak",
        ),
    },
    "SHOOTING_PAIN": {
        "names": expand(
            "(a |)(shooting|sharp|stabbing|radiating|searing) (pain|pains)", "(sharp |)shooting pains",
            "sharp shooting (pain|pains)",
            "(a |)(shooting|sharp|stabbing|radiating) pain (down|into) my (leg|arm|buttock|bum)",
            "(a |)pain (going |running |shooting |)down my arm",
            "electric shocks", "(an |)electric shock (feeling|pain)", "(a |)nerve pain",
            "(a |)pain that (shoots|goes|runs) down my (leg|arm)",
        ),
        "describing": expand("shooting", "stabbing", "radiating"),
        "clauses": expand(
            "(it|the pain) (shoots|radiates) (down|into) my (leg|arm|buttock|bum|thigh)",
            "(it|the pain) (goes|runs|travels|spreads) (down|into) my arm",
            "it('s| is) (shooting|radiating) (down|into) my (leg|arm)",
            "(i get|i've got|there's) (a |)(shooting|sharp|stabbing) (pain|pains)",
            ("(i get|i've got|there's|i have) (a |)pain (shooting down my leg|going down my arm|"
             "running down my arm)"),
            "(pain|a pain) radiating (to|down|into) my arm",
            "i (am|'m) having pain radiating (to|down|into) my arm",
        ),
    },
    "BOTH_LEGS": {
        "names": expand(
            "both legs", "both (of |)my legs",
            "(pain|numbness|weakness|tingling|pins and needles) (in|down) both (of |)(my |)legs",
            "(pain|pains) in both legs", "both sides", "both my legs", "weak legs", "numb legs",
        ),
        "describing": expand("in both legs", "down both legs"),
        "clauses": expand(
            "both (of |)my legs (are|feel|have gone|went|'ve gone) (numb|weak|tingly|dead|heavy|funny)",
            "both (of |)my legs (hurt|ache|tingle|are tingling|are hurting|are aching|are weak|are numb)",
            "my legs (feel|are) (a bit |)(weak|numb) both of them",
            "both (of |)my legs are feeling (numb|weak|numb and weak|weak and numb|tingly)",
            ("(i've got|i have|there's|i get|i'm getting) (pain|numbness|weakness|tingling|"
             "pins and needles) in both (of |)(my |)legs"),
            "(it|the pain)('s| is) (going |gone |)(down|into|in) both (of |)(my |)legs( now|)",
            "(it's|the pain's|the pain is) in both (of |)(my |)legs( now|)( not just (the|one) (one|leg)|)",
            "(it's|it is) (going |)down both legs",
            "(i can't|i cannot) feel (either of |both of |both |)my legs( properly|)",
            "my legs (are|feel|have gone) (numb|weak|tingly|dead|heavy)",
            "my legs (are|keep) tingling", "(neither|none) of my legs (feel|feels) right",
            "my legs (both (feel|are)|have both gone) (kind of |a bit |)(weak|wobbly|weak and wobbly|numb)",
            "(it's |)my legs (they're|they are) (weak|numb)",
            "both (my|me) legs (have gone|are|feel) ((all |)(weak|wobbly|weak and wobbly)|like jelly)",
            "(it's |)(my|me) legs both of (them|em) (are|feel) weak",
        ),
    },
    "SADDLE_NUMBNESS": {
        "names": expand(
            "saddle numbness",
            ("(numbness|tingling) (between my legs|in my groin|down below|around my bottom|"
             "in my private parts|around my genitals|around my back passage)"),
            "(a |)numb (groin|bottom|backside|crotch|bum)", "numb private parts", "numb inner thighs",
        ),
        "describing": expand("numb (between my legs|down below|down there|around my bottom|in my groin)"),
        "clauses": expand(
            ("i can't feel (my (groin|bottom|backside|private parts|genitals|crotch|bum)|down (there|below)|"
             "between my legs)"),
            "my (groin|bottom|backside|crotch)( is| feels| has gone|'s gone| went|'s) (numb|tingly|dead)",
            "my (private parts|genitals|inner thighs|buttocks) (are|feel|have gone|went) (numb|tingly)",
            ("(it's|it has) gone numb (around my bottom|between my legs|down below|down there|in my groin|"
             "around my private parts)"),
            ("(i'm|i am|it's|it is|it feels) numb (between my legs|down below|down there|around my bottom|"
             "in my groin)"),
            ("(i've got|i have|there's) (a|this) (weird |strange |)numb feeling (around|in|"
             "between) my (groin|bottom|private parts|legs)"),
            "(i've got|i have|there's) (a|this) (weird |strange |)numb feeling down there",
            "(it|my bottom|my bum) (feels|is) numb when i wipe",
            "(when i wipe|wiping)( after the toilet| myself|) (it |)(feels|is) (numb|different|strange)",
            ("(the insides of my thighs|my inner thighs|between my legs|my groin)( and (between my legs|"
             "my groin|my bottom)|) (feel|feels|are|is|have gone|has gone) numb"),
            "i can't feel (it |)(when i wipe|toilet paper)", "(numb|no feeling) when i wipe",
            "(i have|i've got) saddle numbness",
            ("i can('t| not) feel anything (between my legs|down there|down below|in my groin"
             "|around my bottom)"),
            "my (bum|butt|behind)('s| is| feels) numb",
            "(the insides|inside) of my thighs (are|feel|have gone) numb",
            "(numbness|tingling) (between my legs|in my groin)",
            *(f"(numbness|no feeling|pins and needles) {place}" for place in SADDLE_PLACES),
            ("(i've got|i have|there's) (numbness|pins and needles|tingling) (in|around) my "
             "(bum|bottom|backside|groin)"),
            *(f"i (can't|cannot) feel (anything|a thing) {place}"
              for place in SADDLE_PLACES),
            *(f"(there's|i've got|i have) no feeling {place}"
              for place in SADDLE_PLACES),
            *(f"i('ve| have) lost (the |)feeling {place}" for place in SADDLE_PLACES),
            *(f"{place} {_agreeing(place, 'has gone|is|feels', 'have gone|are|feel')} numb"
              for place in SADDLE_PAIRS),
            *(f"{place} {_agreeing(place, 'feels', 'feel')} (kind of|a bit) numb" for place in SADDLE_PAIRS),
            *(f"{place} {_agreeing(place, 'has', 'have')} gone all numb" for place in SADDLE_PAIRS),
            *(f"(there's|there is) numbness {place}" for place in SADDLE_PLACES),
            f"(my|me) (groin area|private area|crotch area) (feels|is|'s gone) {HEDGES}numb",
            ("(numb|pins and needles) (like|where) (i'd sit on|you sit on|you'd sit on) a "
             "(bike|bicycle) saddle"),
            f"(it's|it feels|it's gone) {HEDGES}numb (down there|between my legs|round my (bottom|bum)|"
            "in my (groin|private area))",
        ),
    },
    "BLADDER_BOWEL": {
        "names": expand(
            ("(trouble|problems|difficulty) (peeing|urinating|passing urine|going to the toilet|"
             "with my (bladder|bowels|waterworks))"),
            "incontinence", "bladder problems", "bowel problems", "(bladder|bowel) (trouble|changes|issues)",
            "(leaking|wetting myself|soiling myself)",
            "(trouble|problems|difficulty) (going to|using) the (loo|toilet|bathroom|washroom)",
        ),
        "describing": expand("incontinent"),
        "clauses": expand(
            ("i can('t| not) (pee|urinate|pass urine|wee|go to the toilet|empty my bladder|"
             "control my (bladder|bowels))"),
            "i('ve| have) (wet|soiled) myself( since (it|the pain|this) started| since then|)",
            "i('m| am| keep) (wetting|soiling) myself",
            "i('ve| have) lost control of my (bladder|bowels)",
            "i've been leaking (urine|wee|pee)( without noticing|)",
            "i('m| am) (leaking|having accidents)",
            ("i didn't (even |)(notice|know|realize|realise) i needed (to go|the toilet|the bathroom|"
             "the washroom|to pee|to wee)( until (i'd|i had) (wet|soiled) myself|)"),
            ("i('m| am) having (trouble|difficulty) (peeing|weeing|urinating|starting to pee|"
             "going to the toilet|passing urine|starting a (wee|pee))"),
            "i can't feel when i need (to pee|to go|the toilet)",
            ("i (did |)(wet|peed|soiled) myself( this morning| today| last night| earlier|)"
             "( without (realising|realizing|noticing)|)"),
            "i('ve| have) peed myself",
            "i can('t| not) (really |)(pee|wee|go) (properly|right|normally)",
            "i can (barely|hardly) (pee|wee)",
            ("i('ve| have) been having (a bit of |some |)trouble (going to the (loo|toilet|bathroom)|peeing|"
             "weeing)"),
            "(peeing|weeing) (is|has been) (difficult|hard)",
            "(urine|pee) (is not|isn't|won't) (coming|come)( properly| out|)",
            "i('m| am) not able to (pass urine|pee|pass motion|control my bladder)",
            "i can't (hold|control) (it|my wee|my pee|my bladder|my bowels)", "i've had an accident",
            ("i (couldn't|can't|wasn't able to) (pee|wee|go)( at all|)( even though i (really |)"
             "(need|needed) to( go|)|)"),
            "i('ve| have|) wet the bed( (twice|again|last night|a few times)|)",
            "i('ve| have| keep| keep on|'ve been| have been) wetting the bed",
            ("i('ve| have|) (wet|soiled) myself (twice|again|a few times|a couple of times)( today"
             "| this week|"
             " now|)"),
            "i didn't (even |)feel (it coming|it happen|the urge|that i needed to go)",
            "i (can't|couldn't) feel when i need to (go|pee|wee)",
            "(i've|i have) lost control (of|over) my (bladder|bowels|waterworks)",
            "i (cannot|can't|can not) control my (bowels|bladder|motions)",
            "i (have|'ve got) no control (over|of) my (bowels|bladder)",
            "(i'm|i am) not able to control my (motions|bowels|bladder|urine)",
            "i (could not|couldn't|can't|cannot) hold my (motions|bowels|wee|pee|urine)",
            "i('ve| have) had (two|a couple of|a few) accidents",
            ("i (haven't|have not) been able to (pee|wee|urinate|go to the toilet)( right|"
             " properly| normally|)"
             "( since| since then| since it started|)"),
            "i can't seem to (pee|wee|have a wee|have a pee|go)( properly| right|)",
            ("(i'm |i am |i've been |)(struggling|finding it hard|having a hard time) to (pee|wee|pass water|"
             "pass urine|go to the toilet)"),
            "i (keep|'ve been|have been) leaking (a bit of |a little |)(wee|pee|urine)",
            "i('ve| have|) wet the bed( which isn't like me|)",
            "(urine|pee) is not coming( out|)( properly|)( since (yesterday|this morning|then)|)",
            f"i('ve| have) been (wetting|soiling) myself {HEDGES}( actually|)",
        ),
    },
    "LEG_GIVING_WAY": {
        "names": expand("foot drop", "(a |)dropped foot", "jelly legs",
                        "(a |)leg that (gives way|keeps giving way)"),
        "describing": expand("giving way", "buckling", "like jelly"),
        "clauses": expand(
            ("my (leg|knee|legs|left leg|right leg) (keeps|keep|has been|have been|is|are) (giving way|"
             "buckling|collapsing|giving out)"),
            "my (leg|knee|legs|left leg|right leg) (gives|give|gave) (way|out)",
            "my (leg|left leg|right leg) (is|'s) (getting|going) (weaker|weaker and weaker)",
            ("my (foot|left foot|right foot)('s| is| keeps|) (drags|dragging|slaps|slapping|slapping down|"
             "catches|catching)( when i walk|)"),
            "i('m| am) dragging my (foot|leg)",
            "i can('t| not) (walk|stand) (properly|straight|on it|for long|)",
            "i can('t| not) lift my (foot|toes)", "my legs (feel|are|have gone) like jelly",
            "i keep (tripping over my foot|stumbling)",
            "(it's|i think it's|i have|i've got) foot drop",
            "my leg('s| is) (getting weaker|weaker than before|giving way)",
            "(i'm|i am) having trouble walking", "(trouble|difficulty) walking",
            "my (leg|left leg|right leg) (just |)(gave|keeps giving) (out|way) (on me|under me)",
            "my (leg|left leg|right leg|knee) keeps (buckling|giving way|giving out) under me( when i walk|)",
            "my (leg|left leg|right leg) is giving way (while|when) (walking|i walk)",
            ("my foot('s| is) (kind of |)(slapping|dragging|catching) (the floor|the ground|on the rug|"
             "on the carpet)( when i walk|)"),
            "my (foot|toes) (keeps|keep) catching (on the (rug|floor|carpet|ground|stairs)|when i walk)",
            "my foot('s| has) been (kind of |)(dragging|catching|slapping)",
            "i keep (catching|stubbing) my (toes|foot) on (the carpet|the floor|the stairs|things)",
            "i keep tripping over my (own |)(foot|feet|toes)",
            "i (almost|nearly) fell (down|over) (twice|a few times|because my leg gave way)",
            f"my (foot|left foot|right foot|leg) {HEDGES}(drags|slaps|flops|catches)( when i walk|)",
            "my (right |left |)leg keeps (buckling|giving way|giving out)( when i walk|)",
        ),
    },
    "SEXUAL_FUNCTION": {
        "names": expand("(new |)(erection|ejaculation|sexual) (problems|trouble|difficulties)",
                        "erectile (dysfunction|problems)"),
        "describing": expand("numb during sex"),
        "clauses": expand(
            "i can('t| not) (get|keep) an erection",
            ("i('ve| have) (had |got |been having |)(new |)(problems|trouble|difficulty) (ejaculating|"
             "with erections|getting an erection|with sex|having sex)"),
            "(i'm|i am|i feel|it's) numb (down there |)(during|when i have) sex",
            "(it's|it has) been hard to get it up", "i can't get it up( anymore|)",
            "i('m| am) having (a |)problem(s|) with (erection|erections|ejaculation)",
            "i can('t| not) ejaculate( normally| properly|)",
            "i can't feel (anything |much |)(during|when i have) sex",
            "sex (feels|is) (different|numb)",
            "(i have|i've got|i've had) (new |)(erection|ejaculation) (problems|trouble)",
        ),
    },
    "NECK_DANGER": {
        "names": expand("double vision", "slurred speech",
                        "(trouble|difficulty) (speaking|swallowing|talking)",
                        "(a |)(fainting|blackout|blackouts|dizzy spells)",
                        "(an |)electric shock (down|through) my (spine|back)"),
        "describing": expand("clumsy", "slurring"),
        "clauses": expand(
            ("i('m| am) (seeing double|slurring( my words|)|having (trouble|difficulty) (swallowing|speaking|"
             "talking))"),
            "i('ve| have) (got|been getting|had) double vision", "i('m| am) (getting|having) double vision",
            "i (fainted|passed out|blacked out)( earlier| today|)",
            "i('ve| have) (fainted|passed out|blacked out)",
            "my (speech|voice) (is|has gone|'s) (slurred|funny)",
            "my (arm|hand|leg)('s| has| is|) (suddenly |)(gone|is|feels) (weak and clumsy|clumsy)",
            "my (arms|hands|legs) (have |)(suddenly |)(gone|are|feel) (weak and clumsy|clumsy)",
            "i('m| am|'ve| have) (been |)(dropping things|clumsy|really clumsy)",
            "i can('t| not) (swallow|speak|talk) (properly|)",
            "i (get|feel|got|'m getting) (an |)electric shock(s|) (down|through) my (spine|back|arms)",
            ("when i (bend|move) my (neck|head)( forward| down|) i get (an electric shock|"
             "electric shocks) down my (spine|back)"),
            "(it's|there's) like an electric shock (down|through) my (spine|back)",
            "(my face|the side of my face) (is|feels|has gone) numb",
            "i (keep|'ve been|have been|am|'m) seeing double",
            "i('m| am|'ve been| keep) seeing two of everything",
            "i (did |)(kind of |)(pass|passed|black|blacked) out( earlier| for a second| this morning|)",
            "(it's|it is) hard to swallow",
            "my (words are|speech is) (coming out |)(a bit |)(slurry|slurred)",
            "my (left |right |)(arm|hand)('s| has| is) (gone |)(a bit |)(weak and clumsy|clumsy)",
            "i keep dropping (things|stuff|my cup|my phone)",
            "my (hands|arms|fingers) (feel|are|have gone|'ve gone) (all |really |)(clumsy|weak and clumsy)",
        ),
    },
    "SEVERE_HEADACHE": {
        "names": expand("(a |)(severe|really bad|terrible|awful|splitting|pounding|bad|blinding) headache",
                        "(the |)worst headache (of my life|ever)"),
        "describing": expand(),
        "clauses": expand(
            ("i('ve| have) (got |)(a |)(severe|really bad|terrible|awful|splitting|pounding|bad|"
             "blinding) headache"),
            "my head('s| is) (pounding|splitting)",
            "(it's|this is) the worst headache (of my life|i've ever had)",
            ("i('ve| have) got a (horrendous|horrible|terrible|splitting|blinding|awful)"
             " headache( that (just |)"
             "won't (shift|go away)|)"),
            ("(i've got |)(a |the |)(really bad|severe|terrible|awful|worst) headache( of my life|"
             ") and (a stiff neck|my neck's stiff|my neck is stiff)"),
            "i('ve| have) got the worst headache (of my life|ever)",
        ),
    },
    "FEVER": {
        "names": expand("(a |)fever", "(a |)(high |)temperature", "(the |)chills", "(the |)shivers",
                        "(the |)sweats", "night sweats", "(a |)raised temperature"),
        "describing": expand("feverish", "shivery", "hot and cold", "hot and shivery", "unwell",
                             "(really |generally |)unwell", "ill", "poorly",
                             "(really |)poorly", "under the weather", "clammy", "sweaty"),
        "clauses": expand(
            "i('m| am|'ve been| have been) running a (temperature|fever|high temperature)",
            ("i('ve| have) (got|had|been having) (a |the |)(fever|temperature|high temperature|chills|"
             "shivers|sweats)"),
            ("i('m| am|'ve been| have been) (feeling |)(feverish|shivery|hot and cold|unwell|ill|poorly|"
             "really unwell|really poorly|sick|under the weather|really ill)( all over|)"),
            "i feel (feverish|shivery|hot and cold|unwell|ill|poorly|rough|awful|sick)( all over|)",
            "i('ve| have) been shivering",
            "i('ve| have) been (sweating|waking up sweaty)( at night|)", "i('m| am) (burning up|shivering)",
            ("i('ve| have) (got|had|been having) (the chills|the shivers|a temperature|a fever) and (a fever|"
             "a temperature|the shivers|the chills|the sweats)"),
            ("i('ve| have) been (all shivery|shivery|really crook|real crook) (and|with) "
             "(running a temperature|a temperature|a fever)"),
            "i (am|'m) having fever( and (body pain|body ache|body aches|chills)|)",
            "i('ve| have) got a (temp|temperature)", "i feel like death warmed up",
            "i('ve| have) (had|got) a (really |very |)high (fever|temperature)",
            "(i've been |)burning up all night",
            "(fever|a temperature) and (body (pain|ache|aches)|chills|the shivers)",
            f"i feel {HEDGES}(sick|feverish|hot and cold|shivery)( and achy| and (achy|sore) all over|)",
            "(fever|a temperature) is (also |)there( since (yesterday|two days|a few days)|)",
            "(i'm|i am|i've been|i have been) burning up( with a (fever|temperature)|)",
        ),
    },
    "CHEST_PAIN": {
        "names": expand("chest pain", "(a |)pain in my chest", "pains in my chest", "(a |)tight chest",
                        "chest tightness", "(a |)tightness in my chest",
                        "shortness of breath", "(short|out) of breath", "breathlessness", "chest pains",
                        "chest pressure"),
        "describing": expand("breathless", "short of breath"),
        "clauses": expand(
            "my chest (hurts|is tight|feels tight|is sore|is painful|feels heavy|is aching|aches)",
            "(i've got|i have|there's|i get) (a |)(pain|tightness|pressure) in my chest",
            "i can't (breathe|catch my breath)( properly|)",
            "i('m| am) (struggling|finding it hard) to breathe", "i('m| am) (short|out) of breath",
            "(it|the pain) (goes|comes|spreads) (right |)(through|round|into) (to |)(the front of |)my chest",
            "(i have|i've got) chest (pain|pains)",
            "(it's|it is) hard to breathe", "breathing (hurts|is hard)",
            "(the |)pain is (also |)coming (in|into) (the|my) chest( also| too|)",
            ("(there's|i've got|i feel) (a |)(squeezing|pressure|tightness|heaviness|crushing feeling) "
             "(in|on|across) my chest"),
            "my chest (feels|is|gets) (tight|heavy|squeezed|crushed)( when i (walk|move|breathe)|)",
            ("(i've had |i have |i've got |there's |)(a |this |)tight feeling (in|across) my chest"
             "( as well| too|)"),
            "(i'm |i am |i feel |)(a bit|bit) breathless",
            "(it feels like |)something('s| is) (squeezing|pressing on|sitting on) my chest",
            "(a |)(sort of |)heavy pressure in my chest( (that |)comes and goes|)",
            "(i'm getting|i've got|i have|there's) (this |a |)(pressure|crushing pain) in my chest( too|)",
            "(it's |it feels |)like (a|this) (heavy |)weight on my chest",
            "(a |)crushing (pain |)in my chest",
            "(it's |)(more of |)a crushing feeling( and i'm (a bit |)sweaty|)",
            "(my|the) chest is (also |)paining( also| too|)",
            "(i've got|i have|there's) (a |)pain in my chest (too|as well|also)",
            "(some |)pain is (also |)there in my chest", "(there's|there is) (this |a |)tight pain"
                                                         " in my chest( too|)",
        ),
    },
    "WEIGHT_LOSS": {
        "names": expand("weight loss", "(unexplained|unintended|sudden) weight loss",
                        "losing weight( without trying|)"),
        "describing": expand(),
        "clauses": expand(
            ("i('ve| have) (lost|been losing) (a lot of |some |)weight( without (trying|meaning to|dieting)|"
             " for no reason|)"),
            "i('m| am) losing weight( without (trying|meaning to|dieting)| for no reason|)",
            "i keep losing weight( (and|but) i('m| am) not (dieting|trying)|)",
            "my weight (is|has been) (dropping|going down|reducing)( on its own|)",
            "i('ve| have) dropped (a lot of |some |)weight", "(yeah |)lost weight",
            "(i've |)(dropped|lost) a (fair bit|lot|bit) of weight( without trying|)",

            "i('m| am) losing weight (also |)without (any |)(dieting|trying)",
            ("i('ve| have) (dropped|lost) (about |nearly |)(five|six|eight|ten|fifteen|a few|heaps of) "
             "(pounds|kilos)( without trying|)"),
            "(i |)dropped like (five|ten|fifteen|twenty) (pounds|kilos)( without trying|)",
        ),
    },
    "CANCER_HISTORY": {
        "names": expand("(a |)(history|past history) of cancer", "cancer",
                        "(breast|prostate|lung|bowel|skin|kidney) cancer"),
        "describing": expand(),
        "clauses": expand(
            "i('ve| have) (had|got) (cancer|(breast|prostate|lung|bowel|skin) cancer)( before|)",
            "i had (cancer|(breast|prostate|lung|bowel|skin) cancer)( before|)",
            "i('m| am) a cancer (survivor|patient)",
            "i (was|have been|'ve been) treated for (cancer|(breast|prostate|lung|bowel|skin) cancer)",
            "i (have|'ve got|had) a history of cancer",
            "i('m| am) (having|on) (chemo|chemotherapy|cancer treatment)",
            "i('m| am) a (cancer|breast cancer|prostate cancer|bowel cancer) survivor",
            "i (went through|had|have had|'ve had) (chemo|chemotherapy|radiotherapy|cancer treatment)",
            "i (had|'ve had) (cancer|(breast|prostate|bowel) cancer) (a few|two|five|ten) years (ago|back)",
            "(but |)i did have cancer( years ago| a few years ago| before|)( it's all clear now|)",
        ),
    },
    "NIGHT_PAIN": {
        "names": expand("night pain", "pain at night", "(pain|it) (that |)(wakes me up|wakes me) at night"),
        "describing": expand("worse at night"),
        "clauses": expand(
            "it (wakes me|wakes me up|keeps me awake|stops me sleeping)( at night| in the night|)",
            "(it's|it is|the pain is|the pain's) (always |much |)worse at night",
            ("it (doesn't|does not|won't) (ease|ease off|settle|go away|get better) (when|if) i (rest|"
             "lie still|lie down)"),
            "(resting|rest|lying still) (doesn't|does not) (help|ease it|make it better)",
            "it('s| is) (bad|worse|terrible) at night",
            "i can't sleep (because of|with) (it|the pain)",
            "it hurts (all night|at night|even at rest|when i('m| am) resting)",
            "(the pain|it) wakes me (up |)(every night|at night|most nights)( no matter how i lie|)",
            "(it|the pain) (doesn't|does not|won't) (ease|settle|stop) (no matter|whatever) (how"
            "|what) i (lie|do)",
            "i can't (sleep|get comfortable) (for the pain|because of the pain|no matter how i lie)",
            "it keeps me (up|awake) (all night|at night)( even (when i'm|when i am) lying still|)",
            "i keep waking up (at night|in the night|every night)( with (it|the pain)|)",
            "(the pain is|it's|it is) waking me (up |)(at night|in the night|every night)",
            "i('m| am) not able to sleep( because of (it|the pain)|)",
            "(it's|it is) (worst|at its worst) at night", "nothing eases it( even lying (still|dead still)|)",
        ),
    },
    "COUGH_SNEEZE": {
        "names": expand("pain when i (cough|sneeze)"),
        "describing": expand(),
        "clauses": expand(
            ("(it('s| is)|it gets) (worse|more painful|agony|really bad) when i (cough|sneeze|"
             "cough or sneeze|sneeze or cough)"),
            "it (really |)hurts (more |)(when|if) i (cough|sneeze|cough or sneeze|sneeze or cough)",
            "(coughing|sneezing) (is agony|makes it worse|really hurts|hurts)",
            "it hurts (more |)(to|when i) (cough|sneeze)",
            "(every time|whenever|when) i (cough|sneeze|cough or sneeze) (it's|it is|the pain is)"
            " (like a knife|agony|"
            "(way |much |)worse|very bad|becoming very bad)",
            "(it's|it gets|the pain is) (way|much|a lot) worse (every time|when|whenever) i (cough|sneeze)",
        ),
    },
    "LUMP": {
        "names": expand("(a |)lump( on my back| on my spine|)",
                        "(a |)bump (on|sticking out of) my (back|spine)"),
        "describing": expand(),
        "clauses": expand(
            ("(there's|i've got|i have|i've found|i found|i can feel) a (lump|bump) (on|in) my (back|spine|"
             "lower back|neck)"),
            ("(there's|i've got|i have|i've found|i found|i can feel) a (lump|bump)( sticking out| there|"
             ")( of my (back|spine)|)"),
            "my (back|spine) (looks|is|has) (a different shape|changed shape|crooked|bent)",
            "my back('s| has) changed shape", "my back('s| has) gone a (funny|weird|strange|different) shape",
            "(there's|there is) a (new |weird |)(lump|bump) (on|in) my (back|upper back|lower back|neck)",
        ),
    },
    "COLD_ARM": {
        "names": expand("(a |)cold (arm|hand)", "(an |)arm that (feels|is) cold"),
        "describing": expand(),
        "clauses": expand(
            ("(my|one of my) (arm|arms|hand|left arm|right arm)('s| is| feels| has gone| went|'s gone) (cold|"
             "colder|pale|cold and pale|white)"),
            "my (left|right) (arm|hand) is colder than the other( one|)",
        ),
    },
    "UNSTEADY": {
        "names": expand("unsteadiness", "(a |)band of pain (around|round) my (trunk|body|chest|middle)"),
        "describing": expand("unsteady", "unsteady on my feet", "wobbly on my feet", "off balance"),
        "clauses": expand(
            ("i('m| am|'ve been| have been| feel) (unsteady|wobbly|off balance)( on my feet|)( when(ever|"
             ") i (stand up|walk|get up)|)"),
            "i keep losing my balance",
            ("(there's|i have|i've got|it's like) a (tight |)band (of pain |)(wrapped |)(right |)(around|"
             "round) my (trunk|body|chest|middle)"),
            "my walking (has changed|is different|is unsteady)", "i('m| am) walking differently",
        ),
    },
    "INFECTION_RISK": {
        "names": expand("(a |)(weak|weakened|low|compromised) immune system", "hiv", "(a |)transplant"),
        "describing": expand("immunocompromised", "immunosuppressed"),
        "clauses": expand(
            "i (inject|use|have injected|used to inject) drugs",
            ("i('m| am) on (immune suppressants|immunosuppressants|immunosuppressant (medication|drugs|"
             "tablets))"),
            "i (have|'ve got) (a |)(weak|weakened|low|compromised) immune system",
            "i (have|'ve got|am) hiv( positive|)",
            "i (had|'ve had|have had) (a |an |)(kidney |liver |heart |organ |)transplant",
            "my (immunity|immune system) is (very |really |)(low|weak)",
            ("(i'm|i am) on (heaps of |lots of |)(immunosuppressants|immune suppressants|anti rejection "
             "(drugs|medication))"
             "( after (a|my) (kidney|liver) transplant|)"),
        ),
    },
}
# A cold arm, a lump and so on are warning signs wherever they are said; "numb bum" is the saddle area.
SYMPTOM_LOCALE: dict[str, dict[str, list[str]]] = {
    GB: {"SADDLE_NUMBNESS": expand("(a |)numb bum", "my bum('s| is| has|'s gone| has gone| went|) numb"),
         "BLADDER_BOWEL": expand("(trouble|problems) weeing", "i can't wee"),
         "WEIGHT_LOSS": expand("i('ve| have) (lost|dropped) (nearly |about |over |)(a stone|half a stone|"
                               "two stone)( without trying|)"),
         "FEVER": expand("i('m| am|'ve been) feeling (rough|rotten)")},
    AU: {"SADDLE_NUMBNESS": expand("(a |)numb bum", "my bum('s| is| has|'s gone| has gone| went|) numb"),
         "STIFFNESS": expand("(stiff|tight) as( a board|)", "(it's |)(stiff|tight) as"),
         # "my back's crook" is a bad back, not a fever: only feeling crook is
         "FEVER": expand("(i'm|i feel|i've been feeling|feeling) (crook|crook all over)", "crook all over")},
    IN: {"BLADDER_BOWEL": expand("i('m| am) not able to pass (urine|motion)",
                                 "(motion|stools) (is|are) not (coming|passing)( properly|)"),
         "SPASM": expand("(a |)catch", "i (have|got) a catch")},
    CA: {"BLADDER_BOWEL": expand("i didn't (realize|notice) i needed the washroom")},
}
# Said before a symptom's name or describing word; the result is the symptom itself.
HAVE = expand("", "(some|a bit of|a little)", "i've got( some|)", "there's( some|)",
              "i( have|'ve had| get| keep getting|'m getting|'m having| am having)",
              "(also|plus|with)", "i've (been having|noticed)")
BE = expand("", "it's", "it is", "it feels", "it's (really|a bit|so|gone)", "(really|a bit|so)",
            "i('m| feel)")
# Only a symptom's first few names and describing words go into every frame; the rest stand alone.
FRAMED = 3

def symptom_words(locale: str) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for value_id, parts in SYMPTOMS.items():
        found = [parts["names"][0]]  # the value's name: the plain word first
        found += [f"{h} {name}".strip() for name in parts["names"][:FRAMED] for h in HAVE
                 if not (name.startswith(("a ", "an ")) and h.split()[-1:] in (["some"], ["of"], ["little"]))]
        found += parts["names"]
        found += ([f"{b} {word}".strip() for word in parts["describing"][:FRAMED] for b in BE]
                  + parts["describing"])
        found += parts["clauses"] + SYMPTOM_LOCALE.get(locale, {}).get(value_id, [])
        words[value_id] = unique(found)
    return words


def negatable(locale: str) -> tuple[list[str], list[str]]:
    """Symptom names and describing words that "no ..." / "not ..." can negate."""
    names, describing = [], []
    for parts in SYMPTOMS.values():
        names += [n for n in parts["names"] if not n.startswith(("a ", "an ", "the ", "no ", "some "))]
        describing += [d for d in parts["describing"]
                       if " " not in d or d in ("short of breath", "in spasm", "on fire")]
    return unique(names), unique(describing)


# ---------------------------------------------------------------------------------------------
# Condition, Modality, Outcome, HoldChange
# ---------------------------------------------------------------------------------------------
HAVE_CONDITION = expand("i('ve got| have| have got| suffer from| suffer with| was diagnosed with|"
                        "'ve been diagnosed with)")
CONDITIONS: dict[str, list[str]] = {
    "HERNIATED_DISC": expand(
        "(a |my |)(herniated|slipped|bulging|prolapsed|ruptured|slip|protruding|torn) (disc|disk)",
        "(a |)(disc|disk) (herniation|bulge|prolapse|problem)",
        "(disc|disk) (problems|issues|trouble)", "(i |)slipped a (disc|disk)",
        "i('ve| have) slipped a (disc|disk)",
        "(a |)bad disc", "(a |)(disc|disk) (out|that's out)",
        "i (have|'ve got|am having|had) (a |)(slipped|slip|herniated|bulging|prolapsed) (disc|disk)",
    ),
    "SCIATICA": expand("sciatica", "(my |)sciatic (nerve|nerve pain|pain)", "(a |)trapped (sciatic |)nerve",
                       "(a |)pinched nerve",
                       "(my |)sciatica", "i (have|'ve got|get|suffer from|suffer with) sciatica"),
    "ARTHRITIS": expand(
        "arthritis", "osteoarthritis", "degenerative (disc|disk) disease", "spinal stenosis", "spondylosis",
        "(spinal|back|neck) arthritis", "arthritis in my (spine|back|neck)",
        "(spondylosis|spinal stenosis|stenosis|facet joint arthritis|ankylosing spondylitis|spondylitis)",
        "wear and tear",
        "(worn|degenerated|degenerative) (discs|disks|joints)", "(my |)(osteo|)arthritis",
    ),
    "WHIPLASH": expand("whiplash", "(a |)whiplash injury", "(my |)whiplash",
                       "i (got|have|had|'ve got) whiplash"),
    "OSTEOPOROSIS": expand(
        "osteoporosis", "(brittle|thin|weak|fragile) bones", "my bones are (thin|brittle|weak|fragile)",
        "(my doctor|the doctor) (says|said|told me) my bones are (thin|brittle|weak|fragile)",
        "i (have|'ve got) (osteoporosis|brittle bones|thin bones)",
        "i (take|'m on|am on) (tablets|medicine|medication|pills) for my bones",
        "(bone|osteoporosis) (tablets|medicine)",
    ),
    "LONG_TERM_STEROIDS": expand(
        "(long term |)steroids", "(steroid|prednisone|prednisolone) (tablets|treatment|medication)",
        ("i('m| am|'ve been| have been) (on|taking) (steroids|prednisone|prednisolone|"
         "steroid tablets)( for (a long time|years|months|ages)| long term|)"),
        "i take (steroids|prednisone|prednisolone)( every day| daily|)", "(years|months) of steroids",
    ),
}
CONDITION_LOCALE: dict[str, dict[str, list[str]]] = {
    GB: {"HERNIATED_DISC": ["a slipped disc"], "ARTHRITIS": []},
    IN: {"HERNIATED_DISC": expand("(a |)slip disc", "i (am having|have) (a |)slip disc")},
}

MODALITIES: dict[str, list[str]] = {
    "HEAT": expand(
        "heat", "(some|the|dry) heat", "(a|the|my) (heat|hot|wheat|microwave) (pack|bag|wrap|patch|pad)",
        "(heat|hot) (pack|packs|wrap|patch|pads)",
        "(a|the|my) (heating|heat) pad", "heating pad", "heating pads",
        "(a|the|my) (hot water bottle|electric blanket|heated blanket)",
        "hot water bottle", "warmth", "(something|anything) (warm|hot)", "warm", "hot", "a sauna",
        "(a|the|my) heat lamp",
        "heat therapy", "(a|the) heated pad", "heat rub", "(a|the) (deep heat|heat) (cream|rub)",
    ),
    "ICE": expand(
        "ice", "(some|the) ice", "(an|the|my) (ice pack|ice bag|ice pad)", "ice (pack|packs|bag)", "cold",
        "(the|something|some) cold",
        "(a|the|my) (cold pack|cold compress|gel pack|cold gel pack|frozen gel pack)",
        "(cold pack|cold compress|gel pack)",
        "(a bag of |the |some |)(frozen peas|frozen veg|frozen vegetables|peas)",
        "(a|the) bag of (peas|ice|frozen peas)",
        "(some |)ice cubes", "(an|the) ice (wrap|massage)", "cold therapy", "(a |)cold (towel|flannel|cloth)",
        "(something|anything) (cold|frozen)",
        "icing", "ice it",
    ),
    "MOIST_HEAT": expand(
        "moist heat", "wet heat",
        "(a|the|my) (warm|hot) (shower|bath|towel|damp towel|wet towel|flannel|compress|soak|tub)",
        "(a|the|my) (shower|bath|damp towel|wet towel|hot tub|jacuzzi|spa|steam room)",
        "(shower|bath|steam|hot tub)",
        "(a|the) (moist heat pack|moist heat pad|moist heating pad)",
        "(warm|hot) (shower|bath|towel|damp towel|compress)",
        "(a|the) (warm|hot) damp (towel|cloth|flannel)", "a soak in the bath", "(a |)(warm|hot) soak",
    ),
}
MODALITY_LOCALE: dict[str, dict[str, list[str]]] = {
    GB: {"HEAT": expand("(a |the |my |)wheat bag", "(a |the |my |)heat bag")},
    AU: {"HEAT": expand("(a |the |my |)wheat bag", "(a |the |my |)heat bag")},
    CA: {"HEAT": expand("(a |the |my |)magic bag")},
    IN: {"HEAT": expand("(a |the |my |)hot water bag", "(a |the |)hot water bag"),
         "MOIST_HEAT": expand("(hot |)fomentation", "(a |)hot water (bath|fomentation)")},
}

OUTCOMES: dict[str, list[str]] = {
    "BETTER": expand(
        "better",
        ("(a lot|much|a bit|a little|a little bit|slightly|somewhat|way|so much|loads|lots|far|heaps|even|"
         "definitely|really) better"),
        ("(it's|it is|it feels|that feels|i feel|i'm feeling|it's feeling|feeling|feels|it felt) (a lot |"
         "much |a bit |a little |slightly |way |so much |loads |lots |far |)better"),
        "good", "great", "really good", "nice", "lovely",
        "(it|that|this) (really |definitely |)(helped|worked)( a lot| loads| lots| heaps| a bit| a little|)",
        "(really |definitely |)(helped|worked)( a lot| loads| lots| heaps| a bit| a little|)",
        "(it |that |)did the trick", "(it|that)('s| has) (helped|done the trick|worked)",
        ("(eased|relieved|loosened|settled|calmed) (it|things|the pain)( off| up| down|)( a lot| a bit|"
         " right up|)"),
        "(it |the pain |)(eased|settled|calmed) (off|down)( a lot| a bit|)", "(less|not as much) pain",
        "(less|not as|not so) (sore|stiff|tight)",
        "(easier|looser|more relaxed)",
        "(it's|it is|it feels) (easier|looser|less sore|less stiff|less painful)",
        "(much |a lot |)less painful",
        "the pain('s| is| has) (gone|eased|reduced|gone down)", "(the pain has |it has |)(reduced|gone down)",
        "made a (big |real |)difference",
        "it made a (big |real |)difference", "(it |)(made|makes) it (better|feel better)", "so much better",
        "brilliant", "fantastic", "amazing",
    ),
    "SAME": expand(
        "(the |)same",
        "(about|pretty much|much|more or less|roughly|just|exactly|kind of|basically) the same( as before|)",
        "the same as before",
        ("(it's|it is|it feels|i feel|feels) (about |pretty much |much |more or less |just |exactly |still |"
         ")the same( as before|)"),
        "no (change|difference|different|better)", "no real (change|difference)", "nothing('s| has|) changed",
        "(nothing|not much|no) different",
        ("(it |that |)(didn't|did not) (help|do anything|do much|make (a|any|much) difference|"
         "change (anything|much)|work|really help)"),
        "(didn't|did not) (help|do anything|do much|change anything|work)",
        "(it |that |)did nothing( for it|)", "nothing (for it|at all|for me|much)",
        "(it |)(hasn't|has not) (helped|changed|done anything)",
        "(not much|not really any|no) (different|better)", "(it's |)(neither|no) better (nor|or) worse",
        "no better no worse", "(it's |)still (sore|hurting|stiff)",
        "(not much|no) (change|difference)",
        ("(help much|help at all|really help|do anything|do much|change anything|make a difference|"
         "make any difference)"),
    ),
    "WORSE": expand(
        "worse", "(a lot|much|a bit|a little|slightly|way|loads|heaps|even|far) worse",
        ("(it's|it is|it feels|i feel|feels|it felt|it got|it's got|it's gotten) (a lot |much |a bit |"
         "a little |slightly |way |even |)worse( now| than before|)"),
        "worse than before", "(it |that |)(made|makes) it (worse|more painful|hurt more)",
        "(it |)(hurts|hurt|is hurting|'s hurting) more( now|)",
        "(it's|it is) (more painful|more sore|sorer|stiffer)( now|)",
        "(more painful|more sore|stiffer|sorer)", "(in|i'm in) more pain",
        "not good", "bad", "terrible", "awful", "(it |)(aggravated|irritated|inflamed) it",
        "(a lot|much|a bit) more painful",
        # said in a stretch: the stretch hurts
        "(ouch|ow|ow ow)", "(ow |ouch |)that (really |)(hurts|hurt)", "that's (too |really |)painful",
        "(that|it) pinches( a bit|)",
    ),
}
OUTCOME_LOCALE: dict[str, dict[str, list[str]]] = {
    GB: {"BETTER": expand("(loads|a load|miles) better", "(it's |it has |)done the trick"),
         "WORSE": expand("(loads|a load) worse")},
    AU: {"BETTER": expand("heaps (better|good)", "(it's |it has |)done the trick", "(much |)better mate"),
         "WORSE": expand("heaps worse")},
    US: {"BETTER": expand("awesome", "way better")},
    CA: {"BETTER": expand("awesome", "(lots|way) better", "helped lots")},
    IN: {"BETTER": expand("(i |)got (some |)relief", "relief",
                          "(the |)pain (has |)(reduced|decreased)( a lot|)"),
         "SAME": expand("(pain is |it is |)same only", "no relief", "(the pain is |it is |)same")},
}
HOLD_CHANGES: dict[str, list[str]] = {
    "LONGER": expand("longer", "(a bit|a little|much|a lot|even|quite a bit|a little bit) longer",
                     "more time", "(a |)longer (hold|holds)",
                     ("(increase|lengthen|extend) (it|them|the hold|the holds|the hold time|"
                      "the holding time)")),
    "SHORTER": expand("shorter", "(a bit|a little|much|a lot|even|quite a bit|a little bit) shorter",
                      "less time", "quicker", "(a |)shorter (hold|holds)",
                      ("(reduce|shorten|cut|decrease) (it|them|the hold|the holds|the hold time|"
                       "the holding time)( down|)( a bit|)"),
                      "(cut|bring) (the holds|them|it) down( a bit|)"),
}


def slot_types(locale: str) -> dict[str, dict[str, list[str]]]:
    """Every custom slot type of a locale: type -> value id -> words (the first word is the value's name)."""
    types: dict[str, dict[str, list[str]]] = {
        "PainLocation": {value_id: place_words(locale, value_id) for value_id in PLACE_NAMES},
        "Onset": onset_words(locale),
        "Cause": cause_words(locale),
        "Symptom": symptom_words(locale),
        "Condition": {v: unique(w + [f"{h} {n}" for n in w[:2 * FRAMED] for h in HAVE_CONDITION]
                                + CONDITION_LOCALE.get(locale, {}).get(v, []))
                      for v, w in CONDITIONS.items()},
        "Modality": {v: unique(w + MODALITY_LOCALE.get(locale, {}).get(v, []))
                     for v, w in MODALITIES.items()},
        "Outcome": {v: unique(w + OUTCOME_LOCALE.get(locale, {}).get(v, [])) for v, w in OUTCOMES.items()},
        "HoldChange": {v: unique(w) for v, w in HOLD_CHANGES.items()},
    }
    return {type_name: {v: [w for w in words if not _says_twice(w) and _said_in(locale, w)]
                        for v, words in values.items()}
            for type_name, values in types.items()}


# "Me back", "me legs": how a body is "mine" in Australia and much of Britain, nowhere else.
_ME_FOR_MY = re.compile(r"\bme (bum|bottom|backside|groin|legs?|privates|private|crotch|butt|back|neck|arms?|"
                        r"foot|feet|shoulder blades|lower back|upper back)\b")


def _said_in(locale: str, words: str) -> bool:
    return locale in (AU, GB) or not _ME_FOR_MY.search(words)


def _says_twice(words: str) -> bool:
    """Combined phrases that repeat themselves ("between my legs and between my legs") are nobody's words."""
    said = words.split()
    runs = [" ".join(said[i:i + 3]) for i in range(len(said) - 2)]
    return len(runs) != len(set(runs))


# ---------------------------------------------------------------------------------------------
# Intents
# ---------------------------------------------------------------------------------------------
HEAT_OR_ICE = "(heat or ice|ice or heat|heat or cold|hot or cold|cold or heat)"
# Small words said before and after a whole answer.
LEAD_INS = expand("(um|uh|erm|hmm|well|so|oh|okay|right|actually|i think|probably|maybe|i reckon|and|also|"
                  "oh and|plus|but|yes|yeah|just)")
TAGS = expand("(too|as well|also|now|though|actually|i think|please|thanks|mate|eh|really|again|i'm afraid|"
              "at the moment|to be honest)")
# What may stand between two clauses of one sentence, by the slot that follows.
JOINS: dict[str, list[str]] = {
    "location": expand("(and|and now|now|but|so|and it's|it's|in|on|down|into|around|across|between|through|"
                       "at|from|since|after|when)"),
    "onset": expand("(and|since|for|from|ever since|about|starting)",
                    "(and |)(it|this|the pain) (started|began)", "(and |)it's been"),
    "cause": expand("(and|since|after|when|while|because|from|as|ever since|but|so|because of|in)",
                    "(and |)(it was|it happened|i did it)( when| while| after|)"),
    "symptom": expand("(and|and now|now|but|also|and also|plus|so|with|and it's|it's|and it|it|and i|and i'm|"
                      "and i've got|and i have|which|and there's|there's|and it's so|it's so|and sometimes)"),
    "condition": expand("(and|because of|from|with|due to|it's|i think it's|because|since|and it's|"
                        "and i have|and i've got)"),
    "preference": expand("(and|but|so|with|using)",
                         "(and |)i'd (like|prefer|rather) (to use|to try|use|have|)",
                         "(and |)i('ve got| have| only have| usually use| want to use)",
                         "(and |)(can|should) i (use|try)", "(and |)will (that|it) (help|work)"),
    "otherSymptom": expand("(and|and also|also|plus|with|and now|and it's|but|and it keeps|and i've got|"
                           "as well as|or|and i have|and it|and sometimes|i think it's|i think|maybe|"
                           "probably)"),
}
ADJACENT_SLOTS = ("location", "onset", "cause", "symptom")
# Slot order for two and three clauses.
CLAUSE_SLOTS = ("location", "onset", "cause", "symptom", "condition", "preference")
TRIPLE_SLOTS = ("location", "onset", "cause", "symptom")
TRIPLE_JOINS = {
    "location": ["and", "in"], "onset": ["since", "for"], "cause": ["after", "when", "since", "and", "in",
                                                                    "ever since"],
    "symptom": ["and", "and now"],
}
SINGLE_LEADS: dict[str, list[str]] = {
    "location": expand("(it's|mainly|mostly|it's mainly|it's sort of|sort of|just|the pain is|it hurts|"
                       "it's in|it's all|right|"
                       "around|in|it's at|it's on|it's the)"),
    "onset": expand("(it started|it began|it happened|it came on|started|since|i'd say|it's been|"
                    "it's been going on|it's been like this|"
                    "i've had it|the pain started|it first started|maybe|probably|i think|roughly)"),
    "cause": expand("(i reckon|it was|i think it was|it happened|i did it|i hurt it|i think i did it|"
                    "i hurt myself|it happened when|"
                    "it started when|it started after|it was when|i think it was when|from|after|when|while|"
                    "i reckon i did it|reckon i did it)"),
    "symptom": expand("(yes i|yes and|yeah and|well)"),
    "condition": expand("(i have|i've got|i was diagnosed with|i've been diagnosed with|"
                        "my doctor says i have|my doctor said it's|it's|"
                        "i think it's|i suffer from|it's my)"),
    "preference": expand("(i'd like|i'd prefer|i prefer|i like|i'd rather|i'd rather use|i'd rather have|"
                         "i'd like to use|i'd like to try|"
                         "i want|i want to use|can i use|should i use|i usually use|i have|i've got|"
                         "i only have|let's go with|"
                         "i'll go with|i'll have|how about|what about|would|is)"),
}
SINGLE_TAGS: dict[str, list[str]] = {
    "preference": expand("(please|sounds nice|sounds good|usually helps|works best for me|can i use that|"
                         "i guess|i suppose|probably|maybe|"
                         "can i use it|will that work|"
                         "is that okay|is that ok|then)"),
    "onset": expand("(or so|or something)"),
}
QUESTION = expand(
    f"(should|do|can) i (use|put|try) {HEAT_OR_ICE}( on it|)", f"(is|would) {HEAT_OR_ICE} (be |)better",
    f"(which is|what's) better {HEAT_OR_ICE}",
    f"{HEAT_OR_ICE}", f"(what|which) (should i use|do i use|to do|is best) {HEAT_OR_ICE}",
    f"which one (should i use|do i use|is best|is better) {HEAT_OR_ICE}", f"(do|should) i need {HEAT_OR_ICE}",
    f"{HEAT_OR_ICE} (which is better|what's better|what should i use|which one)",
    "(what|which one) should i use",
    "what should i (do|put on it)", "what do you (recommend|think i should do|think i should use)",
    "what would you recommend",
    "(give me|i need|i want|i'd like) (some |)advice", "help me (choose|decide)",
    "i'm (in pain|hurting|in agony|in a lot of pain)",
    "it hurts", "i've hurt myself", "which one (should i use|is better|do i use)",
    ("should i use a (heat pack|hot pack|heating pad|hot water bottle) or (an ice pack|a cold pack|ice|"
     "frozen peas|a bag of frozen peas)"),
    "(should i|do i) (ice it|heat it|ice it or heat it|heat it or ice it)",
)
# The questions that name what hurts; the first ones are also asked with two slots side by side.
QUESTION_ABOUT = [
    f"(should|do|can) i (use|put) {HEAT_OR_ICE} (on|for) #", f"{HEAT_OR_ICE} for #",
    f"(is|would) {HEAT_OR_ICE} (be |)better for #",
    f"(what's|which is) (better|best) for # {HEAT_OR_ICE}",
]
QUESTION_WITH: list[str] = expand(
    *QUESTION_ABOUT, f"# {HEAT_OR_ICE}", f"# (should i use|what should i use) {HEAT_OR_ICE}",
    "(what|which) should i (use|put) (on|for) #", "what's (best|good|better) for #",
    "what do you recommend for #",
    "what (can|should) i do (about|for) #", "# what should i (use|do)", "# what do i do",
    "# (any advice|what can i do)",
    "(i need|i'd like) (some |)advice (about|on|for) #",
    "(good morning|hi|hello|hey) i need (some |)advice (about|on|for) #",
    "(can|could) you help (me |)with #", "i('m| am) lying on the floor with #( what should i do|)",
)
def recommend_samples(locale: str) -> list[str]:
    samples = list(QUESTION)
    for target in ("location", "symptom", "condition"):
        samples += [q.replace("#", f"{{{target}}}") for q in QUESTION_WITH]
    # Slots side by side: Alexa splits "a stiff neck" or "my back lifting a box yesterday" itself (a strict
    # matcher cannot; every one of these has a twin with words between its slots).
    samples += expand(*(q.replace("#", "(a |my |)({symptom} {location}|{condition} {location})")
                        for q in QUESTION_ABOUT))
    for first in ADJACENT_SLOTS:
        for second in ADJACENT_SLOTS:
            if first != second:
                samples.append(f"{{{first}}} {{{second}}}")
                samples += [f"{{{first}}} {{{second}}} {join} {{{third}}}"
                            for third in ADJACENT_SLOTS if third not in (first, second)
                            for join in TRIPLE_JOINS.get(third, ["and"])[:2]]
                samples += [f"{{{first}}} {join} {{{second}}} {{{third}}}"
                            for third in ADJACENT_SLOTS if third not in (first, second)
                            for join in TRIPLE_JOINS.get(second, ["and"])[:2]]
                samples += [f"{{{first}}} {{{second}}} {{{third}}}"
                            for third in ADJACENT_SLOTS if third not in (first, second)]
    for slot in CLAUSE_SLOTS:
        samples.append(f"{{{slot}}}")
        samples += [f"{lead} {{{slot}}}" for lead in LEAD_INS + SINGLE_LEADS.get(slot, [])]
        samples += [f"{{{slot}}} {tag}" for tag in TAGS + SINGLE_TAGS.get(slot, [])]
    for first in CLAUSE_SLOTS:
        for second in CLAUSE_SLOTS:
            if first != second:
                samples += [f"{{{first}}} {join} {{{second}}}" for join in JOINS[second]]
    samples += [f"{{symptom}} {join} {{otherSymptom}}" for join in JOINS["otherSymptom"]]
    for first in TRIPLE_SLOTS:
        for second in TRIPLE_SLOTS:
            for third in TRIPLE_SLOTS:
                if len({first, second, third}) == 3:
                    samples += [
                        f"{{{first}}} {a} {{{second}}} {b} {{{third}}}"
                        for a in TRIPLE_JOINS[second] for b in TRIPLE_JOINS[third]
                    ]
    samples += expand(
        ("(i only have|i've only got|i've got|i have|i've just got) {preference} (will|would|can|could|"
         "is) (that|it) (work|help|be okay|be ok|be good|do) (for|on) {location}"),
        "(would|will|does|could|can) {preference} help {location}",
        "(can|could|should|may) i (use|put|try) {preference} (on|for) {location}",
        "(is|would) {preference} (okay|ok|good|alright|fine|better) for {location}",
        "{preference} (on|for) {location}( please|)",
        "(i'd like|i want|i'd prefer|i'd rather|i'd love) to (use|try|put) {preference} (on|for) {location}",
        "(i've got|i have) {condition} in {location}", "(i've got|i have|there's) {symptom} in {location}",
        ("my {condition} (has flared up|is flaring up|flared up|is playing up|is acting up|is bad|"
         "is bothering me)( again|)"),
    )
    samples += [f"{filler} {lead} {{{slot}}}" for slot in ("location", "onset", "cause")
                for filler in FILLERS for lead in SINGLE_LEADS[slot]]
    # "I've got pins and needles in my bum": the symptom said whole, not split into a tingle and a place
    samples += expand("(i've got|i have|there's) {symptom}")
    samples += ([f"{lead} {{symptom}}" for lead in SYMPTOM_LEADS]
                + [f"{{symptom}} {tail}" for tail in SYMPTOM_TAILS])
    samples += [f"{{{slot}}} {closer}" for slot in ("location", "symptom", "condition", "preference")
                for closer in CLOSERS]
    # "my neck is stiff", "my knee is swollen what should i use": a place and how it feels, joined by a verb
    samples += [f"my {{location}} {verb} {{symptom}}" for verb in FEELS]
    samples += [f"my {{location}} {verb} {{symptom}} {closer}" for verb in ("is", "'s", "feels")
                for closer in CLOSERS]
    samples += expand(("i can('t| barely| hardly) (move|turn|bend) my {location}( it's so| it's really| it's|"
                       " because it's| it's too) {symptom}"),
                      ("when i (bend|move|turn|tilt) my {location}( forward| down| back| round) (i get|"
                       "there's|i feel) {symptom}"))
    # "my lower back has been aching for six months and ...": the place, a pain word, then when and why
    for pred in PAIN_WORDS:
        samples.append(f"my {{location}} {pred} {{onset}}")
        samples += [f"my {{location}} {pred} {{onset}} {join} {{{third}}}" for third in ("cause", "symptom")
                    for join in TRIPLE_JOINS[third]]
        samples += [f"my {{location}} {pred} {join} {{cause}}"
                    for join in ("since", "after", "ever since", "because", "from")]
        samples += [f"my {{location}} {pred} and {{symptom}}", f"my {{location}} {pred} and now {{symptom}}"]
    # When said first, as a whole sentence starts: "for the last week my neck has been sore", "since two days
    # my back is paining", "one month back I fell from my scooter", "since a year I'm having back pain".
    for pred in PAIN_WORDS:
        samples.append(f"{{onset}} my {{location}} {pred}")
        samples += [f"{{onset}} my {{location}} {pred} {join} {{cause}}"
                    for join in ("after", "since", "because", "from", "when")]
        samples += [f"{{onset}} my {{location}} {pred} and {{symptom}}"]
    samples += expand("{onset} (my|i have|i've got|i've had|i am having|i'm having|i have been having|"
                      "i've been having|i've been getting|there's been|i get) {location}",
                      "{onset} (my|i have|i've got|i've had|i am having|i'm having|i've been having) "
                      "(a |)(pain|pains|an ache|a twinge) in {location}",
                      "{onset} i {cause}", "{onset} i {cause} and (now |)(hurt|injured|did) {location}",
                      "{onset} {location} (is|has been|'s been|was) {symptom}")
    # Four clauses in the order a story is told: where, since when, why, and how it feels or what they'd like.
    samples += expand(
        "{location} (since|for) {onset} (for|and|after|when|since) {cause} (and|and now) {symptom}",
        ("{location} (since|for) {onset} (for|and|after|when|since) {cause} (and|and i'd (like|prefer|"
         "rather) (to use|use|have|)) {preference}"),
        "my {location} (has been|'s been|is|'s) {symptom} (for|since) {onset} (and|but) {cause}",
    )
    samples += expand("my {location} (has been|'s been|is|'s|was|felt|has felt) {symptom} (since"
                      "|for) {onset}",
                      "my {location} (has been|'s been|is|'s) {symptom} (since|after|ever since"
                      "|from) {cause}",
                      "{cause} and (felt|i felt) (something|it) (go|pop|give|twinge|click|snap) in"
                      " {location}",
                      "{cause} and (now |)(hurt|put out|did in|tweaked|pulled|wrenched) {location}",
                      "{cause} and now {location}")
    # "I woke up with a stiff neck", "my neck has been stiff since I woke up": waking up with it says
    # where, and that nothing set it off (8.5)
    samples += expand("{cause} (a|my|this) {symptom} {location}",
                      "my {location} (has been|'s been|is|'s|was|felt) {symptom} since i {cause}")
    # "I hurt my back lifting a box", "I pulled my neck at the gym": the doing word said in the sentence
    samples += [f"{{location}} {verb} {{cause}}" for verb in CAUSE_VERBS + LOCALE_CAUSE_VERBS.get(locale, [])]
    samples += [_tidy(f"{{location}} {verb} {{cause}} {tail}")
                for verb in ["lifting", "carrying", "at", "playing", ""] + LOCALE_CAUSE_VERBS.get(locale, [])
                for tail in JOB_TAILS.get(locale, [])]
    samples += [f"{{cause}} {tail}" for tail in JOB_TAILS.get(locale, [])]
    samples += expand(
        "my {condition}('s| is| has| has been|'s been) {onset}",
        "my {condition}('s| is| has) {onset} (and now|and|now) {symptom}",
        ("my {condition} (from|since) {onset} (still hurts|is still (bothering me|sore|bad|hurting|"
         "playing up))"),
        "{condition} in {location} (and it's|it's|and it is) (aching|sore|hurting|painful|killing me|bad)",
        "{symptom} (in|on) {location} (and it's|it's|and it is) (aching|sore|hurting|painful|tender)",
        "my {location}('s| has| is) {onset}",
        ("(i've got|i have|i only have) {preference} (can i use (that|it)|will that work|would that work|"
         "is that (okay|ok)|will that do|will that help)"),
    )
    samples += expand(*LOCALE_RECOMMEND.get(locale, []))
    return unique(samples)


FILLERS = expand("(um|uh|erm|well|so)")
CLOSERS = expand("(what should i (use|do|put on it)|what do i do|what do you (recommend|think)|"
                 "should i use heat or ice|heat or ice|any advice|what can i do)")
FEELS = expand("(is|'s|feels|looks|keeps|went|has gone|'s gone|is getting|has been|'s been|gets|is really|"
               "'s really|feels really|keeps going|"
               "went into|keeps going into|has gone into|is in|'s in|is all|is so)")
PAIN_WORDS = expand("(hurts|has hurt|has been hurting|'s been hurting|started hurting|has been sore|"
                    "'s been sore|has been aching|'s been aching|"
                    "has ached|aches|has been bad|'s been bad|has been killing me|'s been killing me|"
                    "is hurting|'s hurting|is aching|is sore|'s sore|"
                    "has been playing up|'s been playing up|is paining|has been paining|went|'s been crook)")
CAUSE_VERBS = expand("(lifting|carrying|moving|picking up|playing|doing|at|shovelling|shoveling|mowing|"
                     "digging|while lifting|while playing|"
                     "when lifting|when i was lifting|when i was playing|while i was lifting|"
                     "while i was playing|in)")
LOCALE_CAUSE_VERBS = {
    CA: ["portaging", "hauling", "lugging", "paddling"], AU: ["lugging", "carting", "shifting"],
    GB: ["lugging", "shifting", "humping"], US: ["hauling", "lugging"], IN: ["lifting heavy"],
}
SYMPTOM_LEADS = expand("(since (this|it|the pain|my back pain) started|since then|ever since|lately|recently|"
                       "all of a sudden|suddenly|and now|and)")
SYMPTOM_TAILS = expand("(since (it|this|the pain|all this) started|since then|since my back (went|"
                       "started hurting)|since the (accident|fall|injury)|"
                       "when i walk|whenever i stand up|at times|on and off|now and then|all the time)")


LOCALE_RECOMMEND: dict[str, list[str]] = {
    US: ["my {location} (went out|is out)", "i threw (out |){location}( out|)"],
    CA: ["my {location} (went out|is out)", "i threw (out |){location}( out|)"],
    GB: ["my {condition} (is|'s) playing up( again|)", "what (should|shall) i do about {location}"],
    AU: ["my {condition} (is|'s) playing up( again|)", "{location} (mate|eh)"],
    IN: ["what to do (for|about) {location}", "{location} what to do", "what to do {symptom}",
         "please suggest what to do"],
}
# Locale turns of phrase said around any request: a tag at the end ("... eh", "... mate") or a lead-in
# ("kindly ...").
LOCALE_TAGS: dict[str, list[str]] = {CA: ["eh"], AU: ["mate"], GB: ["cheers"]}
LOCALE_LEADS: dict[str, list[str]] = {IN: ["kindly", "please"]}
# "Eh" ends a statement or question of any length; "mate" and "cheers" end short replies and requests
# ("cancel that mate", "no idea mate"): the most words a tagged sample has, without and with slots.
TAG_REACH: dict[str, tuple[int, int]] = {CA: (7, 7), AU: (4, 2), GB: (4, 3)}
# Nobody tags a sample that already ends on a closing word ("start the timer please eh").
ENDS_ALREADY = ("please", "now", "thanks", "thank you", "early", "again", "then", "too", "cheers", "mate",
                "eh")


LONGEST_LED = 5  # words of a sample that still gets a locale's lead-in
REQUEST_VERBS = frozenset(
    "start begin set stop finish cancel end switch turn take give show teach tell suggest recommend guide "
    "walk time make repeat say help delete forget remove wipe erase clear reset pause resume continue carry "
    "go skip next hold do check keep".split())


def with_locale_words(locale: str, samples: list[str], *, most_slots: int = 9,
                      most_words: int = 7) -> list[str]:
    """The samples, and each short one (`most_slots` slots, `most_words` words) with the locale's tags and
    lead-ins."""
    short = [x for x in samples if x.count("{") <= most_slots and len(x.split()) <= most_words]
    out = list(samples)
    without_slots, with_slots = TAG_REACH.get(locale, (most_words, most_words))
    out += [f"{x} {tag}" for tag in LOCALE_TAGS.get(locale, []) for x in short
            if not x.endswith(ENDS_ALREADY) and len(x.split()) <= (with_slots if "{" in x else without_slots)]
    # A lead-in ("kindly ...") goes before short requests only: it is how a request starts, not a story or
    # a reply ("please nope").
    out += [f"{lead} {x}" for lead in LOCALE_LEADS.get(locale, []) for x in short
            if x.split()[0] in REQUEST_VERBS and len(x.split()) <= LONGEST_LED]
    return unique(out)

DONT_KNOW = expand(
    "i (don't|do not) know", "don't know", "dunno",
    "(not|i'm not|i am not|not really|i'm not really|i'm not too|not too) sure",
    "i'm unsure", "unsure", "no idea", "(i have|i've got|i've|i've really got) no idea", "(no|not a) clue",
    "(i have|i've got|i haven't got|i haven't) (no |a |)clue",
    "i (can't|cannot|don't) remember", "can't remember", "i forget",
    "i (can't|couldn't|really couldn't|really can't) say", "hard to say",
    "maybe", "perhaps", "possibly", "i'm not certain", "beats me", "who knows", "no preference",
    "i have no preference",
    "(i don't|doesn't|it doesn't) (mind|care|matter)", "i don't have a preference", "either",
    "either (one|is fine|one is fine|will do|way)",
    "either (one |)(is|would be) (fine|ok|okay|good) (by|with|for) me",
    "(whichever|whatever)( you (think|recommend|suggest|prefer|feel)( is best| is better|)|)",
    "(whichever|whatever)('s| is) (best|better|easier)", "(you|you can) (choose|pick|decide)", "up to you",
    "(it's|it is) up to you", "your (call|choice)",
    "what (do|would) you suggest", "whatever you (recommend|suggest|think|say)", "whatever you think is best",
    "you (know best|decide for me)",
    "(i'm|i am) not (sure|too sure) (about that|what caused it|when it started|really)",
    "i don't know (what caused it|when it started|why|how it happened|exactly)",
    "i (really |)have no idea", "(no|not a) clue (really|to be honest)", "i'm not sure (to be honest|really)",
    "(i don't|i do not) really know", "i'm not too sure about that",
    "(i|i'd) (can't|couldn't) (decide|choose)", "you pick one",
    ("(hmm|um|uh|erm|well|honestly|gosh|oh) (i don't know|not sure|i'm not sure|i really couldn't say|"
     "no idea|dunno|i can't say|i can't remember)"),
)
DONT_KNOW_TAGS = expand("(to be honest|really|mate|eh|sorry|either|then|i'm afraid|you pick|you choose|"
                        "you decide)")


def dont_know_samples(locale: str) -> list[str]:
    samples = list(DONT_KNOW)
    core = expand("i don't know", "not sure", "no idea", "dunno", "i'm not sure", "i can't say",
                  "no preference", "either",
                  "i'm not too sure", "i don't mind", "whatever you think", "no clue")
    samples += [f"{c} {t}" for c in core for t in DONT_KNOW_TAGS]
    samples += expand(*(f"{c} (you pick|you choose|you decide|up to you)" for c in core))
    if locale == AU:
        samples += expand(*(f"{c} mate (you pick|you choose|you decide|up to you)" for c in core))
    return unique(samples)


NO_INTENT_BASE = expand(
    "nope", "nah", "no thank you", "(um|uh|erm|hmm|well|oh) (no|nope|nah)",
    "(no|nope|nah) (just|only) (the usual|a bit of|some) (stiffness|pain|ache|aching|soreness)",
    "(no|nope|nah) (fit as a fiddle|all good|all fine|fine)( otherwise|)",
    "no my (chest|arms|legs|bladder) (is|are) fine( just sore|)",
    ("(no|nope|nah) (thanks|thank you|not now|not right now|not today|i'm (good|fine|okay|ok|"
     "alright)( thanks|))"),
    "no thanks not (now|today|right now)",
    "not (now|right now|today|at the moment|really|at all|that i know of|that i've noticed|as far as i know)",
    ("(no|nope|nah) (not|not really|not at all|none|none at all|nothing|nothing at all|i don't|i haven't|"
     "it isn't|it's not|i'm not|never)"),
    "(no|nope|nah|) (nothing like that|none of (those|them|that|the above))( thankfully| at all|)",
    "(no |)nothing of that sort",
    "nothing (like that|of (that|the) sort|of that kind)",
    "none (of (those|them|that|the above)|at all)( thankfully|)", "not that i('ve| have) noticed",
    "not that i know of", "(no|nope) i don't think so", "i don't think so",
    "i (haven't|don't) (had |got |)(anything|any of (that|those)) like that",
    "(no |)i haven't (had|noticed|got) (anything|any of (those|that|them))( like that|)",
    "i (haven't|have not|don't have) (any|anything) like that",
    "(no|nope) i (haven't|don't|'m not|am not|didn't)",
    "(no|nope|nah) i'm (alright|okay|fine|good|right)( thanks|)",
    "(i'm|i am) (good|fine|alright|okay) thanks", "no need",
    "no (such|these|those) (problem|problems|symptoms|issues)", "no such problem",
    "(no|nope|nah) (nothing|none) (down there|like that|at all)",
    "(no|nah) (everything's|everything is|it's all) (fine|normal|okay)",
    "(no|nope) (all|everything) (good|fine|normal)", "absolutely not", "definitely not", "certainly not",
    "no way",
    "(yeah nah|nah mate|nope mate|no mate)", "not at all", "no not at all", "no never", "never",
    "no (my|both my) legs (are|feel) (fine|okay|normal|ok)",
    "no i (can still|can) (pee|wee|go to the toilet|feel everything)( fine| normally| okay|)",
    "no (trouble|problems|issues) (with my (bladder|bowels|waterworks)|peeing|weeing|going to the toilet)",
    "my (bladder|bowels|legs) (are|is) fine",
    "(no |)(it's|it is) not in both legs( no|)", "no it('s| is) (just|only) (the one|one leg|one side)",
    "no (only|just) (one leg|the one|one side)", "(only|just) the one( side|)",
    "no (i've|i have) never had cancer", "(i've|i have) never had cancer",
    "(no |)i (haven't|have not) (lost any weight|lost weight|had cancer)",
    "(no |)it (doesn't|does not) (wake me( up|)|keep me awake)( at night|)",
    "(no |)it (doesn't|does not) wake me up", "no it eases (when i rest|with rest)",
    "(no |)i('m| am) not running a (fever|temperature)", "(no |)i (don't|do not) have a (fever|temperature)",
    "(no |)i can (still |)feel (everything|my legs)( fine| normally|)",
    "(no |)(i'm|i am) not on steroids",
    "(no |)(i don't|i do not) (have|take) (steroids|osteoporosis|anything like that)",
    "(no |)(there's|there is) nothing (wrong|like that|down there)",
    # "Has a doctor checked you since it happened?"
    "(no |)(no one|nobody) (has|'s) (checked|looked at|seen) it( yet|)", "(no |)not yet",
    "(no |)no doctor has (checked|looked at|seen) (it|me)",
    "(no |)i (haven't|have not) (seen|been to) (anyone|a doctor|the doctor)( yet|)",
    "(no |)i haven't had it (checked|looked at)( yet|)",
    "(no |)i (never saw|didn't see) anyone( about it|)",
    "(no |)i didn't think it was worth (bothering|seeing) (the|a) (gp|doctor)",
)
# What "no ..." negates: the symptoms the skill asks about, by the names people use for them.
NEGATED_NAMES = expand(
    "swelling", "numbness", "tingling", "pins and needles", "fever", "(a |)temperature", "chills",
    "chest pain", "pain in my chest",
    "weakness", "burning", "spasms", "spasm", "cramps", "stiffness", "shooting pain", "shooting pains",
    "bladder problems",
    "bowel problems", "incontinence", "weight loss", "cancer", "headache", "headaches", "double vision",
    "lumps", "lump", "redness",
    "shortness of breath", "pain in (both|my) legs",
    "(trouble|problems) (peeing|with my bladder|with my bowels)", "dizziness", "fainting",
    "night pain", "night sweats", "numbness (in|down) my (legs|leg|bottom|groin)",
    "(pain|numbness) down (both|my) legs", "leaking",
    "trouble walking", "problems walking", "balance problems",
)
NEGATED_DESCRIBING = expand("swollen", "numb", "tingly", "weak", "burning", "feverish", "unwell", "red",
                            "inflamed", "dizzy", "unsteady", "wobbly",
                            "short of breath", "breathless")
NO_NAME_FRAMES = expand("no #", "no # at all", "no # no", "no # thankfully", "no no #", "(nope|nah) no #",
                        "i (don't|do not) have any #",
                        "i (haven't|have not) (got|had) any #", "there's no #",
                        "no i (don't|haven't) have any #", "no # or anything( like that|)", "not #")
NO_DESCRIBING_FRAMES = expand("not #", "(it's|it is) not #", "(it|that) isn't #", "no (it's|it is) not #",
                              "no it isn't #", "(i'm|i am) not #",
                              "no (i'm|i am) not #", "no it (doesn't|does not) (feel|look) #", "not really #")


def no_samples(locale: str) -> list[str]:
    samples = list(NO_INTENT_BASE)
    samples += [frame.replace("#", name) for frame in NO_NAME_FRAMES for name in NEGATED_NAMES]
    samples += [frame.replace("#", word) for frame in NO_DESCRIBING_FRAMES for word in NEGATED_DESCRIBING]
    # "no numbness or tingling", "no fever or chills": names people list together.
    pairs = [("numbness", "tingling"), ("numbness", "weakness"), ("fever", "chills"), ("swelling", "redness"),
             ("chest pain", "shortness of breath"), ("bladder problems", "bowel problems"),
             ("numbness", "pins and needles"),
             ("tingling", "numbness"), ("weakness", "numbness")]
    samples += expand(*(f"no {a} (or|and|no) {b}" for a, b in pairs))
    if locale == AU:
        samples += expand(("(yeah nah|nah|no) (mate|nothing like that|none of that|i'm right|i'm good|"
                           "all good)( mate|)"),
                          "nah i'm (right|good)", "all good mate",
                          ("(yeah nah|nah|no) mate (nothing like that|none of that|i'm right|i'm good|"
                           "all good)"))
    if locale == IN:
        samples += expand("no (such|these) (problem|problems|issue|issues)",
                          "(no|nothing) of (that|this) sort", "no no (nothing like that|nothing|not at all)")
    if locale == CA:
        samples += expand("(no|nope|nah) (nothing like that|none of that|i'm good|not really) eh")
    if locale == GB:
        samples += expand("(no|nope) (i'm|i am) (alright|fine|okay) (thanks|cheers)",
                          "(no|nah) none of (that|those|them)( thankfully|)")
    return unique(samples)


YES_INTENT = expand(
    "yeah", "yep", "yup",
    ("yes (please|i do|i have|it is|that's right|definitely|absolutely|go ahead|do it|sure|of course|i am|"
     "i did|i think so)"),
    ("yeah (please|i do|i have|it is|that's right|definitely|sure|go ahead|do it|for sure|okay|ok|why not|"
     "go for it|sounds good)"),
    ("(of course|certainly|definitely|absolutely|correct|exactly|right|that's right|that's correct|indeed|"
     "affirmative)"),
    ("(go ahead|please do|do it|go for it|sounds good|sounds great|sounds lovely|that sounds good|"
     "that would be great|that'd be (great|lovely|good|nice))"),
    "(okay|ok|alright|all right) (sounds good|go ahead|do it|please|then|sure|yes|let's do it)",
    "(i do|i have|i am|i think so|i guess so|i suppose so)",
    "uh huh", "uh huh yes( do it| please|)", "mm hmm",
    "(yes|yeah) (please|) (that would|that'd) be (great|lovely|nice|good)",
    "yes (kindly|please) do (that|it|so)", "(yes|yeah) for sure", "for sure", "too right", "(yes|yeah) mate",
    "(yes|yep) (it does|there is|there are)",
    "(please|yes please) (go ahead|do that|do)", "yes yes", "yes of course",
    "(sure|yes|yeah) (thing|thanks|thank you)", "why not", "(yes |yeah |oh |)go on then",
    # "Does the skin where the pack will go feel normal?"
    "(yes |)(it|the skin) (feels|is) (normal|fine|okay)", "(yep |yes |yeah |)skin's (fine|normal|okay)",
    "(yes|yeah|yep) (that's what i (just |)said|i (just |)told you|like i said)",
    # "Is it in both legs, or is a leg getting weaker?"
    "(yeah |yes |)both of (them|em)", "(yeah|yes) both",
    # "Has a doctor checked you since it happened?"
    "(yes |)(the|a) (doctor|gp|physio) (checked|has checked|looked at|saw) (it|me)",
    "(yes |)i('ve|) (seen|been to) (a|the) (doctor|gp|physio)",
    "(yes |)i went to (the|a) (doctor|gp|hospital)", "(yes |)i had it (checked|looked at)",
    "(yes |)(the e. r.|a and e|the hospital|urgent care) (checked me|had a look)( nothing('s| is|) broken|)",
    "(yeah |yes |)(the e. r.|my gp|my doctor|the hospital) (looked at it|had a look|checked it)( all clear|)",
    "(yeah |yes |)they checked me at the hospital", "(yeah |yes |)at the hospital",
    # "Over seventy, thin bones or steroid tablets ...?": their age is the answer
    "(well |yes |)(i'm|i am) over seventy( but nothing else|)", "(i'm|i am) in my (seventies|eighties)",
)
HELP = expand(
    "what can you do", "what can i say", "how does this work", "how do i use (this|this thing|it|you)",
    "what (are my|are the) options( here|)",
    "i need (some |)help", "help me please", "(please |can you |could you |)help( me|)( please|)",
    "i'm (confused|lost|stuck)( what am i supposed to do| what do i do| what do i say|)",
    "what am i supposed to (do|say)", "what (do|should) i say", "how does this (skill |)work", "what is this",
    "what (can|do) you (help with|do for me)",
    "(i |)don't understand( what to do| what to say|)", "(i |)(don't|do not) know what to (say|do) here",
    "what are my choices",
    "how do i (start|begin)", "what do you do", "what can this do",
    "(instructions|explain how this works|give me some help)",
)
STOP = expand(
    "quit", "(stop|quit) (please|now please)",
    "that's (enough|all|it)( for now| thanks| thank you|)",
    "(that's|that is) (enough|all) (thanks|thank you|for today)",
    "(i'm|i am) (done|finished) (for now|for today)",
    "(goodbye|bye|bye bye|bye for now|see you|see you later|good night|goodnight)",
    "(stop|quit|end) (talking|it|please|this|the skill)",
    "(be quiet|quiet|shush|enough|no more|leave it there|leave it)",
    "(that'll|that will) do( thanks| for now|)", "(i'm|that's) me done( thanks| cheers|)",
    "(thanks|thank you|cheers) (that's all|bye|goodbye|that's enough|that's it)",
    "(ok|okay|right|righto) (that'll do|that's enough|bye|that's all)",
    "i (have|'ve) (had enough|got to go)", "(i |)(gotta|have to|need to) go",
    "(all done|we're done) (thanks|now|for today)",
    "(no|nope|nah) (i'm|i am) (good|fine|okay|alright)( thanks|) (bye|goodbye)",
)
CANCEL = expand(
    "never mind",
    ("(forget it|forget that|scratch that|scrap that|cancel that|cancel it|cancel please|"
     "cancel what i (just |)said)"),
    "(oh |oops |actually |)(just |)cancel( it| that| please| then| it then|)",
    "(i've|i have) changed my mind( cancel| cancel that|)",
    "actually (i've changed my mind|never mind|forget it)( cancel|)", "(oops|oh) (scrap|scratch|cancel) that",
    "don't worry about it",
)
REPEAT = expand(
    "repeat( that| that please| please| the question| the question please| it| yourself|)",
    "(say|said) that again( please|)",
    "(what|what was that|what did you say|sorry what was that|sorry what did you say)", "pardon( me|)",
    "(sorry |)(i|i didn't) (didn't|) (catch|hear) that",
    "(can|could) you (repeat|say) (that|it|the question|that again)( please|)", "come again",
    "(once more|one more time|again please)",
    "please repeat( that| it| once more|)", "repeat (once more|one more time)", "(i |)missed that",
    "what was (that|the question)", "what was the last (thing|bit) you said", "what did you (just |)say",
    "(hang on |sorry |)say (that|it) again",
)
START_OVER = expand(
    "start (over|again|from the (beginning|top|start))( please|)",
    "(restart|begin again|from the top|from the beginning|let's begin again|let's start (again|over))",
    "(can|could) we (start over|start again|begin again)( please|)",
    "start everything (again|from (the |)beginning|over)", "(go back to|back to) the (start|beginning)",
    "reset", "(let's |)(start|do it) all over again", "(start|begin) from scratch",
)
NEXT = expand(
    "next( one| please| one please|)", "(skip|skip it|skip this|skip this one|skip that)",
    "(move|let's move) on( please|)", "(what's|what is) next",
    "(on to|onto) the next (one|stretch|exercise)",
    "(let's go|go|let's move) (to|on to|onto) the next (one|stretch|exercise)",
    "next (stretch|exercise)( please|)", "(i'm|i am) ready for the next (one|stretch)",
    "(the |)next stretch please",
    # "Say ready when you're in position": the words for it in a stretch. Not a yes: "ready" said to
    # a safety question must not be heard as one.
    "(okay |ok |)ready( now|)", "(i'm |i am |)in position( now|)", "(okay |ok |)(go|let's go)",
)
PAUSE = expand(
    "pause( it| that| this| the stretch| the session| please| for a (minute|moment|second|sec)|)",
    "(can|could) you pause( for a (minute|moment|second|sec)| it| please|)",
    "(hang|hold) on( a (minute|moment|second|sec)|)", "(wait|just wait)( a (minute|moment|second|sec)|)",
    "give me a (minute|moment|second|sec)",
    "(one|just a) (minute|moment|second|sec)",
    "pause it i need (the (bathroom|toilet|loo|washroom)|a (minute|break))",
    "(take|let's take) a (break|pause)",
)
RESUME = expand(
    "(resume|continue|carry on|keep going|unpause|go on)( please|)",
    "(resume|continue|carry on|keep going) then",
    "(okay|ok|right) (resume|continue|carry on|let's carry on|let's continue)( please| then|)",
    "(resume|continue) (the stretch|the session|where we (left off|were))", "pick up where we left off",
    "(let's |)(carry on|continue|keep going)( then|)",
    "right let's carry on then", "(i'm|i am) back( now|)( let's (continue|carry on)|)",
    "(i'm|i am) ready (to (continue|carry on)|now let's (continue|carry on))",
)
HOME = expand("go home", "(go|take me) (to the|back to the|back) home( screen| page|)",
              "home( screen| page|)", "main menu")

BUILT_IN_SAMPLES: dict[str, list[str]] = {
    "AMAZON.HelpIntent": HELP,
    "AMAZON.StopIntent": STOP,
    "AMAZON.CancelIntent": CANCEL,
    "AMAZON.NavigateHomeIntent": HOME,
    "AMAZON.FallbackIntent": [],
    "AMAZON.RepeatIntent": REPEAT,
    "AMAZON.StartOverIntent": START_OVER,
    "AMAZON.YesIntent": YES_INTENT,
    "AMAZON.NoIntent": [],  # per locale, from the symptom words: see no_samples()
    "AMAZON.NextIntent": NEXT,
    "AMAZON.PauseIntent": PAUSE,
    "AMAZON.ResumeIntent": RESUME,
}

START_SESSION = expand(
    # Alexa splits the two slots; "for {duration}" is the twin
    "(start|begin|set|do) (a|an|my) {duration} {modality} (session|timer)( please| now|)",
    "(start|begin|set|run) (a|the|my) (session|timer)( please| now|)",
    "(start|begin|set) (a|the|my) {modality} (session|timer)( please| now|)",
    "(start|begin|set) an {modality} (session|timer)( please| now|)",
    "(start|begin|set|time) (a|the|my) (session|timer) for {duration}",
    "(start|begin|set) (a|the|my) {modality} (session|timer) for {duration}",
    "(start|begin|set) an {modality} (session|timer) for {duration}",
    "(start|set|put) (a|the) timer (for|on) (my|the) {modality}( please|)",
    "(start|set) the timer for {duration}", "(start|begin) the timer",
    "time (my|the) {modality}( for {duration}|)", "time (it|me|a session|my session)( for {duration}|)",
    "{modality} for {duration}",
    "(use|let's do|i'll do|i want|i'd like) {modality} for {duration}",
    "(let's do|give me|i want) {duration} of {modality}",
    "give (the|my) {modality} another {duration}", "(let's|can we) (start|begin|get started|do it|do it now)",
    "(start|begin) now",
    "(i'm|i am) ready( to (start|begin)|)", "ready to (start|begin)",
    "(the|my) {modality}('s| is) on( now|)( start the timer| can you time it| time it|)",
    "(i've|i have) put (the|my) {modality} on( start the timer| time it|)",
    "(i'm|i am) putting (the|my) {modality} on( now|)",
    ("(i'm|i am) (getting in|getting into|hopping in|jumping in) {modality}( now|)( time me| start the timer|"
     ")"),
    ("(i'm|i am) (getting in|getting into|hopping in|jumping in) {modality}( now|)( time me|"
     " start the timer) for {duration}"),
    "(okay |ok |right |)(start|begin) {modality} now",
    "(let's|let us) (try|do|use) (the |){modality}", "(start|begin) the {modality}( now| please|)",
    "(start|begin) (the|my) {modality} session for {duration}",
    "(i want|i'd like|can i have) (a|an) {modality} session( please|)",
    "(kindly|please) start the {modality} timer( for {duration}|)",
    "(chuck|put|pop|stick) a timer on( for (the|my) {modality}|)",
    "(can|could) you time (it|my session)( for {duration}|)",
    "(start|set) a {duration} timer for (the|my) {modality}",
    "start the {modality} (timer|pack) for {duration}",
    "(i'll|i'm going to) (put|pop|chuck) the {modality} on for {duration}",
)
START_SESSION_SLOT_SAMPLES = {
    "modality": expand("{modality}", "(let's use|i'll use|use|with|i want|i'd like|let's go with) {modality}",
                       "{modality} (this time|please)",
                       "(a|an) {modality} session"),
    "duration": expand("{duration}", "(for|make it|about|give me) {duration}", "{duration} please"),
}
SESSION_STATUS = expand(
    ("how (long|much time|many minutes) (is|have i got|do i have) left( on (the|my) (timer|session|"
     "{modality})|)"),
    "how (long|much time)('s| is) left( on (the|my) (timer|session|{modality})|)",
    "how much longer( on the {modality}| do i (keep|leave) the {modality} on|)",
    "how long (until|till) (it's|the session is|the timer is) (done|finished|over)",
    "(is|has) (my|the) (timer|session) (still running|nearly (done|finished)|finished)",
    "is the {modality} session (nearly|almost) (done|finished|over)", "how (am i|are we) doing for time",
    "(what's|what is) (left|the time left|the remaining time)( on the timer|)",
    "time (left|remaining)", "how long (has|have) (the|my) {modality} been on( for|)",
    "(when|how soon) can i (use|have|put) (the |my |){modality}( again| back on)",
    "how long (until|till) i can (use|have) (the |my |){modality} again",
    "(when|how soon) can i (do|have|start) another session", "(when's|when is) my next session",
    "how long until my next session", "can i use {modality} (again|now|yet)", "(session|timer) status",
    "check (my|the) (session|timer)",
    "how many sessions (have i had|do i have left|can i have)( today|)",
    "how long to go( on (the|my) {modality}|)", "how long's left( on (the|my) {modality}|)",
    "how much time's left( on (the|my) {modality}|)",
    "how long (should|do) i (keep|leave) (it|the {modality}|{modality}) on( for|)",
)
CANCEL_SESSION = expand(
    ("(cancel|stop|end|finish|turn off|switch off) (the|my|this) ({modality} |)(session|timer|"
     "session timer)( now| early| please|)"),
    "(cancel|stop|end|switch off|turn off) the timer for (the|my) {modality}",
    "(stop|end|finish) (timing|the) {modality}( now| early|)",
    "(stop|end|finish) (early|now)",
    "(i want|i need) to (stop|finish|end) (early|now|the session|the {modality}|the {modality} early)",
    "(i want|i need|i have) to take (the|my) {modality} off( now| right now|)",
    "(take|pull) (the|my) {modality} off( now| right now|)",
    "(i'm|i am) (taking|pulling) (the|my) {modality} off( now| right now|)",
    "(turn|switch) (the|my) timer off",
    "(please |)stop the {modality} session in between", "that's enough {modality}",
)
FEEDBACK_JOINS = expand("(really|definitely|has|'s|was|did|just|actually|has really|totally|made it|didn't|"
                        "did not|has not|hasn't|felt|is)")
FEEDBACK = expand(
    "{outcome}",
    ("(oh|well|um|yeah|yes|honestly|hmm|so|i think|actually|it's|it is|i'm|i am|feeling|it feels|"
     "it felt) {outcome}"),
    "{outcome} (thanks|thank you|i think|now|actually|than before|cheers|mate|eh|to be honest|so far)",
    "(the|my) {modality} (was|felt|is) {outcome}", "{modality} (helped|made it) {outcome}",
    "(the|my) {modality}'s {outcome}",
    "(i'm|i am) (finished|done|done now)", "(i've|i have) finished", "(all done|finished|done)",
    "the {modality} (is|'s) off( now|)",
    "i (took|'ve taken|have taken) the {modality} off", "the timer (went off|has gone off|is done|finished)",
    "the session (is|'s) (over|done|finished)",
    "(i'm|i am) done with the {modality}", "{outcome} after (the|my) {modality}",
)
STRETCH = expand(
    "(give|show|teach) me (a|another|some|a different) (stretch|stretches|exercise|exercises)( please|)",
    "(give|show|teach) me (a|some|an) (stretch|stretches|exercise|exercises) for {location}( please|)",
    "(stretch|stretches|stretching|exercises)",
    "(i want|i'd like|let's|can we) (stretch|do (a|some) (stretch|stretches|stretching))( please|)",
    "(i want|i'd like|i need) (a|some) (stretch|stretches|exercises)( for {location}|)( please|)",
    "(can|could) we do some (stretching|stretches|exercises)",
    "(what|which) (stretch|stretches|exercise|exercises) (can|should) i do( for {location}|)",
    "(what|which) (stretches|exercises) (help|are good for) {location}",
    "(is there|are there) (a|any) (stretch|stretches|exercises) (for|that help) {location}",
    "(any|got any) (stretches|exercises)( for {location}|)",
    "(stretches|exercises|a stretch|an exercise) for {location}", "how (do|can) i stretch {location}",
    "stretch {location}", "(another|a different) (stretch|exercise)",
    "(guide|walk) me through (a|some) (stretch|stretches|exercises)( for {location}|)",
    "(can you |)(suggest|recommend) (a|some) (stretch|stretches|exercises)( for {location}|)",
    "(i want|i'd like) to stretch {location}",
    "(please |kindly |)give (me |)(one|an|a) (exercise|stretch) for {location}",
    "give us a stretch( for {location}|)",
    "(have you got|do you have) any (stretches|exercises) i (could|can) do( lying (down|on the floor)|)",
    "(stretches|exercises) i can do lying (down|on the floor)",
    "(what|which) (exercise|exercises) (help|helps) (a|my) {location}",
    "(what|how) about a (stretch|stretches|gentle stretch)( instead|)",
    "(can i|could i) (do|have) a stretch instead", "(a |)(stretch|stretches) please",
    "(i want to do|can i do|give me|show me) some {location} (exercises|stretches)",
    "{location} (exercises|stretches)",
)
STRETCH_HOLD = expand(
    "(make|can you make|please make) (it|them|the hold|the holds|each hold) {change}( please|)",
    "{change} holds( please|)",
    "hold (it|them|each one|each stretch) {change}( please|)", "(i want|i'd like|can i have) {change} holds",
    "(can|could) (i|we) hold (it|them|each one|each stretch|the stretches) {change}",
    "hold (it |them |each one |each stretch |)for {seconds} seconds",
    "(can|could) i hold (it|them|each one|each stretch) for {seconds} seconds",
    "(make|set|change) (the hold|the holds|it|them) (to |){seconds} seconds",
    "{seconds} second holds( please|)",
    "(change|set) the (hold|holds|holding time|hold time) to {seconds} seconds",
    "{change} to {seconds} seconds", "{change} (please |)(only |just |){seconds} seconds",
    "that's too (long|short) make it {change}", "{change} please", "{change}",
)
FORGET = expand(
    ("(delete|clear|erase|remove|wipe) (my|all my) (history|pain history|data|information|details|"
     "personal details)"),
    "(please |kindly |)(delete|clear|erase) my (history|data|details|information)",
    "forget (me|everything|everything about me|what i told you)( please| mate|)",
    "(please |)forget everything (i've told you|about me|you know about me)",
    "(delete|erase|wipe|clear) everything you (know|remember) about me",
    "(delete|erase|wipe|clear) (whatever|what|anything) you('ve|) (stored|saved|know) about me",
    "reset my (history|data)",
)


LOCALE_FEEDBACK: dict[str, list[str]] = {
    AU: expand("she's {outcome}( actually| mate|)", "(ripper|beauty|you beauty|bonzer|good stuff) {outcome}"),
    CA: expand("(beauty|oh beauty|that's beauty|nice|sweet) {outcome}( eh|)"),
    GB: expand("(brilliant|lovely|ace|cracking|smashing|champion) {outcome}( cheers|)"),
    US: expand("(awesome|great|nice|sweet) {outcome}"),
    IN: expand("(very good|super|good) {outcome}"),
}


def intents(locale: str) -> list[dict]:
    recommend_slot_samples = {
        "location": expand("{location}", "(mostly|it's mostly|the pain's mostly|it's just) in {location}",
                           "that'd be {location}"),
        "onset": expand("{onset}", "that was {onset}", "it all began {onset}"),
        "cause": expand("{cause}", "it happened when i was {cause}", "it was probably {cause}"),
        "preference": expand("{preference}", "i'd go for {preference}", "{preference} would be good"),
    }
    return [
        {"name": "RecommendIntent",
         "slots": {"location": "PainLocation", "onset": "Onset", "cause": "Cause", "symptom": "Symptom",
                   "otherSymptom": "Symptom", "condition": "Condition", "preference": "Modality"},
         "samples": with_locale_words(locale, recommend_samples(locale), most_slots=1, most_words=3),
         "slot_samples": recommend_slot_samples},
        {"name": "DontKnowIntent", "slots": {},
         "samples": with_locale_words(locale, dont_know_samples(locale))},
        {"name": "StartSessionIntent", "slots": {"modality": "Modality", "duration": "AMAZON.DURATION"},
         "samples": with_locale_words(locale, START_SESSION), "slot_samples": START_SESSION_SLOT_SAMPLES},
        {"name": "SessionStatusIntent", "slots": {"modality": "Modality"},
         "samples": with_locale_words(locale, SESSION_STATUS)},
        {"name": "CancelSessionIntent", "slots": {"modality": "Modality"},
         "samples": with_locale_words(locale, CANCEL_SESSION)},
        {"name": "FeedbackIntent", "slots": {"outcome": "Outcome", "modality": "Modality"},
         "samples": with_locale_words(locale, FEEDBACK
                                      + [f"{{modality}} {j} {{outcome}}" for j in FEEDBACK_JOINS]
                                      + LOCALE_FEEDBACK.get(locale, []))},
        {"name": "StretchIntent", "slots": {"location": "PainLocation"},
         "samples": with_locale_words(locale, STRETCH)},
        {"name": "StretchHoldIntent", "slots": {"change": "HoldChange", "seconds": "AMAZON.NUMBER"},
         "samples": with_locale_words(locale, STRETCH_HOLD)},
        {"name": "ForgetMeIntent", "slots": {}, "samples": with_locale_words(locale, FORGET)},
    ]


# ---------------------------------------------------------------------------------------------
# Assembling and checking a locale's model
# ---------------------------------------------------------------------------------------------
class ModelError(SystemExit):
    pass


# Launch words anywhere (even inside a word) make virtual-alexa send a LaunchRequest; Alexa rejects wake
# words.
_LAUNCH_INSIDE = re.compile(r"ask|open|launch|talk to|tell")
_WAKE_WORDS = {"alexa", "amazon", "echo", "computer", "ziggy"}
_SPOKEN = re.compile(r"^[a-z' .]+$")
LONGEST_SAMPLE = 200  # characters, Alexa's limit for a sample utterance
# Bytes of a locale's model file. Alexa's interaction model limits table gives 1.5 MB for a whole model;
# the file is written without indentation, so this bounds what is uploaded.
LARGEST_MODEL = 1_500_000
LONGEST_SLOT_WORD = 140  # characters, kept well inside what Alexa accepts for a slot value


def _check_words(locale: str, kind: str, texts: Iterable[str], longest: int) -> None:
    bad = []
    for text in texts:
        words = re.sub(r"\{\w+\}", " ", text)
        if (_LAUNCH_INSIDE.search(words) or _WAKE_WORDS & set(words.split())
                or not _SPOKEN.match(words.strip() or "x")
                or len(text) > longest or text != text.strip() or "  " in text):
            bad.append(text)
    if bad:
        raise ModelError(f"{locale}: {kind} break the word rules: {bad[:20]}")


def _words_in_one_place(locale: str, types: dict[str, dict[str, list[str]]]) -> None:
    owner: dict[str, tuple[str, str]] = {}
    clashes = []
    for type_name, values in types.items():
        for value_id, words in values.items():
            for word in words:
                key = word.lower()
                if key in owner and owner[key] != (type_name, value_id):
                    clashes.append(f"{word!r} means {owner[key]} and {(type_name, value_id)}")
                owner[key] = (type_name, value_id)
    if clashes:
        raise ModelError(f"{locale}: " + "; ".join(clashes[:60]) + f" ({len(clashes)} in all)")


def _types_json(locale: str) -> list[dict]:
    types = slot_types(locale)
    _words_in_one_place(locale, types)
    slot_words = (w for values in types.values() for words in values.values() for w in words)
    _check_words(locale, "slot words", slot_words, LONGEST_SLOT_WORD)
    return [
        {"name": type_name,
         "values": [{"id": v, "name": {"value": w[0], "synonyms": w[1:]}} for v, w in values.items()]}
        for type_name, values in types.items()
    ]


def _language_intents(locale: str) -> list[dict]:
    out = []
    owner: dict[str, str] = {}
    specs = intents(locale)
    built_ins = {name: with_locale_words(locale, samples) for name, samples in BUILT_IN_SAMPLES.items()}
    # A locale's own way of saying no ("nah mate", "nope, nothing like that eh") is in no_samples.
    built_ins["AMAZON.NoIntent"] = no_samples(locale)
    every = [(spec["name"], spec["samples"]) for spec in specs] + list(built_ins.items())
    clashes = []
    for name, samples in every:
        for sample in samples:
            if owner.setdefault(sample.lower(), name) != name:
                clashes.append(f"{sample!r} is in {owner[sample.lower()]} and {name}")
    if clashes:
        raise ModelError(f"{locale}: " + "; ".join(clashes))
    _check_words(locale, "samples", (sample for _, samples in every for sample in samples), LONGEST_SAMPLE)
    for spec in specs:
        slots = []
        for slot_name, slot_type in spec["slots"].items():
            slot: dict = {"name": slot_name, "type": slot_type}
            if locale in MULTIPLE_VALUE_LOCALES and slot_name in MULTIPLE_VALUE_SLOTS.get(spec["name"], ()):
                slot["multipleValues"] = {"enabled": True}
            slot_samples = spec.get("slot_samples", {}).get(slot_name)
            slot_samples = [s for s in slot_samples or []
                            if s.lower() not in {x.lower() for x in spec["samples"]}]
            if slot_samples:
                slot["samples"] = slot_samples
            slots.append(slot)
        intent: dict = {"name": spec["name"], "slots": slots, "samples": spec["samples"]}
        if not slots:
            del intent["slots"]
        out.append(intent)
    out += [{"name": name, "samples": list(samples)} for name, samples in built_ins.items()]
    return out


def _dialog(locale: str) -> dict:
    by_name = {spec["name"]: spec for spec in intents(locale)}
    return {
        "delegationStrategy": "SKILL_RESPONSE",
        "intents": [
            {
                "name": name,
                "delegationStrategy": "SKILL_RESPONSE",
                "confirmationRequired": False,
                "prompts": {},
                "slots": [
                    {"name": slot_name, "type": slot_type, "elicitationRequired": False,
                     "confirmationRequired": False, "prompts": {}}
                    for slot_name, slot_type in by_name[name]["slots"].items()
                ],
            }
            for name in DIALOG_INTENTS
        ],
    }


def build_model(locale: str) -> dict:
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": INVOCATION_NAME,
                "modelConfiguration": {"fallbackIntentSensitivity": {"level": FALLBACK_SENSITIVITY}},
                "intents": _language_intents(locale),
                "types": _types_json(locale),
            },
            "dialog": _dialog(locale),
        }
    }


def render(locale: str) -> str:
    """The model file: a line per sample and slot word (so a change reads as lines in a diff), and no
    indentation, which would cost a fifth of Alexa's size limit."""
    text = json.dumps(build_model(locale), indent=0, separators=(",", ":"), ensure_ascii=False) + "\n"
    if len(text.encode()) > LARGEST_MODEL:
        raise ModelError(f"{locale}: the model is {len(text.encode())} bytes; Alexa takes {LARGEST_MODEL}")
    return text


def sizes(model: dict) -> list[str]:
    language = model["interactionModel"]["languageModel"]
    lines = [f"  {i['name']}: {len(i.get('samples', []))} samples"
             for i in language["intents"] if i.get("samples")]
    lines += [f"  {t['name']}: {sum(1 + len(v['name']['synonyms']) for v in t['values'])} words"
              for t in language["types"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    parser.add_argument("--sizes", action="store_true", help=("print samples per intent and words per slot "
                                                              "type"))
    args = parser.parse_args(argv)
    stale = []
    for locale in LOCALES:
        path = MODELS_DIR / f"{locale}.json"
        text = render(locale)
        if args.sizes:
            print(f"{locale}: {len(text.encode()) // 1024} KiB")
            print("\n".join(sizes(json.loads(text))))
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        elif not args.sizes:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
