// The preview page: the documents, the problems and the pages of the chosen document,
// refreshed from the server's event stream (/events) after every build.
"use strict";

let snapshot = null;
let chosen = decodeURIComponent(location.hash.slice(1)) || null;
let shown = null;  // "name sha256" of the pages on screen
let loading = 0;   // a newer load of the pages makes an older one give up

const $ = (id) => document.getElementById(id);

function element(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  return node;
}

function showStatus() {
  const s = snapshot;
  $("meeting").textContent = s.meeting;
  document.title = `Preview of ${s.meeting}`;
  let text;
  if (s.building) text = "Building…";
  else if (s.problems.some((p) => p.severity === "error")) text = "Not built: see the problems";
  else if (s.built.length) text = `Built ${s.built.join(", ")} in ${s.seconds.toFixed(1)} s`;
  else text = "Up to date";
  $("status").textContent = text;
  $("status").dataset.version = s.version;
}

function showDocuments() {
  const list = $("documents");
  list.replaceChildren();
  for (const doc of snapshot.documents) {
    const button = element("button", doc.name, {type: "button", id: `doc-${doc.name}`, "data-name": doc.name,
                                                "aria-current": String(doc.name === chosen)});
    button.append(" ", element("span", `(${doc.pages} p.)`, {class: "pages"}));
    button.addEventListener("click", () => choose(doc.name));
    const item = element("li");
    item.append(button);
    list.append(item);
  }
}

function showProblems() {
  const list = $("problems");
  list.replaceChildren(...snapshot.problems.map((p) => element("li", p.text, {class: p.severity})));
  $("problems-box").hidden = snapshot.problems.length === 0;
}

async function showPages() {
  const doc = chosen && snapshot.documents.find((d) => d.name === chosen);
  $("choose").hidden = Boolean(doc);
  $("document-title").hidden = $("document-links").hidden = !doc;
  if (!doc) {
    $("pages").replaceChildren();
    shown = null;
    return;
  }
  const key = `${doc.name} ${doc.sha256}`;
  if (key === shown) return;
  const ticket = ++loading;
  const base = `/pages/${encodeURIComponent(doc.name)}`;
  const version = doc.sha256.slice(0, 16);
  const response = await fetch(`${base}/text.json?v=${version}`);
  if (!response.ok || ticket !== loading) return;
  const texts = await response.json();
  if (ticket !== loading) return;
  $("document-title").textContent = `${doc.file}, ${texts.length} page${texts.length === 1 ? "" : "s"}`;
  $("pdf-link").href = `/files/${encodeURIComponent(doc.name)}.pdf?v=${version}`;
  const figures = texts.map((text, index) => {
    const figure = element("figure", undefined, {"data-page": index + 1});
    // The page's own text is its alternative text: read aloud, searched, and found by the tests.
    figure.append(element("img", undefined, {src: `${base}/${index + 1}.png?v=${version}`, alt: text,
                                             loading: index < 2 ? "eager" : "lazy", width: "893", height: "1263"}));
    figure.append(element("figcaption", `Page ${index + 1}`));
    return figure;
  });
  $("pages").replaceChildren(...figures);
  $("pages").dataset.sha256 = doc.sha256;
  shown = key;
}

function choose(name) {
  chosen = name;
  history.replaceState(null, "", `#${encodeURIComponent(name)}`);
  showDocuments();
  showPages();
}

function apply(next) {
  snapshot = next;
  showStatus();
  showDocuments();
  showProblems();
  showPages();
}

const events = new EventSource("/events");
events.addEventListener("state", (event) => apply(JSON.parse(event.data)));
events.addEventListener("error", () => { $("status").textContent = "Reconnecting to the preview…"; });
