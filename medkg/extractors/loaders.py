"""Loading documents: files and folders of .txt, .md, .html/.htm, .jsonl and captions
(.vtt, .srt, or captions saved as .txt).

Each format has a loader registered by file suffix (``medkg.registry`` kind
``loaders``). Loading decodes bytes (BOM, UTF-8, UTF-16, then Windows-1252/Latin-1),
cleans control characters and lone surrogates, and turns HTML into text with its
headings and lists kept. A file that cannot be used is reported as a :class:`Skipped`
with its reason; the build goes on.
"""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

from rdflib import URIRef

from medkg import registry
from medkg.exceptions import DocumentError
from medkg.extractors.captions import captions_to_text, is_captions
from medkg.extractors.document import SourceDocument
from medkg.extractors.email_thread import email_to_text, is_email_thread
from medkg.text import sanitize_text

__all__ = ["load_paths", "load_file", "decode", "clean_text", "strip_inline_markdown", "Skipped", "DEFAULT_MAX_BYTES",
           "SUFFIXES"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: the loader registered for each file suffix
SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".vtt": "captions", ".srt": "captions"}

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Skipped:
    """A file (or record) that was not loaded, and why."""

    path: str
    reason: str


def decode(data: bytes) -> str:
    """Bytes as text: by BOM, else UTF-8, else UTF-16 (NUL-interleaved), else Windows-1252.

    Raises:
        DocumentError: the bytes look binary (NUL bytes that are not UTF-16).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        sample = data[:4096]
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return data.decode("utf-16-le", errors="replace")
        if even > len(sample) // 4 and odd == 0:
            return data.decode("utf-16-be", errors="replace")
        raise DocumentError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def clean_text(text: str) -> str:
    """Text with line ends unified, no-break spaces made spaces, and control characters
    and lone surrogates removed."""
    return sanitize_text(text.replace("\u00a0", " "), line_breaks="lf")


_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"
                       r"|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
#: a character Markdown writers escape ("\[edit\]" in trafilatura's output)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
#: inline HTML a Markdown text keeps for what Markdown cannot say (superscripts)
_INLINE_TAG = re.compile(r"</?(?:sup|sub|span|small|abbr|cite|mark|u|ins|s|del|font)\b[^>]*>", re.IGNORECASE)
#: an encyclopedia's reference marks and section links: "[6]", "[3, 7]", "[edit]", "[citation needed]"
_REFERENCE_MARK = re.compile(r"\[(?:\d+(?:\s*[,\u2013-]\s*\d+)*|edit|hide|show|citation needed|note \d+)\]",
                             re.IGNORECASE)


def strip_inline_markdown(text: str) -> str:
    """Markdown text without inline markup that is not words: **bold**, *italic*,
    __bold__, `code`, [links](url), escapes ("\\[") and inline HTML (<sup>) keep their
    text; an encyclopedia's reference marks ("[6]", "[edit]") go; headings and list
    markers stay, as the structure reader uses them.

    Example:
        >>> strip_inline_markdown("**Ankle sprain** - see [a GP](https://x.org), `now`, __ok__ a__b__c")
        'Ankle sprain - see a GP, now, ok a__b__c'
        >>> strip_inline_markdown("A *labral tear* causes groin pain.<sup>\\[6\\]</sup> Causes \\[edit\\]")
        'A labral tear causes groin pain. Causes '
    """
    text = _LINK.sub(r"\1", _INLINE_TAG.sub("", _ESCAPED.sub(r"\1", text)))
    text = _REFERENCE_MARK.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)
    return text.replace("`", "")


#: a line of a box drawn around text in a plain-text page: "|  RED FLAGS     |", "+-------+"
_BOX_SIDES = re.compile(r"^[ \t]*\|[ \t]?(?P<inner>[^|\n]*?)[ \t]*\|[ \t]*$|^[ \t]*\+[-=+]{3,}\+[ \t]*$", re.MULTILINE)


def _unboxed(text: str) -> str:
    """Plain text with the sides of its boxes taken off, so that a sentence wrapped
    inside a box reads as one ("may mean a   |\n|   hamstring avulsion")."""
    return _BOX_SIDES.sub(lambda m: (m.group("inner") or "").strip(), text)


def _text(path: Path, data: bytes) -> list[SourceDocument]:
    text = _unboxed(clean_text(decode(data)))
    if is_captions(text):  # a transcript saved as .txt
        return _captions(path, data)
    if is_email_thread(text):
        title, text = email_to_text(text)
    else:
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return [SourceDocument(text=text, path=str(path), digest=SourceDocument.hash_of(data),
                           title=title, format="txt")]


def _captions(path: Path, data: bytes) -> list[SourceDocument]:
    """A caption file's speech (see :mod:`medkg.extractors.captions`); it has no title."""
    text = captions_to_text(clean_text(decode(data)))
    return [SourceDocument(text=text, path=str(path), digest=SourceDocument.hash_of(data), title="",
                           format="captions")]


