"""SSML as the console prints it, and the optional espeak-ng voice."""

from __future__ import annotations

import os
import stat

from heat_or_ice_web.speech_out import Voice, espeak_voice, ssml_for_espeak, ssml_to_text


def test_tags_go_entities_decode_and_long_pauses_show():
    ssml = (
        '<speak>Hold it. <break time="10s"/> Relax.<break time="300ms"/> <p>Wrap it &amp; check.</p>'
        '<amazon:effect name="whispered">Quietly.</amazon:effect></speak>'
    )
    assert ssml_to_text(ssml) == "Hold it. [pause 10s] Relax. Wrap it & check. Quietly."


def test_millisecond_pauses_of_a_second_or_more_show_in_seconds():
    assert ssml_to_text('<speak>a<break time="1500ms"/>b</speak>') == "a [pause 1.5s] b"


def test_plain_text_stays_as_it_is():
    assert ssml_to_text("Just words.") == "Just words."


def test_espeak_gets_only_tags_it_knows():
    ssml = (
        '<speak><amazon:emotion name="excited">Great</amazon:emotion> <break time="1s"/>'
        '<audio src="https://example.com/a.mp3"/><voice name="Matthew">done</voice></speak>'
    )
    out = ssml_for_espeak(ssml)
    assert out.startswith("<speak>") and out.endswith("</speak>")
    assert "amazon:" not in out and "audio" not in out and "voice" not in out
    assert '<break time="1s"/>' in out and "Great" in out and "done" in out


def test_espeak_voice_names():
    assert (
        espeak_voice("en-US") == "en-us"
        and espeak_voice("en-GB") == "en-gb"
        and espeak_voice("de-DE") == "de"
    )


def test_no_espeak_is_one_clear_note_and_never_a_crash(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    notes = []
    voice = Voice(True, note=notes.append)
    voice.say("<speak>hello</speak>")
    assert len(notes) == 1 and "espeak-ng is not installed" in notes[0]
    assert not voice.speaking


def test_voice_off_says_nothing_and_notes_nothing(monkeypatch, tmp_path):
    notes = []
    Voice(False, note=notes.append).say("<speak>hello</speak>")
    assert notes == []


def fake_espeak(folder, body: str):
    program = folder / "espeak-ng"
    program.write_text(f"#!/bin/sh\n{body}\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return program


def test_speaks_ssml_with_espeak_in_ssml_mode(monkeypatch, tmp_path):
    record = tmp_path / "args.txt"
    fake_espeak(tmp_path, f'printf "%s\\n" "$@" > "{record}"')
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ["PATH"])
    Voice(True, "en-GB", note=lambda _: None).say(
        '<speak>Hi <amazon:effect name="whispered">there</amazon:effect></speak>'
    )
    args = record.read_text().splitlines()
    assert args[:3] == ["-m", "-v", "en-gb"]
    assert " ".join(args[3].split()) == "<speak>Hi there</speak>"


def test_a_failing_espeak_is_noted_once_then_left_alone(monkeypatch, tmp_path):
    fake_espeak(tmp_path, 'echo "no audio device" >&2; exit 1')
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ["PATH"])
    notes = []
    voice = Voice(True, note=notes.append)
    voice.say("<speak>one</speak>")
    voice.say("<speak>two</speak>")
    assert len(notes) == 1 and "no audio device" in notes[0]
