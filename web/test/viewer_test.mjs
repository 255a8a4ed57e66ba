// Browser test of the replay viewer: runs a scenario, serves it with `iadsim view`, loads the page in
// Debian's chromium (headless, WebGL through SwiftShader) with puppeteer-core, and checks from the DOM
// and the page's state against independent readings of the run's files:
//  - the page is ready, with as many objects as the CZML has packets (less the document) and as many
//    listed events as events.jsonl has lines;
//  - clicking an event moves the viewer's clock to that event's time (read from events.jsonl);
//  - the layer toggles hide and show the tracks and the truth;
//  - the page asks nothing of any host but the local server (it works offline);
//  - a corrupt replay.czml gives a visible error, not a blank page.
// A screenshot of the demo is saved to WORK/viewer.png.
// Usage: node web/test/viewer_test.mjs --iadsim BIN --scenario FILE --work DIR [--browser PATH]
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v.replace(/^--/, ""), all[i + 1]]]), []));
for (const k of ["iadsim", "scenario", "work"]) if (!args[k]) throw new Error(`--${k} is required`);
const browserPath = args.browser || process.env.CHROMIUM || "/usr/bin/chromium";
if (!fs.existsSync(browserPath)) {
  console.error(`viewer test: no browser at ${browserPath}: install it with tools/setup-web.sh --browser`);
  process.exit(1);
}

let failures = 0;
const t0 = Date.now();
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what} [${((Date.now() - t0) / 1000).toFixed(1)} s]`);
  if (!ok) failures++;
}

function serve(runDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(args.iadsim, ["view", runDir, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ child, url: m[0] });
    });
    child.stderr.on("data", (d) => process.stderr.write(d));
    child.on("exit", (code) => reject(new Error(`iadsim view exited (${code}) before serving: ${out}`)));
  });
}

async function openPage(browser, url, external) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 820 });
  await page.setRequestInterception(true);
  const origin = new URL(url).origin;
  page.on("request", (r) => {
    const u = r.url();
    if (u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:")) return r.continue();
    external.push(u);
    r.abort();
  });
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForFunction(() => document.getElementById("status").dataset.state !== "loading", { timeout: 180000 });
  return page;
}

const work = path.resolve(args.work);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const runDir = path.join(work, "demo");
execFileSync(args.iadsim, ["run", args.scenario, "--seed", "1", "--out", runDir, "--quiet"], { stdio: "inherit" });

// Independent readings of the run's files.
const eventLines = fs.readFileSync(path.join(runDir, "events.jsonl"), "utf8").split("\n").filter((l) => l.trim());
const events = eventLines.map((l) => JSON.parse(l));
execFileSync(args.iadsim, ["export", "czml", runDir], { stdio: "ignore" });
const czml = JSON.parse(fs.readFileSync(path.join(runDir, "replay.czml"), "utf8"));
const packets = czml.filter((p) => p.id !== "document");
const trackIds = packets.filter((p) => p.id.startsWith("track-")).map((p) => p.id);
const truthIds = packets.filter((p) => p.id.startsWith("entity-")).map((p) => p.id);

const browser = await puppeteer.launch({
  executablePath: browserPath,
  headless: true,
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
});
const servers = [];
try {
  const good = await serve(runDir);
  servers.push(good.child);
  const external = [];
  const page = await openPage(browser, good.url, external);
  const status = await page.$eval("#status", (s) => ({ ...s.dataset, text: s.textContent }));
  check(status.state === "ready", `page ready (${status.text}${status.state === "error" ? ": " + (await page.$eval("#error", (e) => e.textContent)) : ""})`);
  check(Number(status.entities) === packets.length, `objects on the globe ${status.entities} = CZML packets ${packets.length}`);
  const listed = await page.$$eval("#events li", (li) => li.length);
  check(listed === events.length && Number(status.events) === events.length, `events listed ${listed} = lines of events.jsonl ${events.length}`);
  const ids = await page.evaluate(() => window.iadsim.dataSource.entities.values.map((e) => e.id));
  check(trackIds.length > 0 && trackIds.every((id) => ids.includes(id)), `all ${trackIds.length} tracks loaded`);
  check(truthIds.length > 0 && truthIds.every((id) => ids.includes(id)), `all ${truthIds.length} aircraft and missiles loaded`);

  // Clicking an event moves the clock to its time.
  const k = events.findIndex((e) => e.type === "engagement_ordered");
  check(k >= 0, "the demo has an engagement order");
  await page.click(`#events li[data-index="${k}"]`);
  const t = await page.evaluate(() => Cesium.JulianDate.secondsDifference(window.iadsim.viewer.clock.currentTime, window.iadsim.start));
  check(Math.abs(t - events[k].t) < 1e-3, `clock after clicking event ${k} (${events[k].type}): ${t.toFixed(3)} s = ${events[k].t} s`);
  const selected = await page.evaluate(() => window.iadsim.viewer.selectedEntity && window.iadsim.viewer.selectedEntity.id);
  check(typeof selected === "string" && selected.startsWith("track-"), `the event selects its track (${selected})`);

  // Layer toggles.
  const shown = (prefix) => page.evaluate((p) => window.iadsim.dataSource.entities.values.filter((e) => e.id.startsWith(p)).map((e) => e.show), prefix);
  await page.click("#toggle-tracks");
  check((await shown("track-")).every((s) => !s) && (await shown("entity-")).every((s) => s), "tracks hidden, truth still shown");
  await page.click("#toggle-tracks");
  await page.click("#toggle-truth");
  check((await shown("track-")).every((s) => s) && (await shown("entity-")).every((s) => !s), "truth hidden, tracks shown again");
  await page.click("#toggle-truth");

  // A moment with interceptors in flight, for the picture.
  const launch = events.find((e) => e.type === "missile_launched");
  await page.evaluate(async (t) => {
    const { viewer, dataSource, jumpTo } = window.iadsim;
    jumpTo(t);
    const envelope = dataSource.entities.values.find((e) => e.id.startsWith("envelope-"));
    await viewer.zoomTo(envelope, new Cesium.HeadingPitchRange(0, -Math.PI / 4, 260000));
  }, launch.t + 40);
  await page.waitForFunction(() => window.iadsim.viewer.scene.globe.tilesLoaded, { timeout: 120000 });
  await page.evaluate(() => window.iadsim.viewer.scene.requestRender());
  await page.screenshot({ path: path.join(work, "viewer.png") });
  check(true, "screenshot saved");
  check(external.length === 0, `no request beyond the local server${external.length ? ": " + external.slice(0, 3).join(", ") : ""}`);
  await page.close();

  // A corrupt replay.czml: an error on the page.
  const badDir = path.join(work, "corrupt");
  fs.cpSync(runDir, badDir, { recursive: true });
  fs.writeFileSync(path.join(badDir, "replay.czml"), '[{"id":"document","version":"1.0"}, {"id": ');
  const bad = await serve(badDir);
  servers.push(bad.child);
  const badPage = await openPage(browser, bad.url, []);
  const badState = await badPage.$eval("#status", (s) => s.dataset.state);
  const badError = await badPage.$eval("#error", (e) => (e.hidden ? "" : e.textContent));
  check(badState === "error" && badError.includes("replay.czml"), `corrupt replay.czml shows an error: "${badError}"`);
} finally {
  await browser.close();
  for (const c of servers) c.kill("SIGTERM");
}
console.log(failures ? `${failures} check(s) failed` : "all checks passed");
process.exit(failures ? 1 : 0);