#: a Markdown file's YAML front matter: "---", then "key: value" lines, then "---"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n){0,60}?)---[ \t]*\n")
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(?P<title>.*?)[\"']?\s*$", re.MULTILINE)


def _markdown(path: Path, data: bytes) -> list[SourceDocument]:
    text = strip_inline_markdown(clean_text(decode(data)))
    meta = _FRONT_MATTER.match(text)
    front_title = _FRONT_TITLE.search(meta.group("body")) if meta else None
    if meta:
        # the front matter is the page's data, not its text ("tags: [knee pain, crossfit]"
        # states nothing); its title stays, as the page's first line
        text = (f"{front_title.group('title')}\n" if front_title else "") + text[meta.end():]
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = front_title.group("title") if front_title else heading.group(1).strip() if heading else first
    return [SourceDocument(text=text, path=str(path), digest=SourceDocument.hash_of(data), title=title, format="md")]


#: a tag with over 8,192 characters of attributes: they are dropped before parsing, as
#: the HTML parser checks each attribute against all before it (a page's tags have at
#: most a few hundred characters of them; a 1 MB tag of 100,000 attributes took 208 s)
_OVERLONG_TAG = re.compile(r"<([a-zA-Z][\w:-]*)\s[^<>]{8192,}>")

#: levels of nesting the HTML parser reads by default: an old forum page that leaves a
#: <font> tag open in each post lost every post past the 254th without a word, so pages
#: are parsed without the limit, and a deeper one is read whole (main-content
#: extraction parses its own copy with the limit)
_PARSER_DEPTH = 255
#: levels of nesting the HTML parser reads at most, even without its default limit
_DEEPEST = 2048

#: the least share of a page's visible words that main-content extraction must keep;
#: below it, the page's text is all of its visible text (see :func:`html_to_text`)
_MAIN_CONTENT_SHARE = 0.5


def html_to_text(html: str) -> tuple[str, str]:
    """Main text of an HTML page as Markdown-like text (headings, lists kept), and its title.

    Uses trafilatura, which drops navigation, scripts, styles, cookie banners and
    footers. Where it keeps less than half of the page's visible words (on a forum
    thread it keeps the opening post and drops the replies), or nothing, the page's
    text is every visible block (:func:`medkg.extractors.page_text.page_text`):
    measured on the benchmark pages, articles keep 88-97% of their words and a
    thread 11%. A definition list's terms head their definitions (see
    :func:`medkg.extractors.page_text.definitions_as_sections`), headings lose their
    badges, and a heading main-content extraction wrote as a plain line is marked again.
    A page nested deeper than main-content extraction's parser reads is read whole.

    Raises:
        DocumentError: the page cannot be parsed, or nests as deep as no parser reads.
    """
    import trafilatura
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    from medkg.extractors.page_text import definitions_as_sections, headings_marked, page_text, without_badges

    html = _OVERLONG_TAG.sub(r"<\1>", html)
    try:
        tree = lxml_html.fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True))
    except (ParserError, ValueError) as err:
        tree, error = None, err
    visible, deep = "", False
    if tree is not None:
        depth = _depth(tree)
        if depth >= _DEEPEST:
            raise DocumentError(f"its elements nest {_DEEPEST:,} levels deep, where the HTML parser stops reading; "
                                "what is nested deeper would be lost")
        deep = depth > _PARSER_DEPTH
        definitions_as_sections(tree)
        without_badges(tree)
        if not deep:
            html = lxml_html.tostring(tree, encoding="unicode")
        visible = page_text(tree)
    text = "" if deep else trafilatura.extract(html, output_format="markdown", include_comments=False,
                                               include_tables=True, include_links=False, favor_recall=True) or ""
    metadata = trafilatura.extract_metadata(html, extensive=False)  # the title only: no costly date search
    title = (metadata.title if metadata and metadata.title else "") or ""
    if tree is None and not text:
        raise DocumentError(f"cannot parse HTML: {error}") from error
    if len(text.split()) < _MAIN_CONTENT_SHARE * len(visible.split()):
        text = visible
    return headings_marked(text, visible), title


