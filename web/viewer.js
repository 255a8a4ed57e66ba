// The iadsim replay viewer (served by `iadsim view RUN_DIR`).
// Reads /run/replay.czml (truth, tracks, coverage, envelopes: io/czml_writer.h), /run/events.json
// (io/viewer_events.h) and /run/summary.json. No network access: the imagery is Cesium's bundled
// Natural Earth II, and nothing asks Cesium ion for anything.
// For tests and scripting, window.iadsim = {viewer, dataSource, start, events, jumpTo(t)} once loaded,
// and #status carries data-state = loading | ready | error with data-entities and data-events.
"use strict";

const statusBox = document.getElementById("status");
const errorBox = document.getElementById("error");

function fail(message) {
  errorBox.hidden = false;
  errorBox.textContent = message;
  statusBox.dataset.state = "error";
  statusBox.textContent = "the replay could not be shown";
}
window.addEventListener("error", (e) => fail(`error: ${e.message}`));
window.addEventListener("unhandledrejection", (e) => fail(`error: ${e.reason && e.reason.message ? e.reason.message : e.reason}`));

async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
}

function parseJson(url, text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${url} is not valid JSON: ${e.message}`);
  }
}

function clockText(t) {
  const s = Math.max(0, t);
  const m = Math.floor(s / 60);
  return `T+${String(m).padStart(2, "0")}:${(s - 60 * m).toFixed(1).padStart(4, "0")}`;
}

function showLayers(dataSource) {
  for (const box of document.querySelectorAll("#layers input")) {
    const prefixes = box.dataset.prefix.split(",");
    for (const e of dataSource.entities.values)
      if (prefixes.some((p) => e.id.startsWith(p))) e.show = box.checked;
  }
}

function listEvents(events, jumpTo) {
  const list = document.getElementById("events");
  events.forEach((ev, i) => {
    const li = document.createElement("li");
    li.className = ev.type;
    li.dataset.index = String(i);
    li.dataset.t = String(ev.t);
    const t = document.createElement("span");
    t.className = "t";
    t.textContent = clockText(ev.t);
    const type = document.createElement("span");
    type.className = "type";
    type.textContent = ev.type;
    li.append(t, document.createTextNode(ev.text), type);
    li.addEventListener("click", () => jumpTo(ev.t, ev.entity));
    list.append(li);
  });
}

async function main() {
  const czmlText = await fetchText("/run/replay.czml");
  const czml = parseJson("replay.czml", czmlText);
  if (!Array.isArray(czml) || czml.length === 0 || czml[0].id !== "document")
    throw new Error("replay.czml is not a CZML document (a JSON array whose first packet has id \"document\")");
  const events = parseJson("events.json", await fetchText("/run/events.json"));
  const summary = parseJson("summary.json", await fetchText("/run/summary.json"));

  const viewer = new Cesium.Viewer("globe", {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(
      Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl("Assets/Textures/NaturalEarthII"))),
    baseLayerPicker: false,
    geocoder: false,
    navigationHelpButton: false,
    fullscreenButton: false,
    shouldAnimate: false,
    requestRenderMode: true,  // render when the scene or the clock's time changes, not continuously
  });
  const dataSource = await Cesium.CzmlDataSource.load(czml);
  await viewer.dataSources.add(dataSource);
  viewer.clockTrackedDataSource = dataSource;
  const start = dataSource.clock.startTime;
  viewer.clock.startTime = start.clone();
  viewer.clock.stopTime = dataSource.clock.stopTime.clone();
  viewer.clock.currentTime = start.clone();
  viewer.timeline.zoomTo(viewer.clock.startTime, viewer.clock.stopTime);
  for (const e of dataSource.entities.values)  // interceptors' names would hide each other
    if (e.label && e.id.startsWith("entity-") && String(e.description?.getValue()).startsWith("missile")) e.label.show = false;
  const coverage = dataSource.entities.values.filter((e) => e.id.startsWith("radar-") || e.id.startsWith("envelope-"));
  await viewer.zoomTo(coverage.length ? coverage : dataSource, new Cesium.HeadingPitchRange(0, -Math.PI / 3, 0));

  for (const box of document.querySelectorAll("#layers input")) box.addEventListener("change", () => showLayers(dataSource));
  const items = document.getElementById("events").children;
  const jumpTo = (t, entityId) => {
    viewer.clock.shouldAnimate = false;
    viewer.clock.currentTime = Cesium.JulianDate.addSeconds(start, t, new Cesium.JulianDate());
    const entity = entityId ? dataSource.entities.getById(entityId) : undefined;
    if (entity) viewer.selectedEntity = entity;
  };
  listEvents(events, jumpTo);
  let shown = -1;
  viewer.clock.onTick.addEventListener((clock) => {  // highlight the last event at or before the clock
    const t = Cesium.JulianDate.secondsDifference(clock.currentTime, start);
    let k = -1;
    while (k + 1 < events.length && events[k + 1].t <= t + 1e-6) ++k;
    if (k === shown) return;
    if (shown >= 0) items[shown].classList.remove("current");
    if (k >= 0) items[k].classList.add("current");
    shown = k;
  });

  const name = czml[0].name || "run";
  document.getElementById("title").textContent = name;
  document.title = `iadsim replay: ${name}`;
  statusBox.textContent = `seed ${summary.seed ?? "?"}, ${dataSource.entities.values.length} objects, ${events.length} events`;
  statusBox.dataset.entities = String(dataSource.entities.values.length);
  statusBox.dataset.events = String(events.length);
  window.iadsim = { viewer, dataSource, start, events, jumpTo };
  statusBox.dataset.state = "ready";
}

main().catch((e) => fail(e.message || String(e)));
