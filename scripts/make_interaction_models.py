"""Write the interaction model of every locale from the one description below.

    python scripts/make_interaction_models.py          # rewrite skill-package/interactionModels/custom/*.json
    python scripts/make_interaction_models.py --check  # exit 1 if a committed file differs

The voice contract (intent names, slot names, slot types and value ids) is the same in every
locale; only words differ. Each locale gets the shared samples and synonyms plus its own
idioms (LOCALE_SAMPLES, LOCALE_SYNONYMS). Edit this file, not the JSON: a test checks that
the JSON files are exactly what this script writes.

Word rules kept here (tests/package/test_interaction_model.py checks them all):
- letters, spaces, apostrophes and periods only; numbers spelled out;
- no sample in two intents, no synonym in two slot types (bare "{slot}" samples would be ambiguous);
- no "ask", "open", "launch", "tell" or "talk to" anywhere, even inside a word ("basketball"):
  Alexa treats them as launch phrases and virtual-alexa turns any utterance containing them
  into a LaunchRequest;
- a literal sample must not also be an instance of a slotted sample (it would lose the slot):
  "start a heat session" is covered by "start a {modality} session".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = ROOT / "skill-package" / "interactionModels" / "custom"

INVOCATION_NAME = "heat or ice coach"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
US_STYLE = ("en-US", "en-CA")
COMMONWEALTH = ("en-GB", "en-AU", "en-IN")

# ---------------------------------------------------------------------------------------------
# Slot types: type -> value id -> words. The first word is the value's name, the rest synonyms.
# ---------------------------------------------------------------------------------------------
SLOT_TYPES: dict[str, dict[str, list[str]]] = {
    "PainLocation": {
        "LOWER_BACK": [
            "lower back", "back", "low back", "lumbar", "lumbar spine", "lower spine", "lower back muscles",
            "small of my back", "the small of my back", "bottom of my back", "base of my spine", "lower part of my back",
        ],
        "UPPER_BACK": [
            "upper back", "top of my back", "between my shoulder blades", "between the shoulder blades",
            "shoulder blades", "shoulder blade", "middle of my back", "middle back", "mid back", "thoracic spine",
            "upper back muscles", "shoulders", "upper part of my back",
        ],
        "NECK": [
            "neck", "back of my neck", "the back of my neck", "neck muscles", "cervical spine", "top of my spine",
            "neck and shoulders",
        ],
        # Pain spreading from the back into the buttock or leg; "sciatica" itself is a Condition.
        # "legs" is not here on purpose: pain in both legs is the BOTH_LEGS red flag.
        "LEG": [
            "leg", "one leg", "left leg", "right leg", "buttock", "hip and leg", "back and leg", "hip and buttock",
            "thigh", "back of my leg", "back of my thigh", "hip",
        ],
    },
    "Onset": {
        "TODAY": [
            "today", "this morning", "this afternoon", "this evening", "tonight", "just now", "an hour ago",
            "a few hours ago", "a couple of hours ago", "hours ago", "a few minutes ago", "earlier today",
            "since this morning",
        ],
        "DAYS": [  # within about three days
            "yesterday", "last night", "yesterday morning", "the day before yesterday", "a couple of days ago",
            "two days ago", "three days ago", "a few days ago", "over the weekend", "this weekend", "the weekend",
            "since yesterday", "a couple of days", "a few days", "for a few days", "for a couple of days",
        ],
        "WEEKS": [  # up to about twelve weeks
            "last week", "a week ago", "four days ago", "five days ago", "almost a week ago", "for a week",
            "two weeks ago", "a couple of weeks ago", "a few weeks ago", "weeks ago", "for weeks", "a few weeks",
            "since last week", "a month ago", "last month", "for a month", "two months ago", "a couple of months ago",
        ],
        "MONTHS": [  # longer than twelve weeks: chronic
            "months", "for months", "months ago", "three months ago", "six months ago", "several months",
            "a year ago", "for a year", "years", "for years", "years ago", "a long time", "for a long time",
            "a long time ago", "forever", "it's chronic",
        ],
        "FLARE_UP": [  # a flare of a known, long-standing problem
            "a flare up", "flare up", "it's a flare up", "it's flared up again", "flared up again", "it flared up",
            "it comes and goes", "comes and goes", "on and off", "it keeps coming back", "it's come back",
            "it's back again",
        ],
    },
    "Cause": {
        "INJURY": [  # a clear minor injury
            "lifting", "lifting something heavy", "lifting a box", "lifting something", "picking something up",
            "picking up my child", "twisting", "twisting awkwardly", "bending over", "bending down",
            "at the gym", "working out", "lifting weights", "doing yoga", "running", "playing golf",
            "playing tennis", "playing football", "gardening", "doing the gardening", "moving furniture",
            "carrying shopping", "pulling something", "reaching for something",
            "a sports injury", "a strain", "straining it",
        ],
        "ACCIDENT": [  # major trauma: car crash, fall from height, direct blow
            "a car crash", "in a car crash", "a car accident", "in a car accident", "a road accident",
            "a motorbike accident", "a motorcycle accident", "a bike accident", "a bicycle accident",
            "a fall from height", "falling from a height", "falling off a ladder", "fell off a ladder",
            "falling off a roof", "falling down the stairs", "fell down the stairs", "a bad fall",
            "a direct blow", "a blow to my back", "being hit", "got hit", "being hit by a car", "a collision",
            "being tackled", "a tackle",
        ],
        "NO_CAUSE": [
            "nothing", "no reason", "no reason at all", "nothing in particular", "it came on by itself",
            "it came on on its own", "by itself", "on its own", "out of nowhere", "out of the blue",
            "I woke up with it", "woke up with it", "sleeping funny", "slept funny", "I slept funny",
            "sleeping awkwardly", "slept awkwardly", "slept wrong", "it just started", "no injury",
            "I didn't do anything", "nothing I can think of", "sitting too long", "sitting at my desk",
            "bad posture",
        ],
    },
    "Symptom": {
        "SPASM": [
            "spasm", "spasms", "spasming", "in spasm", "going into spasm", "muscle spasm", "muscle spasms",
            "cramping", "cramp", "cramps", "seized up", "locked up", "locked", "knotted", "in knots", "knots",
        ],
        "STIFFNESS": [
            "stiffness", "stiff", "really stiff", "very stiff", "tight", "tightness", "really tight", "rigid",
            "hard to move", "hard to bend", "can't bend", "can't turn my head",
        ],
        "SWELLING": [
            "swelling", "swollen", "puffy", "inflamed", "redness", "red", "hot and swollen",
        ],
        "BURNING": [
            "burning", "burning pain", "a burning feeling", "a burning sensation", "tingling", "tingly",
            "a tingling feeling", "stinging",
        ],
        # Pins and needles is tingling, but it also means the skin may not feel heat or cold
        # properly, so it resolves to the more cautious NUMBNESS.
        "NUMBNESS": [
            "numbness", "numb", "pins and needles", "no feeling", "loss of feeling", "can't feel it",
            "a dead feeling", "numb skin",
        ],
        "WEAKNESS": [
            "weakness", "weak", "a weak leg", "leg weakness", "giving way", "my knee gives way",
            "foot drop", "dragging my foot", "my foot drags",
        ],
        "SHOOTING_PAIN": [
            "shooting pain", "shooting pain down my leg", "shooting", "shooting pains", "sharp pain down my leg",
            "pain down my leg", "pain going down my leg", "radiating pain", "radiating down my leg",
            "electric shocks", "an electric shock feeling", "stabbing pain down my leg", "pain down my arm",
        ],
        "BOTH_LEGS": [
            "both legs", "both of my legs", "both my legs", "pain in both legs", "pain down both legs",
            "down both legs", "both sides", "my legs", "weak legs", "both legs are weak", "numb legs",
            "jelly legs", "my legs feel like jelly", "trouble walking",
        ],
        "SADDLE_NUMBNESS": [
            "saddle numbness", "numb between my legs", "numbness between my legs", "numb down below",
            "numb around my bottom", "numbness around my bottom", "numb groin", "numbness in my groin",
            "numb when I wipe", "can't feel when I wipe", "tingling between my legs", "numb inner thighs",
            "numb private parts",
        ],
        "BLADDER_BOWEL": [
            "trouble peeing", "trouble urinating", "can't pee", "can't control my bladder",
            "can't control my bowels", "wetting myself", "leaking urine", "incontinence", "bladder problems",
            "bowel problems", "lost control of my bladder", "lost control of my bowels", "trouble going to the toilet",
        ],
        "FEVER": [
            "a fever", "fever", "feverish", "chills", "the chills", "shivering", "a high temperature",
            "feeling unwell", "feeling ill",
        ],
        "CHEST_PAIN": [
            "chest pain", "pain in my chest", "a pain in my chest", "tight chest", "chest tightness",
            "short of breath", "shortness of breath", "breathless",
        ],
    },
    "Condition": {
        "HERNIATED_DISC": [
            "herniated disc", "herniated disk", "slipped disc", "slipped disk", "bulging disc", "bulging disk",
            "disc herniation", "disc bulge", "prolapsed disc", "ruptured disc",
        ],
        "SCIATICA": ["sciatica", "sciatic nerve pain", "sciatic pain", "sciatic nerve"],
        "ARTHRITIS": [
            "arthritis", "osteoarthritis", "degenerative disc disease", "degenerative disk disease",
            "spinal arthritis", "arthritis in my spine", "spondylosis", "spinal stenosis", "facet joint arthritis",
            "wear and tear",
        ],
        "WHIPLASH": ["whiplash", "a whiplash injury", "whiplash injury"],
    },
    "Modality": {
        "HEAT": [
            "heat", "a heat pack", "heat pack", "a heating pad", "heating pad", "a hot water bottle",
            "hot water bottle", "warmth", "hot", "something warm", "a heat wrap", "heat wrap", "a hot pack",
            "hot pack", "a heat patch", "an electric blanket", "warm",
        ],
        "ICE": [
            "ice", "an ice pack", "ice pack", "cold", "a cold pack", "cold pack", "frozen peas",
            "a bag of frozen peas", "a bag of peas", "a cold compress", "cold compress", "ice cubes",
            "something cold", "a gel pack", "an ice bag",
        ],
        "MOIST_HEAT": [
            "moist heat", "a warm towel", "warm towel", "a damp towel", "a warm damp towel", "a warm wet towel",
            "a hot towel", "a warm shower", "warm shower", "a hot shower", "hot shower", "a shower", "a bath",
            "a warm bath", "a hot bath", "bath", "wet heat", "a moist heat pack", "steam",
        ],
    },
    "Outcome": {
        "BETTER": [
            "better", "a lot better", "much better", "a bit better", "a little better", "slightly better",
            "good", "great", "really good", "it helped", "that helped", "it helped a lot", "it worked",
            "easier", "looser", "less pain", "more relaxed", "nice", "lovely",
        ],
        "SAME": [
            "the same", "same", "about the same", "no different", "no change", "nothing changed",
            "it didn't help", "it didn't make a difference", "not much different", "pretty much the same",
            "it didn't do anything",
        ],
        "WORSE": [
            "worse", "a lot worse", "much worse", "a bit worse", "a little worse", "it hurt more",
            "it hurts more", "not good", "bad", "terrible", "it made it worse", "more painful", "in more pain",
            "stiffer",
        ],
    },
    "HoldChange": {
        "LONGER": ["longer", "a bit longer", "a little longer", "much longer", "more time"],
        "SHORTER": ["shorter", "a bit shorter", "a little shorter", "much shorter", "less time", "quicker"],
    },
}

# Locale idioms and spellings, added to the shared words above.
LOCALE_SYNONYMS: dict[str, dict[str, dict[str, list[str]]]] = {
    "en-US": {
        "PainLocation": {"LEG": ["butt"]},
        "Onset": {"DAYS": ["on the weekend"]},
        "Cause": {
            "INJURY": ["shoveling snow", "playing sports", "playing baseball", "vacuuming"],
            "ACCIDENT": ["a car wreck", "a fender bender", "rear ended", "I got rear ended"],
        },
        "Symptom": {"FEVER": ["a temperature"]},
        "Outcome": {"BETTER": ["awesome"]},
    },
    "en-CA": {
        "PainLocation": {"LEG": ["butt"]},
        "Onset": {"DAYS": ["on the weekend"]},
        "Cause": {
            "INJURY": ["shoveling snow", "shovelling snow", "playing sports", "playing hockey", "vacuuming"],
            "ACCIDENT": ["a car wreck", "a fender bender", "rear ended", "I got rear ended"],
        },
        "Symptom": {"FEVER": ["a temperature"]},
        "Modality": {"HEAT": ["a magic bag", "magic bag"]},
    },
    "en-GB": {
        "PainLocation": {"LEG": ["bum", "bottom"]},
        "Onset": {
            "DAYS": ["at the weekend"],
            "MONTHS": ["ages", "for ages", "ages ago"],
            "FLARE_UP": ["it's playing up again", "playing up again", "it's playing up"],
        },
        "Cause": {
            "INJURY": ["shovelling snow", "playing sport", "playing rugby", "playing cricket", "hoovering",
                       "doing the hoovering", "lifting the shopping"],
            "ACCIDENT": ["a road traffic accident", "a prang", "a car prang"],
        },
        "Symptom": {
            "FEVER": ["a temperature", "hot and shivery", "running a temperature"],
            "BLADDER_BOWEL": ["trouble weeing", "can't wee"],
            "SADDLE_NUMBNESS": ["numb bum"],
        },
        "Modality": {"HEAT": ["a wheat bag", "wheat bag", "a heat bag"]},
        "Outcome": {"BETTER": ["brilliant", "loads better", "a load better"]},
    },
    "en-AU": {
        "PainLocation": {"LEG": ["bum"]},
        "Onset": {
            "TODAY": ["this arvo"],
            "DAYS": ["on the weekend", "at the weekend"],
            "MONTHS": ["ages", "for ages", "ages ago"],
            "FLARE_UP": ["it's playing up again", "playing up again", "it's playing up"],
        },
        "Cause": {
            "INJURY": ["shovelling", "playing sport", "playing footy", "playing cricket", "playing netball",
                       "surfing"],
            "ACCIDENT": ["a prang", "a car prang"],
        },
        "Symptom": {"FEVER": ["a temperature", "hot and shivery"]},
        "Modality": {"HEAT": ["a wheat bag", "wheat bag", "a heat bag"]},
        "Outcome": {"BETTER": ["heaps better", "heaps", "brilliant"], "WORSE": ["heaps worse"]},
    },
    "en-IN": {
        "Onset": {
            "TODAY": ["since morning"],
            "DAYS": ["since two days", "since three days"],
            "WEEKS": ["since one week", "since two weeks", "since one month", "since many days"],
            "MONTHS": ["since many months", "since many years", "since one year", "since a long time"],
        },
        "Cause": {
            "INJURY": ["playing sport", "playing cricket", "lifting a bucket", "lifting a bucket of water",
                       "lifting a gas cylinder", "doing household work"],
            "ACCIDENT": ["a two wheeler accident", "a scooter accident", "fell from the bike",
                         "falling from the bike"],
        },
        "Symptom": {
            "SPASM": ["a catch", "catch"],
            "FEVER": ["a temperature"],
        },
        "Modality": {
            "HEAT": ["a hot water bag", "hot water bag"],
            "MOIST_HEAT": ["hot fomentation", "fomentation", "a hot water bath"],
        },
        "Outcome": {"BETTER": ["got relief", "I got relief", "relief"]},
    },
}

# ---------------------------------------------------------------------------------------------
# Intents: slots (name -> type), samples, and slot-filling samples used while the skill elicits
# a slot (Dialog.ElicitSlot). Slot samples never repeat an intent sample of the same intent.
# ---------------------------------------------------------------------------------------------
INTENTS: list[dict] = [
    {
        "name": "RecommendIntent",
        "slots": {
            "location": "PainLocation", "onset": "Onset", "cause": "Cause", "symptom": "Symptom",
            "otherSymptom": "Symptom", "condition": "Condition", "preference": "Modality",
        },
        "samples": [
            # the question itself
            "should I use heat or ice", "should I use ice or heat", "heat or ice", "ice or heat",
            "is heat or ice better", "is ice or heat better", "which is better heat or ice",
            "which is better ice or heat", "do I need heat or ice", "do I use heat or ice", "what should I use",
            "what should I do", "what do you recommend", "what do you suggest", "what would you recommend",
            "which one should I use", "which should I use", "help me choose", "help me decide",
            "give me some advice", "I need some advice", "I'm in pain", "I'm hurting", "it hurts",
            # where
            "{location}", "it's my {location}", "heat or ice for my {location}", "ice or heat for my {location}",
            "should I use heat or ice on my {location}", "should I use heat or ice for my {location}",
            "should I put heat or ice on my {location}", "should I put ice or heat on my {location}",
            "what should I put on my {location}", "what should I use for my {location}",
            "what's best for my {location}", "what's good for my {location}",
            "what should I do about my {location}", "my {location} hurts", "my {location} is sore",
            "my {location} is aching", "my {location} aches", "my {location} is killing me",
            "my {location} is painful", "my {location} is hurting", "I have {location} pain",
            "I've got {location} pain", "I have pain in my {location}", "I've got pain in my {location}",
            "I have a sore {location}", "I've got a sore {location}", "I have a bad {location}",
            "the pain is in my {location}", "it hurts in my {location}", "I hurt my {location}",
            "I've hurt my {location}", "I pulled my {location}", "I've pulled my {location}",
            "I strained my {location}", "I injured my {location}", "I twisted my {location}",
            # when
            "{onset}", "it started {onset}", "it began {onset}", "it happened {onset}", "it came on {onset}",
            "the pain started {onset}", "my {location} started hurting {onset}", "{onset} I hurt my {location}",
            "{onset} I pulled my {location}", "I hurt my {location} {onset}", "I pulled my {location} {onset}",
            "I've had {location} pain {onset}", "I've had it {onset}", "it's been {onset}",
            "it's been hurting {onset}", "my {location} has been hurting {onset}",
            # what brought it on
            "{cause}", "I think it was {cause}", "it was {cause}", "I was {cause}", "I did it {cause}",
            "I think I did it {cause}", "it happened {cause}", "probably {cause}", "I hurt it {cause}",
            "I hurt it while {cause}", "I hurt my {location} {cause}", "I hurt my {location} while {cause}",
            "I hurt my {location} when I was {cause}", "I pulled my {location} {cause}",
            "I pulled my {location} while {cause}", "I strained my {location} {cause}",
            "I injured my {location} {cause}", "I hurt my {location} {cause} {onset}",
            "I hurt my {location} {onset} {cause}", "I pulled my {location} {cause} {onset}",
            "{onset} I hurt my {location} while {cause}",
            # how it feels
            "{symptom}", "my {location} is {symptom}", "my {location} feels {symptom}",
            "my {location} is {symptom} and {otherSymptom}", "it's {symptom}", "it's {symptom} and {otherSymptom}",
            "it feels {symptom}", "I have {symptom}", "I've got {symptom}", "I have {symptom} and {otherSymptom}",
            "I have {symptom} in my {location}", "I feel {symptom}", "I have a {symptom} {location}",
            "I've got a {symptom} {location}", "I woke up with a {symptom} {location}", "I also have {symptom}",
            "there's {symptom}", "there's some {symptom}",
            # a diagnosis they already have
            "{condition}", "I have {condition}", "I have a {condition}", "I've got {condition}",
            "I've got a {condition}", "I was diagnosed with {condition}", "I've been diagnosed with {condition}",
            "my doctor says I have {condition}", "my doctor said it's {condition}", "it's my {condition}",
            "I have {condition} in my {location}", "I have a {condition} in my {location}",
            "my {condition} has flared up",
            # what they like
            "{preference}", "I prefer {preference}", "I'd prefer {preference}", "I like {preference}",
            "I'd rather use {preference}", "I'd rather have {preference}", "I usually use {preference}",
            "{preference} usually helps", "{preference} works best for me", "{preference} for my {location}",
            "is {preference} okay for my {location}", "is {preference} good for my {location}",
            "can I put {preference} on my {location}", "I prefer {preference} for my {location}",
        ],
        "slot_samples": {
            "location": [
                "it's in my {location}", "mainly my {location}", "mostly my {location}", "the {location}",
                "my {location}", "in my {location}", "it's the {location}",
            ],
            "onset": [
                "about {onset}", "around {onset}", "roughly {onset}", "since {onset}", "it started about {onset}",
                "maybe {onset}",
            ],
            "cause": [
                "it happened when I was {cause}", "I think I hurt it {cause}", "it was probably {cause}",
                "from {cause}", "after {cause}",
            ],
            "preference": [
                "I'd like {preference}", "let's go with {preference}", "I'll go with {preference}",
                "I'll have {preference}", "{preference} please", "I think {preference}",
            ],
        },
    },
    {
        "name": "DontKnowIntent",
        "slots": {},
        "samples": [
            "I don't know", "don't know", "I do not know", "not sure", "I'm not sure", "I am not sure",
            "not really sure", "I'm not really sure", "I'm not too sure", "I'm unsure", "unsure", "no idea",
            "I have no idea", "I've got no idea", "no clue", "I have no clue", "I can't remember",
            "I don't remember", "can't remember", "I forget", "I can't say", "hard to say", "maybe", "perhaps",
            "possibly", "I'm not certain", "dunno", "beats me", "who knows",
        ],
    },
    {
        "name": "StartSessionIntent",
        "slots": {"modality": "Modality", "duration": "AMAZON.DURATION"},
        "samples": [
            "start a session", "start my session", "start the session", "begin the session",
            "start a {modality} session", "start an {modality} session", "start my {modality} session",
            "start the {modality} session", "begin a {modality} session", "begin an {modality} session",
            "start a {modality} session for {duration}", "start an {modality} session for {duration}",
            "start a {duration} {modality} session", "start a session for {duration}", "start the timer",
            "start a timer", "start my timer", "set a timer", "set a timer for my {modality}",
            "set a {modality} timer", "set an {modality} timer", "set a {modality} timer for {duration}",
            "set an {modality} timer for {duration}", "set a timer for {duration}", "time my {modality}",
            "time my {modality} for {duration}", "time it", "time it for {duration}", "{modality} for {duration}",
            "use {modality} for {duration}", "let's do {modality} for {duration}", "let's do it",
            "let's do it now", "let's start", "let's begin", "let's get started", "start now", "I'm ready",
            "I'm ready to start", "ready to start", "the {modality} is on", "I've put the {modality} on",
            "I'm putting the {modality} on", "let's try {modality}", "let's do the {modality}",
        ],
        "slot_samples": {
            "modality": [
                "{modality}", "let's use {modality}", "I'll use {modality}", "use {modality}", "with {modality}",
                "{modality} this time", "I want {modality}", "a {modality} session", "an {modality} session",
            ],
            "duration": ["{duration}", "for {duration}", "make it {duration}", "{duration} please", "about {duration}"],
        },
    },
    {
        "name": "SessionStatusIntent",
        "slots": {"modality": "Modality"},
        "samples": [
            "how long is left", "how much time is left", "how much time is left on the timer",
            "how long is left on the timer", "how long is left on my {modality}", "how much longer",
            "how much longer on the {modality}", "how long have I got left", "how long do I have left",
            "how long until it's done", "when can I use {modality} again", "when can I use {modality}",
            "can I use {modality} again", "can I use {modality} now", "when can I do another session",
            "when can I have another session", "when can I start another session", "when is my next session",
            "when's my next session", "how long until my next session", "how long until I can use {modality} again",
            "is my timer still running", "is my session still running", "what's left on the timer",
            "what's my session status", "session status", "check my session", "check the timer", "time left",
            "how long has the {modality} been on", "how many sessions have I had today",
            "how many sessions do I have left today",
        ],
    },
    {
        "name": "CancelSessionIntent",
        "slots": {"modality": "Modality"},
        "samples": [
            "cancel my session", "cancel the session", "cancel my {modality} session", "cancel the timer",
            "cancel my timer", "cancel the {modality} timer", "stop the timer", "stop my timer", "stop my session",
            "stop the session", "stop the {modality} session", "stop my {modality} session", "end my session",
            "end the session", "end the {modality} session", "end the session early", "finish the session early",
            "stop early", "I want to stop early", "I need to stop early", "take the {modality} off",
            "take the {modality} off now", "I need to take the {modality} off", "turn off the timer",
            "turn the timer off", "delete the timer", "I want to end the session", "stop the {modality}",
            "end the {modality} early",
        ],
    },
    {
        "name": "FeedbackIntent",
        "slots": {"outcome": "Outcome", "modality": "Modality"},
        "samples": [
            "{outcome}", "it felt {outcome}", "it feels {outcome}", "I feel {outcome}", "I'm feeling {outcome}",
            "I'm {outcome}", "it's {outcome}", "that felt {outcome}", "that was {outcome}", "it made it {outcome}",
            "the {modality} made it {outcome}", "the {modality} felt {outcome}", "the {modality} was {outcome}",
            "{modality} made it {outcome}", "my pain is {outcome}", "I'm done", "I'm finished", "I've finished",
            "all done", "finished", "done", "the {modality} is off", "I took the {modality} off",
            "I've taken the {modality} off", "the timer went off", "the session is over",
            "I'm done with the {modality}",
        ],
    },
    {
        "name": "StretchIntent",
        "slots": {"location": "PainLocation"},
        "samples": [
            "give me a stretch", "give me another stretch", "stretch", "stretches", "stretching",
            "I want to stretch", "I'd like to stretch", "let's stretch", "let's do a stretch",
            "let's do some stretches", "teach me a stretch", "show me a stretch", "show me a stretch for my {location}",
            "give me a stretch for my {location}", "what stretches help my {location}",
            "what stretches are good for my {location}", "what stretch can I do", "what stretches can I do",
            "what stretches should I do", "stretches for my {location}", "a stretch for my {location}",
            "how do I stretch my {location}", "stretch my {location}", "another stretch", "a different stretch",
            "next stretch", "the next stretch", "what exercises help my {location}", "give me an exercise",
            "exercises for my {location}", "suggest a stretch", "can you suggest a stretch",
            "I want to stretch my {location}", "guide me through a stretch", "walk me through a stretch",
        ],
    },
    {
        "name": "StretchHoldIntent",
        "slots": {"change": "HoldChange", "seconds": "AMAZON.NUMBER"},
        "samples": [
            "make it {change}", "make the holds {change}", "make them {change}", "{change} holds",
            "hold {change}", "hold it {change}", "I want {change} holds", "can you make it {change}",
            "hold for {seconds} seconds", "hold it for {seconds} seconds", "hold each stretch for {seconds} seconds",
            "make the holds {seconds} seconds", "make it {seconds} seconds", "{seconds} second holds",
            "change the hold to {seconds} seconds", "set the hold to {seconds} seconds",
        ],
    },
    {
        "name": "ForgetMeIntent",
        "slots": {},
        "samples": [
            "delete my history", "delete my pain history", "clear my history", "erase my history",
            "forget my history", "forget everything", "forget everything about me", "forget me", "delete my data",
            "delete all my data", "clear my data", "erase my data", "remove my data", "wipe my data",
            "delete my information", "erase my information", "delete everything you know about me",
            "forget what I told you", "reset my history",
        ],
    },
]

BUILT_IN_INTENTS: dict[str, list[str]] = {
    "AMAZON.HelpIntent": ["what can you do", "what can I say", "how does this work", "how do I use this"],
    "AMAZON.StopIntent": [],
    "AMAZON.CancelIntent": [],
    "AMAZON.NavigateHomeIntent": [],
    "AMAZON.FallbackIntent": [],
    "AMAZON.RepeatIntent": [],
    "AMAZON.StartOverIntent": [],
    "AMAZON.YesIntent": [],
    "AMAZON.NoIntent": [],
    "AMAZON.NextIntent": [],
    "AMAZON.PauseIntent": [],
    "AMAZON.ResumeIntent": [],
}

LOCALE_SAMPLES: dict[str, dict[str, list[str]]] = {
    "en-US": {
        "RecommendIntent": [
            "I tweaked my {location}", "I tweaked my {location} {cause}", "I threw my {location} out",
            "I threw out my {location}", "my {location} is acting up", "my {condition} is acting up",
            "my {location} went out",
        ],
    },
    "en-CA": {
        "RecommendIntent": [
            "I tweaked my {location}", "I threw my {location} out", "I threw out my {location}",
            "my {location} is acting up", "my {condition} is acting up",
        ],
    },
    "en-GB": {
        "RecommendIntent": [
            "I've done my {location} in", "I did my {location} in",
            "I put my {location} out", "I've put my {location} out", "I've put my {location} out {cause}",
            "my {location} is playing up", "my {condition} is playing up", "I've got a bad {location}",
            "I've cricked my {location}", "I've ricked my {location}",
        ],
        "FeedbackIntent": ["it's done the trick", "I've taken it off"],
    },
    "en-AU": {
        "RecommendIntent": [
            "I've done my {location} in", "I did my {location} in", "I put my {location} out",
            "I've put my {location} out", "my {location} is playing up", "my {condition} is playing up",
            "I've got a crook {location}", "I've got a bad {location}",
        ],
        "FeedbackIntent": ["it's done the trick"],
    },
    "en-IN": {
        "RecommendIntent": [
            "my {location} is paining", "I have {location} pain since {onset}", "I have pain in my {location} {onset}",
            "my {location} is paining {onset}", "I got {symptom} in my {location}",
        ],
    },
}

# Intents whose slots the skill may fill with Dialog.ElicitSlot (manual delegation).
DIALOG_INTENTS = ("RecommendIntent", "StartSessionIntent")
FALLBACK_SENSITIVITY = "MEDIUM"


def _merged_types(locale: str) -> list[dict]:
    types = []
    extras = LOCALE_SYNONYMS.get(locale, {})
    for type_name, values in SLOT_TYPES.items():
        type_values = []
        for value_id, words in values.items():
            words = list(words) + list(extras.get(type_name, {}).get(value_id, []))
            if len({w.lower() for w in words}) != len(words):
                raise SystemExit(f"{locale}: duplicate word in {type_name}.{value_id}: {words}")
            type_values.append({"id": value_id, "name": {"value": words[0], "synonyms": words[1:]}})
        types.append({"name": type_name, "values": type_values})
    unknown = {t for t in extras} - set(SLOT_TYPES)
    if unknown:
        raise SystemExit(f"{locale}: extra synonyms for unknown types {unknown}")
    return types


def _language_intents(locale: str) -> list[dict]:
    extras = LOCALE_SAMPLES.get(locale, {})
    intents = []
    for spec in INTENTS:
        slots = []
        for slot_name, slot_type in spec["slots"].items():
            slot: dict = {"name": slot_name, "type": slot_type}
            slot_samples = spec.get("slot_samples", {}).get(slot_name)
            if slot_samples:
                slot["samples"] = list(slot_samples)
            slots.append(slot)
        intent: dict = {"name": spec["name"], "slots": slots, "samples": spec["samples"] + extras.get(spec["name"], [])}
        if not slots:
            del intent["slots"]
        intents.append(intent)
    for name, samples in BUILT_IN_INTENTS.items():
        intents.append({"name": name, "samples": list(samples)})
    return intents


def _dialog() -> dict:
    by_name = {spec["name"]: spec for spec in INTENTS}
    return {
        "delegationStrategy": "SKILL_RESPONSE",
        "intents": [
            {
                "name": name,
                "delegationStrategy": "SKILL_RESPONSE",
                "confirmationRequired": False,
                "prompts": {},
                "slots": [
                    {
                        "name": slot_name,
                        "type": slot_type,
                        "elicitationRequired": False,
                        "confirmationRequired": False,
                        "prompts": {},
                    }
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
                "types": _merged_types(locale),
            },
            "dialog": _dialog(),
        }
    }


def render(locale: str) -> str:
    return json.dumps(build_model(locale), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    args = parser.parse_args(argv)
    stale = []
    for locale in LOCALES:
        path = MODELS_DIR / f"{locale}.json"
        text = render(locale)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
