// Draws a govgraph actor network with vis-network and explains every node and edge.
// All text from documents reaches the DOM through textContent, never innerHTML; vis-network
// 9.1 shows a string tooltip through innerText, so markup in a label or evidence stays text.
(function () {
  "use strict";

  const container = document.getElementById("network");
  const dataScript = document.getElementById("network-data");
  if (!container || !dataScript || typeof vis === "undefined") return;
  const data = JSON.parse(dataScript.textContent);
  const panel = document.getElementById("detail-panel");

  // Gould-Fernandez brokerage roles, with the actor class as the group.
  const BROKER_ROLES = {
    coordinator: "coördinator", itinerant: "itinerant", representative: "vertegenwoordiger",
    gatekeeper: "poortwachter", liaison: "verbinder",
  };
  const LABELS = {
    Asserted: "bewering", Normative: "norm", Hypothetical: "mogelijkheid",
    CoMention: "samen genoemd", new: "nieuw", gone: "verdwenen", changed: "omgeslagen", kept: "gebleven",
  };

  // Build an element from a tag, attributes and children (strings become text nodes).
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function countOf(statements) {
    return `${statements} ${statements === 1 ? "uitspraak" : "uitspraken"}`;
  }

  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(container, { nodes, edges }, data.options);
  const state = { network, nodes, edges, layout: data.layout, stable: false };
  window.govgraph = state;

  function markStable() {
    if (state.stable) return;
    state.stable = true;
    state.stableAt = performance.now();
    container.dataset.state = "stable";
  }

  if (data.layout === "physics" && data.nodes.length > 0) {
    container.dataset.state = "stabilising";
    // Physics only settles the layout; afterwards nodes stay where the user puts them.
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", markStable);
      network.fit({ animation: false });
    });
  } else {
    network.once("afterDrawing", markStable);
    if (data.nodes.length === 0) markStable();
  }

  function actorUrl(template, key) {
    return template.replace("__KEY__", encodeURIComponent(key));
  }

  function filterQuery() {
    return new URLSearchParams(container.dataset.query || "");
  }

  function showPanel(...children) {
    if (!panel) return;
    panel.replaceChildren(...children);
  }

  let propertyLabels = {};

  function statementItem(s) {
    const where = [
      s.document_title,
      s.line_start ? `regels ${s.line_start}${s.line_end && s.line_end !== s.line_start ? "–" + s.line_end : ""}` : null,
      s.year ? `jaar ${s.year}` : null,
    ].filter(Boolean).join(" · ");
    return el("li", { class: "statement" },
      el("div", {},
        el("a", { href: actorUrl(container.dataset.actorPage, s.subject) }, s.subject_label),
        ` ${propertyLabels[s.property] || s.property} `,
        el("a", { href: actorUrl(container.dataset.actorPage, s.object) }, s.object_label),
        " ",
        s.negated ? el("span", { class: "badge negated" }, "ontkend") : null,
        s.modality !== "Asserted" ? el("span", { class: "badge modality" }, LABELS[s.modality] || s.modality) : null),
      el("blockquote", { class: "evidence" }, s.evidence),
      el("div", { class: "meta" },
        el("a", { href: `/document/${encodeURIComponent(s.document)}` }, where),
        s.asserted_by ? [" · gezegd door ", el("a", { href: actorUrl(container.dataset.actorPage, s.asserted_by) }, s.asserted_by_label)] : null,
        s.confidence !== null ? ` · zekerheid ${s.confidence}` : null));
  }

  async function showEdge(edgeId) {
    const edge = edges.get(edgeId);
    if (!edge) return;
    const query = filterQuery();
    query.set("subject", edge.from);
    query.set("relation", edge.property);
    query.set("object", edge.to);
    showPanel(el("p", { class: "muted" }, "Uitspraken laden…"));
    const response = await fetch(`${container.dataset.edgeUrl}?${query}`, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) {
      showPanel(el("p", { class: "error" }, body.error || "Laden mislukt"));
      return;
    }
    propertyLabels = body.property_labels || propertyLabels;
    showPanel(
      el("h2", {}, `${nodes.get(edge.from).label} — ${body.property_label} — ${nodes.get(edge.to).label}`),
      el("p", { class: "meta" }, countOf(body.statements.length), edge.change ? ` · ${LABELS[edge.change]}` : ""),
      el("ol", { class: "statements", id: "edge-statements" }, body.statements.map(statementItem)));
  }

  async function showActor(key) {
    const node = nodes.get(key);
    if (!node) return;
    const metrics = [
      ["graad", node.degree], ["in", node.in_degree], ["uit", node.out_degree],
      ["vermeldingen", node.mentions], ["betweenness", node.betweenness],
      ["closeness", node.closeness], ["eigenvector", node.eigenvector],
      ["gemeenschap", node.community === undefined ? undefined : node.community + 1],
      ["makelaarsrollen", node.brokerage && Object.entries(node.brokerage)
        .map(([role, count]) => `${BROKER_ROLES[role] || role} ${count}`).join(", ")],
    ].filter(([, value]) => value !== undefined && value !== null && value !== "");
    showPanel(el("h2", {}, node.label), el("p", { class: "muted" }, "Laden…"));
    const response = await fetch(actorUrl(container.dataset.actorUrl, key), { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) {
      showPanel(el("h2", {}, node.label), el("p", { class: "error" }, body.error || "Laden mislukt"));
      return;
    }
    propertyLabels = body.property_labels || propertyLabels;
    const actor = body.actor;
    const facts = el("dl", { class: "facts" },
      el("dt", {}, "klasse"), el("dd", {}, node.class_label),
      actor.aliases.length ? [el("dt", {}, "ook"), el("dd", {}, actor.aliases.join(", "))] : null,
      actor.identifier ? [el("dt", {}, "identificatie"), el("dd", {}, actor.identifier)] : null,
      actor.role ? [el("dt", {}, "rol"), el("dd", {}, actor.role)] : null,
      metrics.map(([name, value]) => [el("dt", {}, name), el("dd", {}, String(value))]));
    const statements = [];
    for (const side of ["outgoing", "incoming"]) {
      for (const group of Object.values(body[side])) statements.push(...group);
    }
    showPanel(
      el("h2", {}, node.label),
      facts,
      el("p", {},
        el("a", { href: actorUrl(container.dataset.actorPage, key) }, "actorpagina"), " · ",
        el("a", { href: actorUrl(container.dataset.egoUrl, key) + "?depth=1" }, "egonetwerk")),
      el("h3", {}, countOf(statements.length)),
      el("ol", { class: "statements" }, statements.map(statementItem)));
  }

  // Fade every actor that is not a direct neighbour of the chosen one; above this size a
  // full update of the node set costs more than the hint is worth.
  const HIGHLIGHT_UP_TO = 1000;
  let faded = false;

  function highlightNeighbours(key) {
    if (nodes.length > HIGHLIGHT_UP_TO) return;
    const near = new Set([key, ...network.getConnectedNodes(key)]);
    nodes.update(nodes.getIds().map((id) => ({ id, opacity: near.has(id) ? 1 : 0.2 })));
    faded = true;
  }

  function clearHighlight() {
    if (!faded) return;
    nodes.update(nodes.getIds().map((id) => ({ id, opacity: 1 })));
    faded = false;
  }

  network.on("click", (params) => {
    if (params.nodes.length) {
      highlightNeighbours(params.nodes[0]);
      showActor(params.nodes[0]);
    } else {
      clearHighlight();
      if (params.edges.length) showEdge(params.edges[0]);
    }
  });

  function focusActor(key) {
    network.selectNodes([key]);
    highlightNeighbours(key);
    network.focus(key, { scale: 1.3, animation: { duration: 400 } });
    showActor(key);
    const url = new URL(window.location.href);
    url.searchParams.set("focus", key);
    window.history.replaceState(null, "", url);
  }

  const names = document.getElementById("actor-names");
  if (names) {
    const labels = data.nodes.map((n) => n.label).sort((a, b) => a.localeCompare(b, "nl"));
    names.replaceChildren(...labels.map((label) => el("option", { value: label })));
  }

  const searchForm = document.getElementById("search-form");
  if (searchForm) {
    searchForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const wanted = searchForm.elements.focus.value.trim().toLocaleLowerCase("nl");
      if (!wanted) return;
      const match = nodes.get({ filter: (n) => n.label.toLocaleLowerCase("nl") === wanted })[0]
        || nodes.get({ filter: (n) => n.label.toLocaleLowerCase("nl").includes(wanted) })[0];
      if (match) focusActor(match.id);
      else showPanel(el("p", { class: "muted" }, `Geen actor gevonden voor “${searchForm.elements.focus.value}”.`));
    });
  }

  // A group check box ticks or clears all properties of its group.
  for (const toggle of document.querySelectorAll(".group-toggle")) {
    const members = document.querySelectorAll(`input[name="property"][data-group="${toggle.dataset.group}"]`);
    toggle.checked = members.length > 0 && [...members].every((box) => box.checked);
    toggle.addEventListener("change", () => members.forEach((box) => { box.checked = toggle.checked; }));
  }

  const focus = new URLSearchParams(window.location.search).get("focus");
  if (focus && nodes.get(focus)) {
    network.once("afterDrawing", () => focusActor(focus));
  }
})();
