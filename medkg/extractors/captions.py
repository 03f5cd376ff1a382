"""Caption files (WebVTT, SubRip) as running text.

A video's captions cut its speech into timed cues of a line or two, so a sentence
runs across cues ("today we talk about" / "knee pain in skiers."). Read line by line,
each piece would be a block of its own and no sentence whole. This module drops
what is not speech (the header, cue numbers, timings, sound tags such as "[Music]")
and joins the cues into paragraphs, a new one at each change of speaker (">> ANNA:",
"- ", "DR. LEE:").

Example:
    >>> print(captions_to_text("WEBVTT\\n\\n1\\n00:00:01.000 --> 00:00:03.000\\n[Music]\\n\\n"
    ...                        "2\\n00:00:03.000 --> 00:00:06.000\\n>> ANNA: Today: knee pain\\nin skiers."))
    ANNA: Today: knee pain in skiers.
"""
from __future__ import annotations

import re

__all__ = ["captions_to_text", "is_captions"]

#: a cue's timing line: "00:01:02.000 --> 00:01:05.500", "00:01:02,000 --> 00:01:05,500 align:start"
_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}.*$",
                     re.MULTILINE)
#: markup inside a cue: voice and class tags, inline timestamps ("<00:00:01.200>")
_CUE_TAG = re.compile(r"</?(?:[a-z](?:\.[\w.-]+)?|v(?:\s[^>]*)?|c(?:\.[\w.-]+)?|ruby|rt|lang[^>]*)>|<\d[\d:.]*>")
#: a sound or music tag: "[Music]", "(applause)", "\u266a"
_SOUND = re.compile(r"\[(?:[^\]\n]{0,30})\]|\((?:music|applause|laughter|laughs|inaudible|crosstalk)\)|[\u266a\u266b]",
                    re.IGNORECASE)
#: a turn's opening: ">> ANNA:", ">>", "- ", "DR. LEE:", "Host:"
_TURN = re.compile(r"^(?:>>\s*|-\s+|(?=(?:[A-Z][\w.'-]*\s?){1,3}:\s))")
_SPEAKER = re.compile(r"^>>\s*")
#: the smallest number of timing lines that makes a file captions without a "WEBVTT" header
_LEAST_CUES = 3


def is_captions(text: str) -> bool:
    """Whether a text is a caption file: a "WEBVTT" header, or several cue timings."""
    if text.lstrip("\ufeff \n").startswith("WEBVTT"):
        return True
    return len(_TIMING.findall(text, 0, 20_000)) >= _LEAST_CUES


def _cues(text: str) -> list[list[str]]:
    """The text lines of each cue, in order (header, notes and styles left out)."""
    cues = []
    for block in re.split(r"\n\s*\n", text.strip("\ufeff \n")):
        lines = block.splitlines()
        timing = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if timing is not None:  # a cue: its number or name comes before the timing
            cues.append(lines[timing + 1:])
    return cues


def captions_to_text(text: str) -> str:
    """The speech of a caption file, as paragraphs: one per turn of a speaker (all of
    it as one paragraph when no speaker is marked). A line repeated from the cue
    before (captions that roll up) is said once."""
    paragraphs: list[list[str]] = [[]]
    last = ""
    for cue in _cues(text):
        for line in cue:
            line = _SOUND.sub("", _CUE_TAG.sub("", line)).strip()
            if not line or line == last:
                continue
            last = line
            if _TURN.match(line) and paragraphs[-1]:
                paragraphs.append([])
            paragraphs[-1].append(_SPEAKER.sub("", line))
    return "\n\n".join(" ".join(words) for words in paragraphs if words)
