/* The medkg graph page: tooltips, legend, filters and search over vis-network.
 *
 * Text from the graph comes from documents and is untrusted: it is read from JSON
 * data blocks and only ever put in the page as text (textContent, DOM text nodes,
 * canvas labels), never parsed as HTML.
 */
(function () {
  "use strict";

  function read(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  const rawNodes = read("medkg-nodes");
  const rawEdges = read("medkg-edges");
  const page = read("medkg-page");
  const nodeById = new Map(rawNodes.map(function (n) { return [n.id, n]; }));
  const typeByName = new Map(page.types.map(function (t) { return [t.name, t]; }));
  const relationByName = new Map(page.relations.map(function (r) { return [r.name, r]; }));

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function line(box, key, value) {
    const row = el("div", "tip-line");
    row.appendChild(el("span", "tip-key", key));
    row.appendChild(document.createTextNode(value));
    box.appendChild(row);
  }

  function nodeTip(n) {
    const box = el("div");
    box.appendChild(el("div", "tip-head", n.label));
    const kind = typeByName.get(n.type);
    box.appendChild(el("div", "tip-kind", kind ? kind.label : n.type));
    const others = n.labels.filter(function (label) { return label !== n.label; });
    if (others.length) {
      line(box, "Also called: ", others.join(", ") + (n.more_labels ? ", and " + n.more_labels + " more" : ""));
    }
    if (n.definition) box.appendChild(el("div", "tip-line", n.definition));
    if (n.xrefs.length) line(box, "Identifiers: ", n.xrefs.join(", "));
    line(box, "In this graph: ", n.degree + (n.degree === 1 ? " fact" : " facts") + ", support " + n.support);
    line(box, "IRI: ", n.id);
    return box;
  }

  function edgeTip(e) {
    const box = el("div");
    const relation = relationByName.get(e.relation);
    box.appendChild(el("div", "tip-head", nodeById.get(e.from).label + " \u2192 " +
      (relation ? relation.label : e.relation) + " \u2192 " + nodeById.get(e.to).label));
    line(box, "Support: ", e.support + (e.support === 1 ? " document" : " documents") +
      " \u00b7 confidence " + e.confidence.toFixed(2));
    e.evidence.forEach(function (item) {
      const quote = el("div", "tip-evidence");
      quote.appendChild(el("div", "", "\u201c" + item.sentence + "\u201d"));
      const source = [item.title, item.section].filter(Boolean).join(" \u203a ");
      if (source) quote.appendChild(el("div", "tip-source", source));
      box.appendChild(quote);
    });
    return box;
  }

  const EDGE_LABEL = page.options.edges.font;
  const SHOWN_LABEL = { size: EDGE_LABEL.size, color: EDGE_LABEL.color, strokeWidth: EDGE_LABEL.strokeWidth };
  const NO_LABEL = { size: 0, color: "rgba(0, 0, 0, 0)", strokeWidth: 0 };

  rawNodes.forEach(function (n) { n.title = nodeTip(n); });
  rawEdges.forEach(function (e) {
    e.title = edgeTip(e);
    e.baseFont = e.label_hidden ? Object.assign({}, SHOWN_LABEL, e.font) : SHOWN_LABEL;
  });

  const nodes = new vis.DataSet(rawNodes);
  const edges = new vis.DataSet(rawEdges);
  let shownNodes = new Set(nodeById.keys());
  let shownEdges = new Set(rawEdges.map(function (e) { return e.id; }));
  const nodeView = new vis.DataView(nodes, { filter: function (n) { return shownNodes.has(n.id); } });
  const edgeView = new vis.DataView(edges, { filter: function (e) { return shownEdges.has(e.id); } });
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, page.options);
  network.once("afterDrawing", function () { document.body.dataset.ready = "true"; });

  // --- header -------------------------------------------------------------
  document.getElementById("summary").textContent = page.summary;
  if (page.notice) {
    const notice = document.getElementById("notice");
    notice.textContent = page.notice;
    notice.hidden = false;
  }

  // --- legend and filters -------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";
  const SHAPES = {
    square: "2,2 14,2 14,14 2,14",
    diamond: "8,0.5 15.5,8 8,15.5 0.5,8",
    triangle: "8,1 15.5,14.5 0.5,14.5",
    triangleDown: "0.5,1.5 15.5,1.5 8,15",
    star: "8,0.5 10.2,5.6 15.6,5.9 11.5,9.5 12.8,15 8,12 3.2,15 4.5,9.5 0.4,5.9 5.8,5.6",
    hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
  };

  function svgElement(name, attributes) {
    const element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    return element;
  }

  function swatch(style) {
    const svg = svgElement("svg", { width: 18, height: 16, viewBox: "0 0 18 16", "aria-hidden": "true" });
    if (style.shape === "line") {
      svg.appendChild(svgElement("line", { x1: 1, y1: 8, x2: 12, y2: 8, stroke: style.color, "stroke-width": 2.5,
        "stroke-dasharray": style.dashes ? "3,2" : "none" }));
      svg.appendChild(svgElement("polygon", { points: "11,4 17,8 11,12", fill: style.color }));
    } else if (SHAPES[style.shape]) {
      svg.appendChild(svgElement("polygon", { points: SHAPES[style.shape], fill: style.color, stroke: style.border }));
    } else {
      svg.appendChild(svgElement("circle", { cx: 8, cy: 8, r: 6.5, fill: style.color, stroke: style.border }));
    }
    return svg;
  }

  function filterList(listId, items, enabled, kind) {
    const list = document.getElementById(listId);
    items.forEach(function (item) {
      const row = el("li");
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = item.name;
      box.dataset.filter = kind;
      box.addEventListener("change", function () {
        if (box.checked) enabled.add(item.name); else enabled.delete(item.name);
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(swatch(item));
      label.appendChild(el("span", "", item.label));
      label.appendChild(el("span", "count", String(item.count)));
      row.appendChild(label);
      list.appendChild(row);
    });
  }

  const typesOn = new Set(page.types.map(function (t) { return t.name; }));
  const relationsOn = new Set(page.relations.map(function (r) { return r.name; }));
  let minSupport = 1;
  filterList("type-filters", page.types, typesOn, "type");
  filterList("relation-filters", page.relations, relationsOn, "relation");

  const slider = document.getElementById("min-support");
  const sliderValue = document.getElementById("min-support-value");
  slider.max = String(Math.max(page.max_support, 1));
  slider.disabled = page.max_support <= 1;
  slider.addEventListener("input", function () {
    minSupport = Number(slider.value);
    sliderValue.textContent = slider.value;
    applyFilters();
  });

  function applyFilters() {
    const linked = new Set();
    const edgesOn = new Set();
    rawEdges.forEach(function (e) {
      if (relationsOn.has(e.relation) && e.support >= minSupport &&
          typesOn.has(nodeById.get(e.from).type) && typesOn.has(nodeById.get(e.to).type)) {
        edgesOn.add(e.id);
        linked.add(e.from);
        linked.add(e.to);
      }
    });
    const nodesOn = new Set();
    rawNodes.forEach(function (n) {
      if (typesOn.has(n.type) && (linked.has(n.id) || n.focus || n.degree === 0)) nodesOn.add(n.id);
    });
    shownNodes = nodesOn;
    shownEdges = edgesOn;
    nodeView.refresh();
    edgeView.refresh();
    showCounts();
  }

  function showCounts() {
    document.getElementById("shown").textContent = "Showing " + shownNodes.size + " of " + rawNodes.length +
      " concepts and " + shownEdges.size + " of " + rawEdges.length + " facts.";
  }
  showCounts();

  // --- highlight a concept's links ------------------------------------------
  let dimmed = false;
  const LABEL = page.options.nodes.font.color;
  const FADED = "rgba(26, 26, 26, 0.18)";

  function dimAllBut(id) {
    const keep = new Set(network.getConnectedNodes(id));
    keep.add(id);
    nodes.update(rawNodes.map(function (n) {
      const near = keep.has(n.id);
      return { id: n.id, opacity: near ? 1 : 0.15, font: { size: n.font.size, color: near ? LABEL : FADED } };
    }));
    edges.update(rawEdges.map(function (e) {
      const near = e.from === id || e.to === id;
      return { id: e.id, color: Object.assign({}, e.color, { opacity: near ? 1 : 0.08 }),
               font: near ? SHOWN_LABEL : NO_LABEL };
    }));
    dimmed = true;
  }

  function undim() {
    if (!dimmed) return;
    nodes.update(rawNodes.map(function (n) { return { id: n.id, opacity: 1, font: { size: n.font.size, color: LABEL } }; }));
    edges.update(rawEdges.map(function (e) { return { id: e.id, color: e.color, font: e.baseFont }; }));
    dimmed = false;
  }

  network.on("selectNode", function (params) { dimAllBut(params.nodes[0]); });
  network.on("deselectNode", undim);

  // a relation label left out of a crowded spot shows while its arrow is hovered
  const edgeById = new Map(rawEdges.map(function (e) { return [e.id, e]; }));
  network.on("hoverEdge", function (params) {
    if (edgeById.get(params.edge).label_hidden) edges.update({ id: params.edge, font: SHOWN_LABEL });
  });
  network.on("blurEdge", function (params) {
    const e = edgeById.get(params.edge);
    if (e.label_hidden && !(dimmed && network.getSelectedEdges().indexOf(e.id) >= 0)) {
      edges.update({ id: e.id, font: dimmed ? NO_LABEL : e.baseFont });
    }
  });

  // --- search -------------------------------------------------------------
  const byLabel = new Map();
  rawNodes.forEach(function (n) {
    [n.label].concat(n.labels).forEach(function (label) {
      const key = label.toLowerCase();
      if (!byLabel.has(key)) byLabel.set(key, n.id);
    });
  });
  const datalist = document.getElementById("concept-labels");
  rawNodes.map(function (n) { return n.label; }).sort().forEach(function (label) {
    const option = el("option");
    option.value = label;
    datalist.appendChild(option);
  });

  const searchInput = document.getElementById("search-input");
  const searchMessage = document.getElementById("search-message");

  function find(text) {
    const key = text.trim().toLowerCase();
    if (!key) return;
    let id = byLabel.get(key);
    if (id === undefined) {
      const starts = rawNodes.find(function (n) { return n.label.toLowerCase().startsWith(key); });
      const contains = starts || rawNodes.find(function (n) { return n.label.toLowerCase().includes(key); });
      id = contains && contains.id;
    }
    if (id === undefined) {
      searchMessage.textContent = "No concept in this graph matches \u201c" + text.trim() + "\u201d.";
      return;
    }
    const n = nodeById.get(id);
    if (!shownNodes.has(id)) {
      searchMessage.textContent = "\u201c" + n.label + "\u201d is hidden by the filters below.";
      return;
    }
    searchMessage.textContent = "";
    network.selectNodes([id]);
    dimAllBut(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  }

  searchInput.addEventListener("change", function () { find(searchInput.value); });
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") find(searchInput.value);
  });
  document.getElementById("fit").addEventListener("click", function () {
    network.unselectAll();
    undim();
    network.fit({ animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  });

  window.medkgNetwork = network;
}());
