"""E-mail threads saved as text, read as their messages' words.

A thread quotes each earlier message behind ">" marks ("> > Rest usually settles
it"), wraps its lines inside the quote, and puts headers, attributions ("On Mon, 2 Mar
2026, Jo Park wrote:"), sign-offs, signatures, "Sent from my iPhone" and legal
notices around the words. Read as they are, the marks split words from their
sentences and the furniture reads as headings. This module keeps each message's
words, without quote marks, and drops the furniture; the first subject line, without
its "RE:" and "FW:", is the title.

Example:
    >>> title, text = email_to_text("Subject: RE: Knee pain\\nFrom: A <a@x.example>\\n\\nHi,\\n\\n"
    ...     "Ice it.\\n\\nBest,\\nJo\\nSent from my iPhone\\n\\nOn Mon, 2 Mar 2026, B wrote:\\n"
    ...     "> My knee hurts when\\n> I run.")
    >>> title
    'Knee pain'
    >>> print(text)
    Knee pain
    <BLANKLINE>
    Ice it.
    <BLANKLINE>
    My knee hurts when
    I run.
"""
from __future__ import annotations

import re

__all__ = ["email_to_text", "is_email_thread"]

#: a header line of a message: "From: Jo Park <jo@x.example>", "Sent: Monday, 2 March 2026 09:12"
_HEADER = re.compile(r"^(?:from|to|cc|bcc|sent|date|subject|reply-to|importance|attachments?)\s*:", re.IGNORECASE)
_SUBJECT = re.compile(r"^subject\s*:\s*(?:(?:re|fw|fwd|aw|sv)\s*:\s*)*(?P<subject>.*)$", re.IGNORECASE)
#: lines that only stand between messages: an attribution ("On Mon, 2 Mar 2026, Jo wrote:",
#: a forum's "Quote from: ann"), a forward or reply banner
_BETWEEN = re.compile(r"^(?:.{0,120}\bwrote:|quote(?:\s+from)?\s*:.{0,60}|-{2,}\s*(?:original message|forwarded message)\s*-{2,}|"
                      r"begin forwarded message:?|_{5,}|-{5,})\s*$", re.IGNORECASE)
#: a sign-off, after which come the sender's name and signature
_SIGN_OFF = re.compile(r"^(?:best(?: wishes| regards)?|kind regards|warm regards|regards|thanks(?: again)?|"
                       r"thank you|many thanks|cheers|all the best|speak soon|take care|yours(?: sincerely| truly)?|"
                       r"sincerely)\s*[,!.]?\s*$", re.IGNORECASE)
#: a line of a device's or a mail program's own: "Sent from my iPhone", "Get Outlook for Android"
_DEVICE = re.compile(r"^(?:sent from my\b.*|get outlook for\b.*|sent via\b.*)$", re.IGNORECASE)
#: the opening of a legal notice, which runs to the end of its paragraph
_NOTICE = re.compile(r"^(?:confidentiality(?: notice)?|disclaimer|privileged and confidential|"
                     r"this (?:e-?mail|message)\b.{0,60}\b(?:confidential|intended (?:solely |only )?for))",
                     re.IGNORECASE)
#: a line of prose, which no signature has: a sentence's end, or nine words
_PROSE = re.compile(r"[.!?]$|^\W*(?:[^\W\d_]+\W+){8}[^\W\d_]+")
#: a line's quote marks: "> ", "> > ", ">>"
_QUOTE = re.compile(r"^(?:\s*>)+ ?")
#: a signature's delimiter line
_SIGNATURE = "-- "


def is_email_thread(text: str) -> bool:
    """Whether a text is an e-mail message or thread: it opens with message headers,
    or quotes an earlier message after an attribution ("On ..., X wrote:")."""
    head = [line for line in text[:2_000].splitlines() if line.strip()][:6]
    if sum(1 for line in head if _HEADER.match(line)) >= 2:
        return True
    return any(_BETWEEN.match(line.strip()) for line in text.splitlines()) and bool(
        re.search(r"^>", text, re.MULTILINE))


def email_to_text(text: str) -> tuple[str, str]:
    """The thread's title (its first subject, "" if none) and its messages' words,
    the title first. A sign-off ("Best,") ends its message's words: the name and
    signature after it run to the next message (a header, an attribution, a change
    of quote depth, or a line of prose); a legal notice runs to the end of its
    paragraph."""
    title = ""
    kept: list[str] = []
    skipping = ""  # "signature" or "notice" while inside one
    depth = 0
    for raw in text.splitlines():
        marks = _QUOTE.match(raw)
        line = raw[marks.end():].rstrip() if marks else raw.rstrip()
        stripped = line.strip()
        level = marks.group().count(">") if marks else 0
        if stripped and level != depth:
            depth, skipping = level, ""  # another message, quoted deeper or less deep
        if not stripped:
            skipping = "" if skipping == "notice" else skipping
            kept.append("")
            continue
        subject = _SUBJECT.match(stripped)
        if subject and not title:
            title = subject.group("subject").strip()
        if _HEADER.match(stripped) or _BETWEEN.match(stripped) or _DEVICE.match(stripped):
            skipping = ""
            if not any(c.isalnum() for c in stripped):
                kept.append(stripped)  # a rule ("-----") stays: with another it fences a section's heading
            continue
        if _GREETING.match(stripped):
            continue
        if skipping == "signature" and _PROSE.search(stripped):
            skipping = ""  # a sentence, not a name or a title: the words go on (a forum's next post)
        if _NOTICE.match(stripped):
            skipping = "notice"
        elif _SIGN_OFF.match(stripped) or line == _SIGNATURE:
            skipping = "signature"
        if not skipping:
            kept.append(line)
    body = re.sub(r"\n\s*\n(?:\s*\n)*", "\n\n", "\n".join(kept).strip())
    return title, (f"{title}\n\n{body}" if title else body)


#: a greeting alone on its line: "Hi Dan,", "Dear Dr Park,"
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|morning|good (?:morning|afternoon|evening))\b[^.!?\n]{0,40}[,!]?$",
                       re.IGNORECASE)
