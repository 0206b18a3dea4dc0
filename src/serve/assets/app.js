// The page at /: search, entity pages, a neighbourhood drawing and a SPARQL
// box. Plain JavaScript with no library, so it works offline and needs no
// build step; everything it shows comes from the server's public URLs.
"use strict";

const $ = (id) => document.getElementById(id);
let colors = {};

// Text nodes only: names and sentences come from news text, never markup.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error((await response.text()).trim() || response.statusText);
  return response.json();
}

// Entities (the IRIs Parley mints for them) open a page here; other IRIs
// (events, documents) open their explanation.
function isEntity(iri) {
  return /^https:\/\/w3id\.org\/parley\/id\/(state|person|org|place)\//.test(iri);
}

function linkTo(iri, text) {
  const href = isEntity(iri) ? "#entity=" + encodeURIComponent(iri) : "/explain?iri=" + encodeURIComponent(iri);
  return el("a", { href, title: iri }, text || shorten(iri));
}

function shorten(iri) {
  const m = iri.match(/^https:\/\/w3id\.org\/parley\/(?:id\/)?(.*)$/);
  return m ? m[1] : iri;
}

// ---- search ----------------------------------------------------------------

async function search(query) {
  const list = $("search-results");
  list.replaceChildren(el("li", { class: "status" }, "Searching…"));
  try {
    const found = await getJson("/entities?limit=60&q=" + encodeURIComponent(query));
    list.replaceChildren();
    if (found.length === 0) list.append(el("li", { class: "status" }, "Nothing of that name in the store."));
    for (const entity of found) {
      const docs = entity.documents === 1 ? "1 document" : entity.documents + " documents";
      list.append(el("li", { class: "search-result" },
        linkTo(entity.iri, entity.label), " ",
        el("span", { class: "kind" }, entity.type), " ",
        el("span", { class: "kind" }, docs)));
    }
  } catch (error) {
    list.replaceChildren(el("li", { class: "error" }, String(error.message)));
  }
}

// ---- entity page -------------------------------------------------------------

async function showEntity(iri) {
  const section = $("entity");
  section.hidden = false;
  $("entity-name").textContent = shorten(iri);
  $("entity-facts").textContent = "Loading…";
  $("timeline").replaceChildren();
  $("neighbourhood").replaceChildren();
  let entity;
  try {
    entity = await getJson("/api/entity?iri=" + encodeURIComponent(iri));
  } catch (error) {
    $("entity-facts").textContent = String(error.message);
    return;
  }
  $("entity-name").textContent = entity.label || shorten(iri);
  const facts = [entity.type, entity.mentions != null ? entity.mentions + " mentions" : null,
    entity.documents != null ? entity.documents + " documents" : null,
    entity.alt_labels.length ? "also " + entity.alt_labels.join(", ") : null].filter(Boolean);
  $("entity-facts").replaceChildren(facts.join(" · "), " · ", el("a", { href: "/explain?iri=" + encodeURIComponent(iri) }, "explain"));
  renderTimeline(entity.events);
  section.scrollIntoView({ behavior: "instant", block: "start" });
  try {
    const graph = await getJson("/graph.cyjs?events=edges&depth=1&around=" + encodeURIComponent(iri));
    drawNeighbourhood(graph, iri);
  } catch (error) {
    $("neighbourhood").replaceChildren(svg("text", { x: 10, y: 20 }, String(error.message)));
  }
}

function renderTimeline(events) {
  const list = $("timeline");
  $("timeline-empty").hidden = events.length > 0;
  for (const event of events) {
    const source = [event.document, event.title ? "“" + event.title + "”" : null].filter(Boolean).join(" ");
    const item = el("li", { class: "event", style: "--dot: " + (colors[event.kind] || "#888") },
      el("div", {},
        el("span", { class: "when", title: event.date ? "the day of the event" : "the day of the report" },
          event.date || (event.published ? "reported " + event.published : "undated")),
        el("span", { class: "badge" }, event.kind),
        el("span", { class: "label" }, event.label || shorten(event.event)),
        " ", el("span", { class: "kind" }, "as " + event.roles.join(", "))),
      event.words ? el("div", { class: "words" }, "“" + event.words + "”") : null,
      event.evidence ? el("blockquote", {}, event.evidence) : null,
      el("div", { class: "source" }, "From ",
        event.url ? el("a", { href: event.url, rel: "noopener" }, source) : source,
        " · ", el("a", { href: "/explain?iri=" + encodeURIComponent(event.event) }, "evidence and rule")));
    list.append(item);
  }
}

// ---- neighbourhood drawing ----------------------------------------------------

