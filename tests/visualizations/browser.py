"""Headless Chromium for the page tests: Debian's ``/usr/bin/chromium`` driven by
playwright (never ``playwright install``), recording every request, dialog and error."""
from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
#: URL schemes a self-contained page may load
LOCAL = ("file:", "data:", "about:", "blob:")


@dataclass
class Visit:
    """An open page and what it did."""

    page: Any
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def remote_requests(self) -> list[str]:
        return [url for url in self.requests + self.blocked if not url.startswith(LOCAL)]


def visit(browser: Any, path: Path, *, width: int = 1200, height: int = 800) -> Visit:
    """Open ``path``, refuse any request to a host, and wait until the graph is drawn."""
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    seen = Visit(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def route(route: Any) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            seen.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    return seen


def non_white_pixels(browser: Any, png: bytes) -> int:
    """How many pixels of a PNG screenshot are not (nearly) white, counted by the browser."""
    page = browser.new_page()
    try:
        return page.evaluate("""async (src) => {
            const img = new Image(); img.src = src; await img.decode();
            const canvas = document.createElement("canvas");
            canvas.width = img.width; canvas.height = img.height;
            const ctx = canvas.getContext("2d"); ctx.drawImage(img, 0, 0);
            const data = ctx.getImageData(0, 0, img.width, img.height).data;
            let count = 0;
            for (let i = 0; i < data.length; i += 4) {
              if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) count++;
            }
            return count;
        }""", "data:image/png;base64," + base64.b64encode(png).decode())
    finally:
        page.close()


_EMPTY_SPOT = """() => {
    const net = window.medkgNetwork;
    const nodes = Object.values(net.body.nodes);
    const frame = document.getElementById("network").getBoundingClientRect();
    for (let y = 5; y < frame.height; y += 15) {
      for (let x = 5; x < frame.width; x += 15) {
        const c = net.DOMtoCanvas({x, y});
        const box = {left: c.x, right: c.x, top: c.y, bottom: c.y};
        if (!nodes.some((n) => n.isOverlappingWith(box)) && net.getEdgeAt({x, y}) === undefined) {
          return [x + frame.left, y + frame.top];
        }
      }
    }
    throw new Error("the graph covers every spot");
}"""


def hover_node(page: Any, node_id: str) -> str:
    """Move the mouse onto a node; the text of the tooltip that opens."""
    x, y = page.evaluate("""(id) => {
        const net = window.medkgNetwork;
        net.moveTo({position: net.getPositions([id])[id], scale: 1.0});
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.getElementById("network").getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
    }""", node_id)
    return _hover(page, x, y)


def hover_edge(page: Any, edge_id: str) -> str:
    """Move the mouse onto a point of an edge where no node is (as the network finds
    nodes: a label reaches past its shape) and no other edge; the tooltip's text.

    When another edge runs along this one its whole length (a layout coincidence,
    not what a test checks), that edge's far node is dragged aside first, as a user
    would."""
    x, y = page.evaluate("""(id) => {
        const net = window.medkgNetwork;
        const edge = net.body.edges[id];
        const at = (t) => ({x: edge.from.x + t * (edge.to.x - edge.from.x), y: edge.from.y + t * (edge.to.y - edge.from.y)});
        const others = (point) => Object.values(net.body.edges).filter((e) => e.connected && e.id !== id &&
            e.isOverlappingWith({left: point.x, right: point.x, top: point.y, bottom: point.y}));
        const free = () => {
          for (let step = 1; step < 80; step++) {
            const point = at(step / 80);
            net.moveTo({position: point, scale: 1.0});
            const p = net.canvasToDOM(point);
            // no node within a few pixels either: the pointer lands on whole pixels
            const near = [[0, 0], [-6, -6], [-6, 6], [6, -6], [6, 6]].map(([dx, dy]) => ({x: p.x + dx, y: p.y + dy}));
            if (near.every((q) => net.getNodeAt(q) === undefined) && net.getEdgeAt(p) === id &&
                others(point).length === 0) return p;
          }
          return null;
        };
        let p = free();
        if (p === null) {
          const ends = new Set([edge.fromId, edge.toId]);
          for (const other of others(at(0.5))) {
            const far = ends.has(other.fromId) ? other.to : other.from;
            net.moveNode(far.id, far.x + 300, far.y + 300);
          }
          p = free();
        }
        if (p === null) throw new Error("no point of edge " + id + " is free of nodes and other edges");
        const frame = document.getElementById("network").getBoundingClientRect();
        return [p.x + frame.left, p.y + frame.top];
    }""", edge_id)
    return _hover(page, x, y)


def _hover(page: Any, x: float, y: float) -> str:
    tooltip = page.locator("div.vis-tooltip")
    if tooltip.count():  # first onto an empty spot of the graph, so that no earlier tooltip stays open
        page.mouse.move(*page.evaluate(_EMPTY_SPOT))
        tooltip.wait_for(state="hidden", timeout=5_000)
    page.mouse.move(x, y)
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()