def _depth(tree: object) -> int:
    """How many levels of elements a parsed page nests, at its deepest."""
    from lxml.etree import iterwalk

    depth = deepest = 0
    for event, _ in iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _html(path: Path, data: bytes) -> list[SourceDocument]:
    text, title = html_to_text(clean_text(decode(data)))
    text = strip_inline_markdown(clean_text(text))
    first = next((line.strip("# ").strip() for line in text.splitlines() if line.strip()), "")
    if not title:
        title = first
    elif title != first and title not in text[:len(title) * 3]:
        text = f"# {title}\n\n{text}"  # the page's title, which main-content extraction may drop, heads its text
    return [SourceDocument(text=text, path=str(path), digest=SourceDocument.hash_of(data),
                           title=title, format="html")]


def _jsonl(path: Path, data: bytes) -> list[SourceDocument]:
    documents = []
    #: the title of each page the records so far are on: a reply with no title of its
    #: own is about its thread ("./t/812#post-4" is on "./t/812", by its address without the fragment)
    titles: dict[str, str] = {}
    for number, line in enumerate(decode(data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise DocumentError(f"line {number} is not JSON: {err.msg}") from err
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise DocumentError(f"line {number} has no \"text\" string")
        raw = line.encode("utf-8")
        record_id = str(record.get("id") or f"{path.name}:{number}")
        title = clean_text(str(record.get("title") or "")).strip()
        url = str(record.get("url") or "")
        if url and not title:
            title = titles.get(urldefrag(url).url, "")
        elif url:
            titles.setdefault(urldefrag(url).url, title)
        text = clean_text(record["text"])
        if title and not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"  # the record's title heads its text, as a page's does
        documents.append(SourceDocument(
            text=text, path=f"{path}#{record_id}", digest=SourceDocument.hash_of(raw),
            title=title, url=url, format="jsonl",
            meta={k: str(v) for k, v in record.items() if k not in ("text",) and isinstance(v, (str, int, float))}))
    return documents


for _name, _loader in (("text", _text), ("markdown", _markdown), ("html", _html), ("jsonl", _jsonl),
                       ("captions", _captions)):
    registry.register("loaders", _name, _loader)


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              stored: Container[URIRef] = frozenset()) -> list[SourceDocument]:
    """The documents in one file. A file holding one document whose IRI is in
    ``stored`` (already built) is not decoded or cleaned: its document comes without
    text, which is all an unchanged rebuild needs.

    Raises:
        DocumentError: the file is unreadable, too large, binary, empty or malformed.
    """
    loader_name = SUFFIXES.get(path.suffix.lower())
    if loader_name is None:
        raise DocumentError(f"unsupported file type {path.suffix!r}; known: {', '.join(sorted(SUFFIXES))}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(f"cannot read: {err.strerror or err}") from err
    if loader_name != "jsonl" and stored:
        digest = SourceDocument.hash_of(data)
        if SourceDocument.iri_of(digest) in stored:
            return [SourceDocument(text="", path=str(path), digest=digest, format=loader_name)]
    documents = registry.get("loaders", loader_name)(path, data)
    documents = [d for d in documents if d.text.strip()]
    if not documents:
        raise DocumentError("empty document (no text)")
    return documents


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def load_paths(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
               stored: Container[URIRef] = frozenset()) -> Iterator[SourceDocument | Skipped]:
    """Every document under ``paths`` (files, or folders searched recursively), or a
    :class:`Skipped` for each file that could not be used. Duplicate content is
    skipped after its first copy. Documents already ``stored`` come without their
    text (see :func:`load_file`)."""
    seen: set[str] = set()
    for path in _files(paths):
        if not path.exists():
            yield Skipped(str(path), "no such file or directory")
            continue
        try:
            documents = load_file(path, max_bytes=max_bytes, stored=stored)
        except DocumentError as err:
            yield Skipped(str(path), str(err))
            continue
        for document in documents:
            if document.digest in seen:
                yield Skipped(document.path, "duplicate of a document already loaded")
                continue
            seen.add(document.digest)
            yield document
