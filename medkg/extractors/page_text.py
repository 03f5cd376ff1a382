"""All the visible text of an HTML page, as Markdown-like lines.

Main-content extraction (trafilatura) keeps an article and drops its surroundings;
on a forum thread it keeps the opening post and drops the replies, where most of
what the thread says is, and a reply's lists even when asked for comments. This
reader keeps every visible block in page order: headings as ``#`` lines, list items
as ``-`` lines, table rows as ``| a | b |``, other blocks as paragraphs. Only what is
never content goes (scripts, styles, forms, the page's header, navigation, footer
and asides, hidden elements); the structure reader tells the rest of the furniture
("Reply · Share · Report") from the text.
"""
from __future__ import annotations

from lxml.html import HtmlElement

__all__ = ["page_text", "definitions_as_sections", "without_badges", "headings_marked"]

_NEVER_CONTENT = frozenset({"script", "style", "noscript", "template", "head", "header", "nav", "footer", "aside",
                            "form", "button", "select", "option", "input", "textarea", "label", "svg", "iframe"})
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK = frozenset({"html", "body", "main", "article", "section", "div", "p", "blockquote", "pre", "ul", "ol", "li",
                    "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption",
                    "details", "summary", "address", "center", "fieldset", "hr"})


class _Lines:
    """Lines of text, each made of the inline text gathered since the last block ended."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._pieces: list[str] = []
        #: what the next line starts with ("- " in a list item, "## " in a heading)
        self.marker = ""

    def add(self, text: str | None) -> None:
        if text:
            self._pieces.append(text)

    def end_line(self) -> None:
        line = " ".join("".join(self._pieces).split())
        self._pieces = []
        if line:
            self.lines.append(self.marker + line)
            self.marker = ""


def _hidden(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or element.get("aria-hidden") == "true" or "display:none" in style


def _read(root: HtmlElement, out: _Lines) -> None:
    """Gather the visible text under ``root`` into ``out``, element by element in page
    order (with a stack of its own, not recursion: a page may nest thousands deep)."""
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        if closing:  # the end of an element whose children were read
            if element.tag.lower() in _BLOCK:
                out.end_line()
            out.add(element.tail)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else None  # None: a comment or processing instruction
        if tag is None or tag in _NEVER_CONTENT or _hidden(element):
            pass
        elif tag in _HEADING:
            out.end_line()
            out.marker = "#" * _HEADING[tag] + " "
            out.add(element.text_content())
            out.end_line()
        elif tag == "tr":
            out.end_line()
            cells = [" ".join(cell.text_content().split()) for cell in element
                     if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
            if any(cells):
                out.lines.append("| " + " | ".join(cells) + " |")
        elif tag == "br":
            out.end_line()
        else:
            if tag in _BLOCK:
                out.end_line()
            if tag == "li":
                out.marker = "- "
            out.add(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue
        out.add(element.tail)


def page_text(tree: HtmlElement) -> str:
    """Every visible block of a parsed page, in order, one a line (see the module's docstring)."""
    out = _Lines()
    _read(tree, out)
    out.end_line()
    # blocks apart by a blank line, as in Markdown, except the items of a list and the rows of a table
    return "".join(line if not n else ("\n" if _same_run(out.lines[n - 1], line) else "\n\n") + line
                   for n, line in enumerate(out.lines))


def _same_run(before: str, line: str) -> bool:
    return any(before.startswith(marker) and line.startswith(marker) for marker in ("- ", "| "))


def definitions_as_sections(tree: HtmlElement) -> None:
    """Make each term of a definition list (``<dt>``) a heading and its definition
    (``<dd>``) a block under it, in place: main-content extraction flattens both into
    list items side by side, which loses which definition is the term's ("- Patellofemoral
    pain", "- Often caused by a low saddle ...")."""
    for term in tree.iter("dt"):
        term.tag = "h4"
    for definition in tree.iter("dd"):
        definition.tag = "div"


#: class words of a badge, pill or chip: a web app's label beside a heading ("Very common", "Needs urgent check")
_BADGE_CLASSES = frozenset({"badge", "pill", "chip", "tag", "label", "lozenge"})


def without_badges(tree: HtmlElement) -> None:
    """Take badges out of headings, in place: "<h3>Calf strain <span class="badge">Very
    common</span></h3>" names the calf strain, and the badge is the app's label of how
    likely it is, not words of the name ("Calf strain Very common")."""
    for heading in tree.iter(*_HEADING):
        for element in list(heading.iterdescendants()):
            classes = set((element.get("class") or "").lower().replace("-", " ").replace("_", " ").split())
            if classes & _BADGE_CLASSES:
                element.drop_tree()  # its tail stays


def headings_marked(text: str, visible: str) -> str:
    """``text`` (main-content extraction's) with the headings of ``visible``
    (:func:`page_text`'s) put back: marks on lines that are a heading there and plain
    here ("Possible causes" for "<h2>Possible causes</h2>" in a section), and headings
    left out altogether before the content they head, when that content was kept (a
    page without an article element is extracted as its paragraphs only). Either way
    the sections would be lost."""
    marks: dict[str, str] = {}
    for line in visible.split("\n"):
        if line.startswith("#"):
            mark, _, heading = line.partition(" ")
            marks.setdefault(heading.strip(), mark)
    lines = [f"{marks[line.strip()]} {line.strip()}" if line.strip() in marks and not line.startswith("#")
             else line for line in text.split("\n")]
    return "\n".join(_headings_restored(lines, visible))


def _headings_restored(lines: list[str], visible: str) -> list[str]:
    """``lines`` with each heading of ``visible`` they lack inserted before the first
    line of its section that they kept; a heading whose content they dropped (a
    booking widget's) stays out."""
    # compared without their marks: a heading kept at another level is kept
    kept = {line.lstrip("#").strip() for line in lines if line.strip()}
    before: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in (v.strip() for v in visible.split("\n")):
        if not line:
            continue
        if line.startswith("#"):
            if line.lstrip("#").strip() not in kept:
                pending.append(line)
            continue
        if line in kept and pending:
            before.setdefault(line, pending)
        pending = []
    if not before:
        return lines
    out: list[str] = []
    for line in lines:
        headings = before.pop(line.strip(), None)
        if headings:
            out += [part for heading in headings for part in (heading, "")]
        out.append(line)
    return out
