"""Document structure: title, headings, list items with the line that introduces
them, Q&A parts, and sentences.

Works on plain text and on the Markdown that HTML loading produces. In plain text a
heading is guessed from its shape: a short line without closing punctuation. A line
ending with ``:`` introduces the list items that follow it ("You are more likely to
get shin splints if:"). News pages mark a subheading with "\u25c6" and put a list's items
inside a paragraph behind "\u25b2" bullets; both are read as such.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from medkg.extractors.document import Block, Sentence, SourceDocument

__all__ = ["Structure", "parse_structure", "split_sentences", "TABLE_ROW"]

#: lines this long (shortest, longest) that end mid-sentence are taken as hard-wrapped
WRAP_WIDTH = (50, 100)
_CLOSING = (".", "!", "?", ":", ";", '"', "\u201d", ")", "]", "\u2026")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
#: a line that introduces a list without a colon ("tests, which may include the following")
_INTRODUCES = re.compile(r"\b(?:the following|as follows|include|includes|including|such as|namely)\W*$", re.IGNORECASE)
#: a list item's marker: a bullet (those of word processors and PDF exports too: "\uf0b7",
#: "\u25e6", "\u27a2", "\u2713"), a number or a letter
_ITEM = re.compile(r"^\s*(?:[-*+\u2022\u00b7\u25cf\u25aa\u25b2\u2013\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u25e6\u25cb\u25ab"
                   r"\u25ba\u27a2\u27a4\u2713\u2714\u2756\u2043\u2219\u2023]|\(?\d{1,2}[.),:](?!\d)|\(?[a-z][.)](?=\s)|"
                   # a bullet a scan's text recognition read as a letter: "o First 2-3 days: rest"
                   r"o(?=\s+[A-Z0-9])|"
                   # a numbered section's points: "2.1 A poor bike fit", "3.2. Tight hip flexors"
                   r"\d{1,2}\.\d{1,2}\.?(?=\s+[A-Z]))\s*")
#: a number and a comma, which opens a list item ("1, the landing is wrong") but not a
#: line that a hard wrap cut ("... on day 2 or\n3, then fades")
_NUMBER_COMMA = re.compile(r"^\s*\d{1,2},")
#: a numbered line at the margin that may head a section: "4. How your physiotherapist assesses you"
_SECTION_NUMBER = re.compile(r"^\d{1,2}[.)]\s+\S.*[^.,:;!]$")
#: a numbered subsection's title at the margin: "3.2 Risk factors", "4.1.3 Imaging"
_SUBSECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-Z][^.,:;!?]{0,50}$")
#: the most words of a numbered section's name (see :func:`parse_structure`)
_NUMBERED_TITLE_WORDS = 5
_BARE_NUMBER = re.compile(r"^\s*\d{1,2}[.,)]?\s*$")
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx",
                  "no", "fig", "jr", "sr", "dept", "mt", "cf", "al", "min", "max", "incl"}
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
#: characters of the longest sentence: a longer run (a page without full stops, a table
#: flattened into one line) is cut at clause marks, as relating every pair of concepts
#: in it costs the square of its length (the longest sentence of the benchmark pages
#: has 587 characters; a crafted 8,000-character one took a minute)
LONGEST_SENTENCE = 1000
#: where an overlong sentence is cut: after its last clause mark, or else its last space
_CLAUSE_MARK, _SPACE = re.compile(r"[,;:]\s"), re.compile(r"\s")
_QUESTION_START = re.compile(r"^(question|q:|ask date|asked by)", re.IGNORECASE)
_META = re.compile(r"^(?:(?:dr\.?|doctor)\s.{0,60}\b(?:reply|replied|answers?|answered)\b.{0,40}$|"
                   r"(?:(?:reply|post|answer|comment)\s*#?\d*\s*[-:\u2013]?\s*)?"
                   r"(?:asked|posted|answered|submitted|written|reviewed|checked|replied)\s+by\b.{0,80}$|"
                   # a post's header: "Reply from SteelIsReal (member since 2009) | 3 Jun 2024 21:40"
                   r"(?:reply|response|comment|answer|message)\s+from\s+\S+.{0,60}\|\s*\d{1,2}\s+\w{3,9}\.?\s+\d{4}.{0,20}$|"
                   r"(?:ask|reply|posted|updated|published)\s*date\s*:|.{0,60}\d{1,2}\D{1,3}\d{1,2}\s*year old|"
                   # a label and a date: "Asked: 14.03.2024", "Posted on 2024-03-14"
                   r"(?:asked|answered|posted|updated|published|date)(?:\s+on)?\s*:?\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$|"
                   # a news article's byline and photo caption: "By Jamie Cole, Health Reporter | March 4, 2024"
                   r"by\s+(?-i:[A-Z][\w.'-]+\s+[A-Z][\w.'-]+)\s*(?:,|\||$).{0,80}$|(?:photo|image|picture|caption)s?\s*(?:credit)?\s*:|"
                   # a Q&A site's signature: "asked Mar 2, 2023 at 10:14 by lap_swimmer", "edited 2 days ago"
                   r"(?:asked|answered|edited|modified|commented)\s+(?:on\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+(?:\d{4}\s+)?"
                   r"(?:at\s+\d{1,2}:\d{2})?|\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago|yesterday|today)"
                   r"(?:\s+by\s+\S+.{0,40})?$|"
                   # a guideline's grading of its advice: "Strength of evidence: moderate", "Quality of evidence: low"
                   r"(?:strength|quality|level|grade|certainty) of (?:evidence|recommendation)\s*:\s*\w+(?:\s+\w+)?\W*$|"
                   # a doctor's signature: "Doctor Wang Li, attending physician, Orthopedics, Third People's Hospital"
                   r"(?:dr\.?|doctor)\s[^.!?,]{1,40},[^.!?]{0,120}\b(?:physician|surgeon|doctor|hospital|department|"
                   r"clinic|specialist|attending|chief|resident|professor)\b[^.!?]*$|"
                   # a byline: "Author: neurologist of the highest category ... Checked by: chief physician"
                   r"(?:author|authors|reviewer|medical reviewer|editor)\s*:.{0,200}$|"
                   # a doctor's profile: "Good at: sports injury, knee and ankle arthroscopy"
                   r"(?:good at|specialties|specialities|expertise|areas? of (?:expertise|interest)|"
                   r"special interests?|skilled in|experienced in)\s*:.{0,200}$)",
                   re.IGNORECASE)
#: a line of the page's furniture rather than its content: ads, sign-ups, cookie and copyright lines
#: a line of a poster's card: "Posts: 1,208", "Joined: Mar 2017", "Verified: Physical Therapist"
_CARD_LINE = (r"^(?:posts|joined|member since|messages|reactions?|reaction score|likes(?: received)?|"
              r"reputation|karma|points|threads|verified)\s*:\s*[\w ,./'-]{1,40}$")
_FURNITURE = re.compile(r"^\W*(?:sponsored|advertisement|advert|ad|promoted|read more)\b|"
                        r"\b(?:shop now|buy now|book now|order now|\d+\s?% off|free shipping|(?:use|promo|discount) code|"
                        r"affiliate link|sign up|subscribe|newsletter|all rights reserved|privacy policy|"
                        # a site's standing line: "In an emergency, call your local emergency number."
                        r"in an emergency,?\s+(?:please\s+)?(?:call|dial|ring|phone)|"
                        r"cookie (?:settings|preferences|policy)|skip to (?:the )?(?:main )?(?:content|navigation|menu))\b|"
                        # a price list: "Appointment of a neurologist, primary - 3200 rub."
                        r"\d\s?(?:rub|rubles|roubles|usd|eur|gbp|won|yuan)\b\.?\s*$|[$\u20ac\u00a3]\s?\d+(?:[.,]\d\d)?\s*$|"
                        r"\bcookies\b.*\b(?:accept|agree|settings)\b|"
                        # a forum's controls and counters: "[ New Topic ] [ Post Reply ] Page 1 of 2",
                        # "Views: 4,812   Replies: 23", a post's header "#3  sarah_k  (Member, posts: 212)"
                        r"\b(?:new topic|post reply|reply to thread|page \d+ of \d+)\b|"
                        # a line of buttons: "[Login] [Register] [Download APP, consult doctor anytime]"
                        r"^(?:\[[^\]]{1,60}\]\s*){2,}$|"
                        r"\b(?:views|replies)\s*:\s*[\d,]+|^#\d+\s+\S+|^(?:posted|last edited)\s*(?:on\s*)?:|"
                        # a poster's card: "Senior Member", "Moderator", "Posts: 1,208", "Joined: Mar 2017",
                        # "Verified: Physical Therapist"
                        r"^(?:(?:senior|junior|new|active|veteran|well-known|regular|gold|silver|premium|super)\s+)?"
                        r"(?:member|moderator|administrator|admin|staff|guest)\W*$|"
                        rf"{_CARD_LINE}|"
                        # a messaging app's placeholders: "<Media omitted>", "This message was deleted"
                        r"^<[\w ]+omitted>$|^(?:this message was deleted|you deleted this message)\W*$|"
                        r"\bmessages and calls are end-to-end encrypted\b|"
                        # contact details: "Unit 4, Riverside Business Park | Tel 01632 960 418 | www.example"
                        r"\b(?:tel|telephone|phone|call us)\b\.?:?\s*\+?\d[\d ()-]{6,}|\bwww\.\S+\.\S+|"
                        # a form's answers in a row: "Swelling of the whole calf: no \u00b7 Recent long journey: no"
                        # (each answer up to five words, written so that one long word cannot be split
                        # into "words" in every way: "(?:\S+\s*){1,5}" took 0.2 s on one 100-character line)
                        r"^(?:[^:\u00b7|]{2,40}:\s*\S+(?:\s+\S+){0,4}\s*[\u00b7|]\s*)+[^:\u00b7|]{2,40}:\s*\S+(?:\s+\S+){0,4}\s*$",
                        re.IGNORECASE)
#: a leaflet's letterhead in capitals: "NORTHVALE SPORTS INJURY & PHYSIOTHERAPY CLINIC",
#: "PATIENT INFORMATION LEAFLET" (in other case, such a line may be a heading of content,
#: unless it carries the leaflet's number: "Patient Information Leaflet No. 17")
_LETTERHEAD = re.compile(r"^(?:\S+\s+){0,7}(?:CLINIC|CENTRE|CENTER|HOSPITAL|TRUST|LTD|LIMITED|INC|LLC)\.?$|"
                         r"^\W*PATIENT (?:INFORMATION|LEAFLET)(?: LEAFLET)?\W*$|"
                         r"^\W*(?i:(?:patient\s+)?(?:information\s+)?leaflet\s*(?:no\.?|number|#|ref\.?:?)\s*[\w-]*\d)\W*$|"
                         # the clinic's name, then its leaflet's code: "NORTHGATE PHYSIOTHERAPY   Patient
                         # information leaflet PI-37"
                         r"^[^a-z]{3,80}\s{3,}(?i:(?:patient\s+)?(?:information\s+)?leaflet\s+[a-z]*-?\d+)\W*$")
#: a site's name over its first line of content: "TrailAndTarmac Forums", "RunChat Community"
#: (the thread's subject below it is the page's title)
_SITE_NAME = re.compile(r"^(?:[\w.&'-]+\s+){0,4}(?:forums?|community|message boards?|online)\s*$", re.IGNORECASE)
#: characters of a line for it to be furniture: a paragraph of content is longer (and
#: scanning every paragraph for furniture words doubled the cost of this stage)
_FURNITURE_LENGTH = 250
#: a breadcrumb trail ("Forum > Training > Injuries", after the site's name: "AskAClinician | Home >
#: Sports > Foot") or a menu ("Home | Conditions | Shop | Log in",
#: "Home · Rides · Kit")
_NAVIGATION = re.compile(r"^(?:[^>\u00bb\u203a|]{1,60}\|\s*)?(?:[^>\u00bb\u203a|]{1,60}\s[>\u00bb\u203a]\s){2,}"
                         r"[^>\u00bb\u203a|]{0,100}$|"
                         r"^(?:[^|\u00b7\u2022]{1,45}\s[|\u00b7\u2022]\s){2,}[^|\u00b7\u2022]{1,30}$|"
                         # a trail from the home page with slashes: "Home / Blog / Injury Prevention"
                         r"^(?i:home)\s/\s(?:[^/]{1,60}\s/\s)*[^/]{1,100}$")
#: words of a first line that can be the page's title; a longer one is a paragraph
_TITLE_WORDS = 20
#: the heading of a list of links to other pages ("Related articles", "You may also like")
#: or of an article's sources ("References"), alone on its line or before a colon
_ASIDE = re.compile(r"^\W*(?:related (?:articles?|posts?|questions?|links?|information|faqs?|topics?|stories|content|"
                    r"reading|threads?)|similar (?:threads?|questions?|posts?|topics?|articles?)|"
                    r"you (?:may|might) also like|read (?:more|next)|see also|more (?:articles|stories|posts)|"
                    r"popular (?:posts|articles)|recommended (?:articles|reading|posts)|trending|"
                    # an article's sources: "References", "Further reading", "External links"
                    r"references|bibliography|sources|citations|works cited|further reading|external links|"
                    # a table of contents, whose links repeat the headings below: "Table of contents", "In this article"
                    r"(?:table of )?contents|in this (?:article|post|guide)|on this page|jump to)"
                    r"\s*(?::|$)", re.IGNORECASE)
#: words of a line below such a heading for it to be content, not the title of a link
_ASIDE_CONTENT_WORDS = 20
#: a poster's card opens a post of a forum thread saved as text (:data:`_CARD_LINE`): the
#: thread's first post asks, the posts after it answer
_POSTER_CARD = re.compile(_CARD_LINE, re.IGNORECASE)
_ANSWER_START = re.compile(r"^(dr\.?\s|doctor\s|answer\b|a:|reply\b|more info\b|dear patient|"
                           r"answered\s+by\b|(?:answer|reply|response)\s+(?:from|by)\b)", re.IGNORECASE)


@dataclass
class Structure:
    """A document's blocks and sentences."""

    document: SourceDocument
    blocks: list[Block]
    sentences: list[Sentence]
    #: the indices of each block's sentences
    by_block: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.by_block:
            for index, sentence in enumerate(self.sentences):
                self.by_block.setdefault(sentence.block, []).append(index)

    def heading_text(self, block_index: int) -> str:
        return self.blocks[block_index].text