function svg(tag, attrs, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

// A small force layout (Fruchterman and Reingold): every two nodes push
// apart by k²/d, linked nodes pull together by d²/k, moves shrink as the
// layout cools; the entity is pinned in the middle. Seeded positions on a
// circle make the drawing the same on every load.
function layout(nodes, edges, center, width, height) {
  const n = nodes.length;
  const margin = 24;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    node.x = node.id === center ? width / 2 : width / 2 + Math.cos(angle) * width * 0.3;
    node.y = node.id === center ? height / 2 : height / 2 + Math.sin(angle) * height * 0.3;
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const k = 0.8 * Math.sqrt((width * height) / Math.max(n, 1));
  const steps = 250;
  for (let step = 0; step < steps; step++) {
    const temperature = (width / 10) * (1 - step / steps) + 0.5;
    const force = nodes.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.5);
        const push = (k * k) / d;
        force[i][0] += (dx / d) * push; force[i][1] += (dy / d) * push;
        force[j][0] -= (dx / d) * push; force[j][1] -= (dy / d) * push;
      }
    }
    for (const edge of edges) {
      const a = index.get(edge.source), b = index.get(edge.target);
      if (a === undefined || b === undefined || a === b) continue;
      const dx = nodes[a].x - nodes[b].x, dy = nodes[a].y - nodes[b].y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.5);
      const pull = (d * d) / k;
      force[a][0] -= (dx / d) * pull; force[a][1] -= (dy / d) * pull;
      force[b][0] += (dx / d) * pull; force[b][1] += (dy / d) * pull;
    }
    nodes.forEach((node, i) => {
      if (node.id === center) return;
      const [fx, fy] = force[i];
      const size = Math.sqrt(fx * fx + fy * fy) || 1;
      const move = Math.min(size, temperature);
      node.x = Math.min(width - margin, Math.max(margin, node.x + (fx / size) * move));
      node.y = Math.min(height - margin, Math.max(margin, node.y + (fy / size) * move));
    });
  }
}

function drawNeighbourhood(graph, center) {
  const canvas = $("neighbourhood");
  const [width, height] = [480, 400];
  const nodes = graph.elements.nodes.map((node) => ({ ...node.data }));
  const edges = graph.elements.edges.map((edge) => edge.data);
  canvas.replaceChildren();
  if (nodes.length === 0) {
    canvas.append(svg("text", { x: 10, y: 20 }, "No links to other entities."));
    return;
  }
  layout(nodes, edges, center, width, height);
  const at = new Map(nodes.map((node) => [node.id, node]));
  for (const edge of edges) {
    const a = at.get(edge.source), b = at.get(edge.target);
    if (!a || !b) continue;
    const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": Math.min(1 + (edge.weight || 1) * 0.6, 6) });
    line.append(svg("title", {}, `${a.name} – ${edge.relation} – ${b.name}`));
    canvas.append(line);
  }
  for (const node of nodes) {
    const radius = node.id === center ? 11 : 7;
    const circle = svg("circle", { cx: node.x, cy: node.y, r: radius, fill: colors[node.type] || "#999", class: "node" });
    circle.append(svg("title", {}, `${node.name} (${node.type})`));
    if (isEntity(node.id)) circle.addEventListener("click", () => { location.hash = "entity=" + encodeURIComponent(node.id); });
    canvas.append(circle);
    // labels on the right half end at their node, so they stay inside
    const right = node.x > width * 0.6;
    canvas.append(svg("text", {
      x: right ? node.x - radius - 3 : node.x + radius + 3,
      y: node.y + 4,
      "text-anchor": right ? "end" : "start",
      "font-weight": node.id === center ? "bold" : "normal",
    }, node.name));
  }
}

// ---- SPARQL box -----------------------------------------------------------------

async function loadExamples() {
  const examples = await getJson("/api/examples");
  const select = $("examples");
  for (const example of examples) select.append(el("option", { value: example.name }, example.title));
  const choose = () => {
    const example = examples.find((e) => e.name === select.value);
    if (example) $("sparql").value = example.query;
  };
  select.addEventListener("change", choose);
  choose();
}

async function runQuery() {
  const table = $("query-results"), error = $("query-error"), graph = $("query-graph");
  table.replaceChildren();
  error.hidden = true;
  graph.hidden = true;
  $("query-status").textContent = "Running…";
  const started = performance.now();
  const response = await fetch("/sparql", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/sparql-results+json, text/turtle;q=0.5",
    },
    body: new URLSearchParams({ query: $("sparql").value }),
  });
  const took = ((performance.now() - started) / 1000).toFixed(2) + " s";
  if (!response.ok) {
    $("query-status").textContent = "";
    error.textContent = (await response.text()).trim();
    error.hidden = false;
    return;
  }
  if (!response.headers.get("Content-Type").includes("json")) {
    graph.textContent = await response.text();
    graph.hidden = false;
    $("query-status").textContent = "Graph, " + took;
    return;
  }
  const results = await response.json();
  if ("boolean" in results) {
    $("query-status").textContent = String(results.boolean) + ", " + took;
    return;
  }
  const vars = results.head.vars;
  table.append(el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", {}, v)))));
  const body = el("tbody", {});
  for (const row of results.results.bindings) {
    body.append(el("tr", {}, ...vars.map((v) => el("td", {}, cell(row[v])))));
  }
  table.append(body);
  const n = results.results.bindings.length;
  $("query-status").textContent = n + (n === 1 ? " row, " : " rows, ") + took;
}

function cell(term) {
  if (!term) return "";
  if (term.type === "uri") return linkTo(term.value);
  return term.value;
}

// ---- wiring ---------------------------------------------------------------------

function route() {
  const match = location.hash.match(/^#entity=(.+)$/);
  if (match) showEntity(decodeURIComponent(match[1]));
  else $("entity").hidden = true;
}

window.addEventListener("hashchange", route);
$("search-form").addEventListener("submit", (event) => { event.preventDefault(); search($("search").value.trim()); });
$("sparql-form").addEventListener("submit", (event) => {
  event.preventDefault();
  runQuery().catch((error) => { $("query-error").textContent = String(error.message); $("query-error").hidden = false; });
});

getJson("/api/styles").then((styles) => { colors = styles; }).catch(() => {}).finally(() => {
  loadExamples().catch(() => {});
  route();
});
