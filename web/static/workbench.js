/* The SPARQL workbench: CodeMirror editor with prefix completion, results table, downloads,
   and a small network drawing of ?s ?p ?o or CONSTRUCT results. Talks only to this app. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("workbench-config").textContent);
  const form = document.getElementById("query-form");
  const statusLine = document.getElementById("status");
  const resultsBox = document.getElementById("results");
  const networkBox = document.getElementById("result-network");
  const networkLink = document.getElementById("network-link");
  const downloads = document.getElementById("downloads");
  const MAX_TABLE_ROWS = 2000; // the DOM slows down beyond this; downloads carry everything
  const KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "UNION", "MINUS",
    "GRAPH", "BIND", "VALUES", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "ASK",
    "CONSTRUCT", "DESCRIBE", "PREFIX", "COUNT", "SAMPLE", "NOT EXISTS", "EXISTS", "DESC",
    "STR", "LANG", "CONTAINS", "REGEX", "IF", "COALESCE"];

  /* ---------- editor ---------- */

  const editor = CodeMirror.fromTextArea(document.getElementById("query"), {
    mode: "sparql",
    lineNumbers: true,
    lineWrapping: true,
    matchBrackets: true,
    autoCloseBrackets: true,
    indentUnit: 2,
    extraKeys: {
      "Ctrl-Enter": () => run(),
      "Cmd-Enter": () => run(),
      "Ctrl-Space": "autocomplete",
    },
    hintOptions: { hint: completions, completeSingle: false },
  });
  editor.setSize(null, "20rem");
  editor.on("inputRead", (cm, change) => {
    // Offer the prefix's terms as soon as its colon is typed; keywords wait for Ctrl-Space.
    if (change.text.join("") === ":" && !cm.state.completionActive) {
      cm.showHint({ completeSingle: false });
    }
  });

  function completions(cm) {
    const cursor = cm.getCursor();
    const line = cm.getLine(cursor.line);
    let start = cursor.ch;
    while (start > 0 && /[\w:\-]/.test(line.charAt(start - 1))) start -= 1;
    const word = line.slice(start, cursor.ch);
    if (!word) return null;
    const colon = word.indexOf(":");
    let list;
    if (colon >= 0) {
      const prefix = word.slice(0, colon);
      const local = word.slice(colon + 1).toLowerCase();
      list = (config.terms[prefix] || [])
        .filter((term) => term.toLowerCase().startsWith(local))
        .map((term) => ({ text: `${prefix}:${term}`, prefix }));
    } else {
      const lower = word.toLowerCase();
      list = Object.keys(config.prefixes)
        .filter((prefix) => prefix.startsWith(lower))
        .map((prefix) => ({ text: `${prefix}:`, displayText: `${prefix}: <${config.prefixes[prefix]}>`, prefix }))
        .concat(KEYWORDS.filter((kw) => kw.toLowerCase().startsWith(lower) && kw.toLowerCase() !== lower)
          .map((kw) => ({ text: kw })));
    }
    list.forEach((item) => {
      if (item.prefix) item.hint = (cm2, data, completion) => {
        cm2.replaceRange(completion.text, data.from, data.to);
        declarePrefix(cm2, completion.prefix);
      };
    });
    return { list, from: CodeMirror.Pos(cursor.line, start), to: cursor };
  }

  function declarePrefix(cm, prefix) {
    // The endpoint knows the ontology prefixes anyway; declaring them keeps the query portable.
    const declared = new RegExp(`^\\s*PREFIX\\s+${prefix}:`, "im");
    if (!config.prefixes[prefix] || declared.test(cm.getValue())) return;
    cm.replaceRange(`PREFIX ${prefix}: <${config.prefixes[prefix]}>\n`, CodeMirror.Pos(0, 0));
  }

  /* ---------- the query's form, as far as the table and downloads need it ---------- */

  function queryForm(text) {
    const code = text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*/g, " ");
    const match = /(?:^|[^\w:?$-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])/i.exec(code);
    return match ? match[1].toUpperCase() : "SELECT";
  }

  const isGraphForm = (form) => form === "CONSTRUCT" || form === "DESCRIBE";

  /* ---------- terms ---------- */

  function compact(iri) {
    // For reading, not for pasting back: govid: local names keep their slashes.
    for (const [prefix, base] of Object.entries(config.prefixes)) {
      if (iri.startsWith(base) && /^[\w\-.%/]*$/.test(iri.slice(base.length))) {
        return `${prefix}:${iri.slice(base.length)}`;
      }
    }
    return `<${iri}>`;
  }

  function pageFor(iri) {
    // Actor and document pages live at /actor/<key> and /document/<id>: the IRI's last segment.
    if (iri.startsWith(config.actorBase)) return `/actor/${iri.slice(config.actorBase.length)}`;
    if (iri.startsWith(config.documentBase)) return `/document/${iri.slice(config.documentBase.length)}`;
    return null;
  }

  function termCell(term) {
    const cell = document.createElement("td");
    if (!term) return cell;
    if (term.type === "uri") {
      const page = pageFor(term.value);
      const node = document.createElement(page ? "a" : "span");
      if (page) node.href = page;
      node.textContent = compact(term.value);
      node.title = term.value;
      node.className = "iri";
      cell.appendChild(node);
    } else if (term.type === "bnode") {
      cell.textContent = `_:${term.value}`;
      cell.className = "bnode";
    } else {
      cell.textContent = term.value;
      const note = term["xml:lang"] ? `@${term["xml:lang"]}` : term.datatype ? compact(term.datatype) : "";
      if (/(integer|decimal|double|float)$/.test(term.datatype || "")) cell.className = "number";
      if (note && !/#(string|integer)$/.test(term.datatype || "")) {
        const small = document.createElement("small");
        small.className = "muted";
        small.textContent = ` ${note}`;
        cell.appendChild(small);
      }
    }
    return cell;
  }

  /* ---------- N-Triples (CONSTRUCT results) to rows of terms ---------- */

  const NT_TERM = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?/g;

  function unescapeLiteral(text) {
    return text.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)/g, (all, u4, u8, c) => {
      if (u4 || u8) return String.fromCodePoint(parseInt(u4 || u8, 16));
      return { t: "\t", n: "\n", r: "\r", b: "\b", f: "\f" }[c] ?? c;
    });
  }

  function parseNTriples(text) {
    const rows = [];
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      const terms = [];
      NT_TERM.lastIndex = 0;
      let match;
      while (terms.length < 3 && (match = NT_TERM.exec(line))) {
        if (match[1] !== undefined) terms.push({ type: "uri", value: match[1] });
        else if (match[2] !== undefined) terms.push({ type: "bnode", value: match[2] });
        else {
          const literal = { type: "literal", value: unescapeLiteral(match[3]) };
          if (match[4]) literal["xml:lang"] = match[4];
          if (match[5]) literal.datatype = match[5];
          terms.push(literal);
        }
      }
      if (terms.length === 3) rows.push({ s: terms[0], p: terms[1], o: terms[2] });
    }
    return rows;
  }

  /* ---------- rendering ---------- */

  function renderTable(vars, rows) {
    const table = document.createElement("table");
    table.className = "listing results-table";
    const head = table.createTHead().insertRow();
    vars.forEach((name) => {
      const th = document.createElement("th");
      th.textContent = `?${name}`;
      head.appendChild(th);
    });
    const body = table.createTBody();
    rows.slice(0, MAX_TABLE_ROWS).forEach((row) => {
      const tr = body.insertRow();
      vars.forEach((name) => tr.appendChild(termCell(row[name])));
    });
    resultsBox.replaceChildren(table);
  }

  function renderBoolean(value) {
    const answer = document.createElement("p");
    answer.className = `card ask-answer ${value ? "yes" : "no"}`;
    answer.textContent = value ? "Ja (true)" : "Nee (false)";
    resultsBox.replaceChildren(answer);
  }

  function renderError(status, message) {
    const box = document.createElement("pre");
    box.className = "card error";
    box.textContent = `${status}: ${message}`;
    resultsBox.replaceChildren(box);
  }

  async function fetchLabels(iris) {
    // One extra query for the nodes' preferred labels, so the drawing shows names, not IRIs.
    const values = iris.map((iri) => `<${iri}>`).join(" ");
    const query = `SELECT ?node ?label WHERE { VALUES ?node { ${values} } ?node skos:prefLabel ?label }`;
    const response = await fetch(config.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
      body: new URLSearchParams({ query }),
    });
    const labels = new Map();
    if (response.ok) {
      (await response.json()).results.bindings.forEach((row) => labels.set(row.node.value, row.label.value));
    }
    return labels;
  }

  async function drawNetwork(rows) {
    // Only when vis-network is vendored and the rows are IRI-to-IRI edges.
    const edges = rows.filter((r) => r.s && r.p && r.o && r.s.type === "uri" && r.o.type === "uri"
      && r.p.value !== "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    if (!window.vis || edges.length === 0) {
      networkBox.hidden = true;
      return;
    }
    const ids = [...new Set(edges.flatMap((e) => [e.s.value, e.o.value]))];
    const labels = await fetchLabels(ids);
    const nodes = ids.map((id) => ({
      id, title: id, label: labels.get(id) || compact(id).replace(/^govid:actor\//, ""),
    }));
    const links = edges.map((e, i) => ({
      id: i, from: e.s.value, to: e.o.value, arrows: "to", label: compact(e.p.value).replace(/^gov:/, ""),
    }));
    networkBox.hidden = false;
    const network = new window.vis.Network(networkBox, { nodes, edges: links }, {
      physics: { stabilization: { iterations: 150 } },
      nodes: { shape: "dot", size: 12, font: { size: 13 } },
      edges: { font: { size: 10, align: "middle" }, color: { color: "#8a96a3" }, smooth: false },
      interaction: { hover: true },
    });
    network.on("doubleClick", (event) => {
      const page = event.nodes.length ? pageFor(event.nodes[0]) : null;
      if (page) window.location.href = page;
    });
  }

  /* ---------- running ---------- */

  let current = { text: "", form: "SELECT" };

  function showStatus(text) {
    statusLine.textContent = text;
  }

  async function run() {
    const text = editor.getValue();
    const form = queryForm(text);
    current = { text, form };
    const accept = isGraphForm(form) ? "application/n-triples" : "application/sparql-results+json";
    showStatus("Bezig…");
    downloads.hidden = true;
    networkLink.hidden = true;
    networkBox.hidden = true;
    const started = performance.now();
    let response;
    try {
      response = await fetch(config.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
        body: new URLSearchParams({ query: text }),
      });
    } catch (error) {
      showStatus("");
      renderError("netwerkfout", String(error));
      return;
    }
    const elapsed = Math.round(performance.now() - started);
    const body = await response.text();
    if (!response.ok) {
      showStatus(`Fout na ${elapsed} ms`);
      renderError(response.status, body.trim());
      return;
    }
    const capped = response.headers.get("X-SPARQL-MaxRows");
    let count;
    let rows = [];
    let vars = [];
    let isBoolean = false;
    if (isGraphForm(form)) {
      rows = parseNTriples(body);
      vars = ["s", "p", "o"];
      renderTable(vars, rows);
      count = `${rows.length} triples`;
    } else {
      const data = JSON.parse(body);
      isBoolean = "boolean" in data;
      if (isBoolean) {
        renderBoolean(data.boolean);
        count = "1 antwoord";
      } else {
        vars = data.head.vars;
        rows = data.results.bindings;
        renderTable(vars, rows);
        count = `${rows.length} rijen`;
      }
    }
    const shown = rows.length > MAX_TABLE_ROWS ? ` (eerste ${MAX_TABLE_ROWS} getoond)` : "";
    const cut = capped ? ` · afgekapt op ${capped} rijen` : "";
    showStatus(`${count}${shown} in ${elapsed} ms${cut}`);
    downloads.hidden = isBoolean;
    downloads.querySelectorAll("button").forEach((button) => {
      button.hidden = button.dataset.kind !== (isGraphForm(form) ? "graph" : "solutions");
    });
    const isEdgeList = ["s", "p", "o"].every((name) => vars.includes(name));
    if (isEdgeList) {
      networkLink.href = `${config.network}?query=${encodeURIComponent(text)}`;
      networkLink.hidden = false;
      drawNetwork(rows);
    }
    history.replaceState(null, "", `${config.endpoint}?query=${encodeURIComponent(text)}`);
  }

  async function download(format) {
    const response = await fetch(config.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: current.text, format }),
    });
    if (!response.ok) {
      renderError(response.status, (await response.text()).trim());
      return;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = `govgraph-query.${format}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  downloads.addEventListener("click", (event) => {
    const format = event.target.dataset && event.target.dataset.format;
    if (format) download(format);
  });
  const galleryLinks = document.querySelectorAll("[data-query-name]");

  function markCurrent(name) {
    galleryLinks.forEach((link) => {
      if (link.dataset.queryName === name) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
  }

  galleryLinks.forEach((link) => {
    link.addEventListener("click", (event) => {
      const named = config.queries.find((q) => q.name === link.dataset.queryName);
      if (!named) return;
      event.preventDefault();
      editor.setValue(named.sparql);
      markCurrent(named.name);
      run();
    });
  });
  const opened = config.queries.find((q) => q.sparql === config.query);
  if (opened) markCurrent(opened.name);

  if (config.autorun) run();
})();