def _furniture(line: str) -> bool:
    """Whether a line is the page's furniture (an ad, a menu, a letterhead, buttons)."""
    return len(line) <= _FURNITURE_LENGTH and bool(_FURNITURE.search(line) or _NAVIGATION.match(line)
                                                   or _LETTERHEAD.match(line))


#: a page's number on a line of its own: "- 1 -", "Page 2 of 3", "2/3"
_PAGE_NUMBER = re.compile(r"^[-\u2013\u2014\s]*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?[-\u2013\u2014\s]*$",
                          re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
#: a page's number at either end of a line: "2/3", "Page 2 of 3", "- 2 -"
_PAGE_AT_END = re.compile(r"^\W*(?:page\s+)?\d{1,3}\b|\b\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\W*$", re.IGNORECASE)


def _digitless(line: str) -> str:
    return _DIGITS.sub("#", line.strip())


def _running_heads(text: str, format: str) -> frozenset[str]:
    """A printed document's running heads: a line with a page number at one end that
    comes back on each page ("CITY SPORTS CLINIC - Patient Information 2/3"), with its
    digits made "#" (see :func:`_digitless`). Web pages have none (their title comes
    back as the first heading)."""
    if format in ("md", "html"):
        return frozenset()
    seen: dict[str, int] = {}
    for line in text.split("\n"):
        if _PAGE_AT_END.search(line) and len(line.strip()) <= _FURNITURE_LENGTH:
            key = _digitless(line)
            seen[key] = seen.get(key, 0) + 1
    return frozenset(key for key, count in seen.items() if count > 1)


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 12 or len(line) > 90:
        return False
    if line[-1] in ".,;!\"'" or line.endswith(("...", ":")):
        return False
    if not line[0].isupper() and not line[0].isdigit():
        return False
    return True


#: a rule drawn across a plain-text page: "-----", "=====", "_____"
_RULE = re.compile(r"^\s*([-=_*~])\1{2,}\s*$")


def _fenced(text: str) -> frozenset[int]:
    """Where the lines fenced by a rule above and a rule below start: a plain-text
    page's (an e-mail newsletter's) section headings ("-----\n2. SHIN BANG: WHY YOUR
    SHINS HURT\n-----"), which a number may open as a list's items do."""
    starts, position, lines = [], 0, text.split("\n")
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return frozenset(starts[i] for i in range(1, len(lines) - 1)
                     if _RULE.match(lines[i - 1]) and _RULE.match(lines[i + 1]) and lines[i].strip()
                     and not _RULE.match(lines[i]))


def _cut_mid_sentence(line: str) -> bool:
    """A line of a hard wrap's width (50 to 100 characters) that stops without closing
    punctuation was wrapped, not ended. Longer lines are paragraphs of their own."""
    return WRAP_WIDTH[0] <= len(line) <= WRAP_WIDTH[1] and not line.endswith(_CLOSING)


#: the share of a document's lines under which its column width is measured (not all: boxes and running heads are wider)
_WIDTH_SHARE = 0.8
#: the fewest lines a document needs for its column width to be measured
_WIDTH_LINES = 20


def _shortest_wrap(text: str, format: str) -> int:
    """The shortest line a hard wrap may have cut in this document: in plain text, a
    little over half the column's width (the length four lines in five reach), so that
    narrow columns (a scanned handout's two columns flattened) and ragged ones (a
    printed leaflet copied as text, its lines cut anywhere between 40 and 80
    characters) join up; at most a wrap's usual width (:data:`WRAP_WIDTH`)."""
    if format in ("md", "html"):
        return WRAP_WIDTH[0]
    lengths = sorted(len(line.strip()) for line in text.split("\n") if len(line.strip()) > 3)
    if len(lengths) < _WIDTH_LINES:
        return WRAP_WIDTH[0]
    width = lengths[int(len(lengths) * _WIDTH_SHARE)]
    return min(WRAP_WIDTH[0], max(15, width * 11 // 20))


def _extend(block: Block, text: str, end: int) -> None:
    """Let ``block`` run on to ``end`` of ``text``: the line there goes on it."""
    block.end = end
    block.text = text[block.start:end]


def _close_sections(headings: list[tuple[int, int]], level: int) -> None:
    """End the open sections (level, heading block) at ``level`` or deeper: a heading
    of that level starts."""
    while headings and headings[-1][0] >= level:
        headings.pop()


def _promote(blocks: list[Block], headings: list[tuple[int, int]], index: int, level: int) -> None:
    """Make an item read as a list point the heading of the section that follows it."""
    heading = blocks[index]
    _close_sections(headings, level)
    heading.kind, heading.level, heading.intro = "heading", level, None
    heading.section = tuple(i for _, i in headings)
    headings.append((level, index))


def _numbered(line: str) -> bool:
    """Whether a list item's marker is a number ("3.") rather than a bullet."""
    return line.lstrip()[:1].isdigit()


def _wrap_state(line: str, shortest: int = WRAP_WIDTH[0]) -> str:
    """How a paragraph's or item's line ends: "cut" by a hard wrap (the next line goes
    on it), "open" if longer than a wrap's width but without closing punctuation (a
    wider wrap, as print exports have: the next line goes on it if it starts in lower
    case, "...that is related\nto cycling."), or "" if ended. In narrow columns
    (``shortest``, see :func:`_shortest_wrap`) a shorter line is "open", and "cut" if
    a hyphen split its last word ("compres-\nsion")."""
    if _cut_mid_sentence(line) or (len(line) >= shortest and line.endswith("-") and line[-2:-1].isalpha()):
        return "cut"
    if line.endswith(_CLOSING):
        return ""
    return "open" if len(line) > WRAP_WIDTH[1] or shortest <= len(line) < WRAP_WIDTH[0] else ""


def _goes_on(state: str, line: str) -> bool:
    """Whether ``line`` continues the line before, whose :func:`_wrap_state` is ``state``."""
    return state == "cut" or (state == "open" and line[0].islower())


#: the mark that opens a news article's subheading: "\u25c6 Not every rib pain is a fracture"
_SECTION_MARK = re.compile(r"^[\u25c6\u25a0]\s*(?=\S)")
#: a bullet that news pages put inside a paragraph: "higher in the following cases.
#: \u25b2Beginners who practise too much \u25b2those with weak core muscles"
_INLINE_BULLET = re.compile(r"\s*\u25b2")


#: a row of a table, as the loaders write HTML tables and Markdown writes its own: "| Ice | Strain | 2 days |"
TABLE_ROW = re.compile(r"^\|(?:[^|]*\|){2,}$")
#: who speaks in a transcript or chat, and when: "[00:01:40] HOST: ", "12:05 Dr. Ortiz: ", "INTERVIEWER: "
_SPEAKER = re.compile(r"^(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}:\s+)?|"
                      # a messaging app's export: "[12/03/24, 18:02] Maya Ruiz: ", "12/03/2024, 18:02 - Tom B: "
                      r"\[?\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\]?"
                      r"\s*(?:-\s+)?[^:\n]{1,40}?:\s+|"
                      r"(?:HOST|CO-HOST|GUEST|INTERVIEWER|MODERATOR|PRESENTER|NARRATOR|SPEAKER ?\d*|"
                      r"DR\.? [A-Z][A-Z'-]+):\s+)")
#: a row of a table laid out in columns of spaces, as print exports flatten them:
#: "Outside of the hip             Greater trochanteric pain syndrome"
_SPACED_ROW = re.compile(r"^\S.*?\S {4,}\S")
#: how deep a line of a spaced row's later column is indented, at least, when a cell
#: wraps onto it ("                       (gluteal tendinopathy)")
_COLUMN_INDENT = 16
#: a line of a box drawn around text: "|  RED FLAGS - CONTACT US   |" (its text is read as a line)
_BOX_LINE = re.compile(r"^(\s*\|\s*)([^|]*?)\s*\|\s*$")
#: a link to the rest of a snippet, run into its last line: "Suggest an MRI to
#: confirm...[Read More] Back Shoulder Pain in Tennis Players"
_READ_MORE = re.compile(r"\[\s*read more\s*\]|\bread more\s*(?:\u00bb|>>|\u2192)", re.IGNORECASE)


def _lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(start, line, whether an inline list follows it) for each line of ``text``, a line
    with inline bullets cut before each bullet, so that they read as a list's items, and
    a snippet's line cut before its "[Read More]" link, which then reads as furniture,
    and a boxed line without its borders."""
    position = 0
    for whole in text.split("\n"):
        if box := _BOX_LINE.match(whole):
            yield position + box.end(1), box.group(2), False
            position += len(whole) + 1
            continue
        link = _READ_MORE.search(whole)
        pieces = [(0, whole)] if link is None or not whole[:link.start()].strip() else \
            [(0, whole[:link.start()]), (link.start(), whole[link.start():])]
        for at, raw in pieces:
            cuts = [m.start() for m in _INLINE_BULLET.finditer(raw) if raw[:m.start()].strip()]
            for begin, end in zip([0, *cuts], [*cuts, len(raw)]):
                yield position + at + begin, raw[begin:end], end != len(raw) and begin == 0
        position += len(whole) + 1


def split_sentences(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Sentences of ``text`` as (text, start, end), not splitting after abbreviations
    such as "Dr." or "e.g." or after a single initial."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start() + 1].rstrip(".!?\"')] ")
        last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if text[m.start()] == "." and (last_word.rstrip(".") in _ABBREVIATIONS or
                                       (len(last_word) == 1 and last_word.isalpha())):
            continue
        end = m.end()
        chunk = text[start:end].strip()
        if chunk:
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((chunk, offset + start + lead, offset + start + lead + len(chunk)))
        start = end
    chunk = text[start:].strip()
    if chunk:
        lead = len(text[start:]) - len(text[start:].lstrip())
        spans.append((chunk, offset + start + lead, offset + start + lead + len(chunk)))
    return [piece for span in spans for piece in _cut(*span)]


def _cut(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A sentence as pieces of at most :data:`LONGEST_SENTENCE` characters, each cut
    after its last clause mark (or else its last space) within the limit."""
    pieces = []
    while len(text) > LONGEST_SENTENCE:
        cut = next((marks[-1] for pattern in (_CLAUSE_MARK, _SPACE)
                    if (marks := [m.end() for m in pattern.finditer(text, LONGEST_SENTENCE // 2, LONGEST_SENTENCE)])),
                   LONGEST_SENTENCE)
        piece = text[:cut].rstrip()
        pieces.append((piece, start, start + len(piece)))
        rest = text[cut:]
        start += cut + len(rest) - len(rest.lstrip())
        text = rest.lstrip()
    if text:
        pieces.append((text, start, end))
    return pieces


def parse_structure(document: SourceDocument) -> Structure:
    """Split a document into blocks (title, headings, items, paragraphs) and sentences."""
    blocks: list[Block] = []
    headings: list[tuple[int, int]] = []  # (level, block index)
    marked_up: set[int] = set()  # headings marked as such (Markdown, HTML), not told by their shape
    intro: int | None = None
    part = ""
    text = document.text
    shortest = _shortest_wrap(text, document.format)
    running = _running_heads(text, document.format)
    fenced = _fenced(text) if document.format not in ("md", "html") else frozenset()
    wrapped = ""  # how the line before ended (see _wrap_state)
    adjacent = False  # the line before was not blank
    #: under a heading of links to other pages: "heading", then "links" until a blank line
    aside = ""
    titled = False  # the first line of content has been read: the title, or a paragraph if too long
    table = ""  # the line before was a row of a table, "bars" or "spaced" (rules such as "|---|" do not count)
    numbered = -1  # the block of the last numbered line at the margin, which may head a section
    #: the block of the last numbered subsection line ("3.2 Risk factors"), and the level it would head
    subsection: tuple[int, int] | None = None
    #: an item that introduces a list of its own ("3. Treatment is conservative:"), with its
    #: marker's kind and the intro it had: the next item marked as it is ends that list
    opened: tuple[int, bool, int | None] | None = None
    #: the indent of the last block's item marker, if it is a plain-text item (see below)
    marker_indent: int | None = None
    #: forum posts opened by a poster's card so far, and whether the current card has been seen
    posts, carded = 0, False
    for line_start, raw, listing in _lines(text):
        line = raw.strip()
        if not line or _BARE_NUMBER.match(line) or _PAGE_NUMBER.match(line) or not any(c.isalnum() for c in line):
            wrapped, adjacent = "", False  # a blank line or a rule ("-----") ends a paragraph
            table = "" if table == "spaced" else table  # and a spaced table, which has no rules
            aside = "" if aside == "links" else aside
            continue
        indent = len(raw) - len(raw.lstrip())
        start = line_start + indent
        turn = _SPEAKER.match(line)
        if turn and turn.end() < len(line):
            # a transcript's turn: what is said is the line ("[00:01:40] HOST: So what
            # causes it?" is a question that heads the answer below it), and it goes on
            # no line before it ("- ibuprofen for a few days" then "14:16 You: should I stop?")
            line, start = line[turn.end():], start + turn.end()
        end = start + len(line)
        if (not wrapped and line[0].islower() and blocks and blocks[-1].kind in ("title", "heading") and adjacent
                and document.format not in ("md", "html") and _wrap_state(blocks[-1].text, shortest)):
            # what looked like a heading (or the title) was the first line of a wrapped paragraph
            blocks[-1].kind, blocks[-1].level = "paragraph", 9
            headings = [h for h in headings if h[1] != len(blocks) - 1]
            wrapped = "cut"
        follows, adjacent = adjacent, True  # whether the line goes right on the one before
        furniture = _furniture(line) or _digitless(line) in running or (not titled and bool(_SITE_NAME.match(line)))
        if table == "spaced" and indent >= _COLUMN_INDENT and not furniture:
            _extend(blocks[-1], text, end)  # a cell of a spaced row wrapped onto its own column
            continue
        row = "bars" if TABLE_ROW.match(line) else "spaced" if _SPACED_ROW.match(line) else ""
        hanging = follows and marker_indent is not None and indent > marker_indent
        if (_goes_on(wrapped, line) or hanging) and not turn and not row and not furniture and not _MD_HEADING.match(line) and not _META.match(line) and not (
                _ITEM.match(line) and not _NUMBER_COMMA.match(line)):
            # Hard-wrapped text (forums, e-mail, plain-text exports): the line goes on
            # the paragraph or item it continues, so sentences are not cut in two.
            block = blocks[-1]
            _extend(block, text, end)
            wrapped = _wrap_state(line, shortest)
            if block.kind == "paragraph" and line.endswith(":"):
                intro = len(blocks) - 1  # "Good point. Red flags that need a visit\nwith a doctor soon:"
            continue
        if _POSTER_CARD.match(line):
            if not carded:  # a new post's card
                posts, carded = posts + 1, True
                part = "answer" if posts > 1 else part or "question"
        elif _ANSWER_START.match(line):
            part = "answer"
        elif _QUESTION_START.match(line) and not part:
            part = "question"
        md = _MD_HEADING.match(line)
        item = _ITEM.match(line) if not md else None
        if item and numbered == len(blocks) - 1 and raw[0].isspace():
            # a plain-text handout's numbered line with indented points below it heads
            # their section: "4. How your physiotherapist assesses you\n  - Hip movement tests."
            _promote(blocks, headings, numbered, 2)
            intro = None
        elif not item and not md and subsection and subsection[0] == len(blocks) - 1:
            # a guideline's numbered subsection over its text: "3.2 Risk factors\nLow back
            # pain is more common in people who ..." (consecutive "2.1 A poor bike fit",
            # "2.2 Tight hip flexors" stay the points of a list)
            _promote(blocks, headings, *subsection)
            intro = None
        elif not item and not md and follows and blocks and numbered == len(blocks) - 1 \
                and blocks[-1].intro is None and line[0].isupper() \
                and len(blocks[-1].text.split()) <= _NUMBERED_TITLE_WORDS:
            # a handout's numbered section, its name right over its text, in no list:
            # "1. Hamstring strain\nA hamstring strain is a tear of muscle fibres." ("What
            # to do:\n1. Rest for two weeks\nThen ..." stays a point of its list, and so do
            # a listicle's "1. Ankle Sprain", a blank line over its paragraph)
            _promote(blocks, headings, numbered, 2)
            intro = None
        if _ASIDE.match(md.group(2) if md else line):
            furniture, aside = True, "heading"
        elif aside and md:
            aside = ""  # a marked-up heading opens a section of content ("## Contents", then "## Causes")
        elif aside:
            furniture = furniture or len(line.split()) < _ASIDE_CONTENT_WORDS
            aside = "links" if furniture else ""  # a long line is content: the links have ended
        if furniture:
            kind, level, body = "meta", 9, line
        elif md:
            level = len(md.group(1))
            body = md.group(2).strip()
            start += len(line) - len(md.group(2))
            kind = "title" if not titled and level == 1 else "heading"
        elif not titled and len(line.split()) <= _TITLE_WORDS and not line.endswith((".", ";", ",")):
            kind, level, body = "title", 1, line
        elif _META.match(line):
            kind, level, body = "meta", 9, line
        elif row:
            # a table's first row names its columns ("| Treatment | Used for |") and
            # introduces the rows below it, each a list item of its own
            kind, level, body = ("item" if table else "paragraph"), 9, line
        elif line_start in fenced and not row:
            kind, level, body = "heading", 2, line
        elif item and len(line) > item.end():
            kind, level, body = "item", 9, line[item.end():]
            start += item.end()
            if opened is not None and opened[1] == _numbered(line):
                intro, opened = opened[2], None  # "4. Please see ..." after the points of "3. ...:"
        elif (mark := _SECTION_MARK.match(line)) and len(line.split()) <= _TITLE_WORDS:
            kind, level, body = "heading", 2, line[mark.end():]
            start += mark.end()
        elif _is_heading(line) or (part == "answer" and _QUESTION_START.match(line)):
            # a heading told by its shape ("**Treatment**") under a marked-up one
            # ("## Osgood-Schlatter disease") is a subheading of it; a later question of
            # an FAQ ("Q: My wrist hurts on the little-finger side. What is it?"), however
            # long, heads the section its answer is about
            marked = [lv for lv, i in headings if i in marked_up]
            kind, level, body = "heading", marked[-1] + 1 if marked else 2, line
        else:
            kind, level, body = "paragraph", 9, line
        end = start + len(body)
        if kind in ("title", "heading"):
            _close_sections(headings, level)
        section = tuple(i for _, i in headings)
        block = Block(kind=kind, text=body, start=start, end=end, level=level, section=section,
                      intro=intro if kind == "item" else None, part=part,
                      marked=bool(md) and kind in ("title", "heading"))
        blocks.append(block)
        titled = titled or kind != "meta"
        carded = carded and kind not in ("paragraph", "item")  # the post's words: the next card opens another
        index = len(blocks) - 1
        wrapped = _wrap_state(line, shortest) if kind in ("paragraph", "item") and not row else ""
        # a plain-text item's marker column: a line indented deeper right below it goes on
        # the item ("  \u2022 bruising on the inner thigh\n    (with more severe strains)")
        marker_indent = indent if kind == "item" and document.format not in ("md", "html") else None
        if kind == "item" and document.format not in ("md", "html") and _SECTION_NUMBER.match(raw):
            numbered = index
        if kind == "item" and document.format not in ("md", "html") and _SUBSECTION_NUMBER.match(raw):
            subsection = (index, 2 + line.split(maxsplit=1)[0].rstrip(".").count("."))
        table = row if kind in ("paragraph", "item") else ""
        if kind in ("title", "heading"):
            headings.append((level, index))
            if md:
                marked_up.add(index)
            intro, opened = None, None
        elif kind == "paragraph" and (listing or row or body.endswith(":") or _INTRODUCES.search(body)):
            intro = index  # kept across paragraphs that explain an item, until a heading
        elif kind == "item" and body.endswith(":"):
            opened, intro = (index, _numbered(line), intro), index
    if not part:
        for block in blocks:
            block.part = ""
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind in ("title", "heading"):
            sentences.append(Sentence(block.text, block.start, block.end, index))
            continue
        for chunk, s, e in split_sentences(block.text, block.start):
            sentences.append(Sentence(chunk, s, e, index))
    return Structure(document, blocks, sentences)
