// Drive parley's web app in a real headless Chromium and report what the pages did, as JSON.
//
// Usage: node check_web.mjs '{"base": "http://127.0.0.1:PORT", "out": "DIR", "process": "astana",
//                             "event_type": "CONSULT", "xss_doc": "xss-1"}'
// Run by tests/test_web_browser.py, which asserts on the printed report. Any step that throws
// ends the run with the error in the report and a non-zero exit status.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const config = JSON.parse(process.argv[2]);
const report = { steps: [], dialogs: [], page_errors: [], console_errors: [] };
const profile = mkdtempSync(join(tmpdir(), "parley-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: config.chromium || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(15000);
page.on("dialog", async (dialog) => { report.dialogs.push(dialog.message()); await dialog.dismiss(); });
page.on("pageerror", (error) => report.page_errors.push(String(error)));
page.on("console", (msg) => { if (msg.type() === "error") report.console_errors.push(msg.text()); });

async function shot(name) {
  const path = join(config.out, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

// The centre of the first mark matching ``selector`` that a click there reaches (not one drawn
// under another mark), with its data attributes; null when every mark is covered.
async function reachable(selector) {
  return page.$$eval(selector, (as) => {
    for (const a of as) {
      const box = a.firstElementChild.getBoundingClientRect();
      const x = box.left + box.width / 2, y = box.top + box.height / 2;
      a.scrollIntoView({ block: "center" });
      const again = a.firstElementChild.getBoundingClientRect();
      const cx = again.left + again.width / 2, cy = again.top + again.height / 2;
      const hit = document.elementFromPoint(cx, cy);
      if (hit && hit.closest("a") === a) return { x: cx, y: cy, ...a.dataset, href: a.getAttribute("href") };
    }
    return null;
  });
}

// Click the first reachable bar segment of the events chart in ``figure``; report the segment's
// count and class, the events page it led to and the PLOVER type of each event listed there.
async function clickChartBar(figure) {
  const bar = await reachable(`${figure} svg a.bar`);
  const n = Number(bar.n);
  const quad = bar.quad;
  await Promise.all([page.waitForURL(/\/events\?.*quad=/), page.mouse.click(bar.x, bar.y)]);
  const types = await page.$$eval("#events-table tbody tr[data-type]", (rows) => rows.map((r) => r.dataset.type));
  return { url: page.url(), n, quad, types };
}

async function step(name, fn) {
  const result = await fn();
  report.steps.push({ name, ...result });
}

try {
  await step("process", async () => {
    await page.goto(`${config.base}/processes/${config.process}`);
    await page.waitForSelector("#timeline svg");
    const marks = await page.$$eval("#timeline svg g.mark", (gs) => gs.map((g) => ({
      id: g.getAttribute("data-id"), status: g.getAttribute("data-status"),
      width: g.querySelector("rect").getBBox().width })));
    const meetings = await page.$$eval("article.meeting", (as) => as.map((a) => a.id.replace(/^m-/, "")));
    const bars = await page.locator("#process-events svg a.bar rect").count();
    const places = await page.$$eval("#process-map svg a.place circle", (cs) => cs.filter((c) => c.getBBox().width > 0).length);
    const venues = await page.locator("#process-map svg a.venue rect").count();
    return { marks, meetings, bars, places, venues, screenshot: await shot("process") };
  });

  await step("process_map_click", async () => {
    const mark = await reachable("#process-map svg a.place");
    const geonameid = mark.geonameid;
    const expected = Number(mark.events);
    await Promise.all([page.waitForURL(/\/events\?.*place=/), page.mouse.click(mark.x, mark.y)]);
    const rows = await page.$$eval("#events-table tbody tr[data-type]", (rs) => rs.map((r) => r.dataset.place));
    const url = page.url();
    await page.goto(`${config.base}/processes/${config.process}`);
    return { url, geonameid, expected, rows };
  });

  await step("process_chart_click", async () => {
    const clicked = await clickChartBar("#process-events");
    await page.goto(`${config.base}/processes/${config.process}`);
    return clicked;
  });

  await step("meeting", async () => {
    const first = page.locator("#timeline svg g.mark").first();
    const id = await first.getAttribute("data-id");
    await Promise.all([page.waitForURL(`**/meetings/${id}`), first.locator("rect").click()]);
    const facts = await page.$$eval("table.facts tbody tr", (rows) => rows.map((r) => r.id));
    const quotes = await page.locator("blockquote.evidence-quote").count();
    return { id, url: page.url(), heading: await page.locator("h1").innerText(), facts, quotes,
             screenshot: await shot("meeting") };
  });

  await step("actor", async () => {
    const link = page.locator("main a.actor").first();
    const href = await link.getAttribute("href");
    await Promise.all([page.waitForURL(`**${href}`), link.click()]);
    const nodes = await page.locator("#network svg g.node").count();
    const bars = await page.$$eval("#actor-events svg a.bar", (as) => as.map((a) => ({
      n: Number(a.dataset.n), quad: a.dataset.quad, height: a.querySelector("rect").getBBox().height })));
    return { href, url: page.url(), heading: await page.locator("h1").innerText(), nodes, bars,
             screenshot: await shot("actor") };
  });

  await step("actor_chart_click", async () => clickChartBar("#actor-events"));

  await step("events_map", async () => {
    await page.goto(`${config.base}/events`);
    const marks = await page.$$eval("#events-map svg a.place", (as) => as.map((a) => ({
      geonameid: a.dataset.geonameid, events: Number(a.dataset.events), r: a.querySelector("circle").getBBox().width })));
    const world = await page.$eval("#events-map svg image", (i) => i.getBBox().width);
    const mark = await reachable("#events-map svg a.place");
    const geonameid = mark.geonameid;
    await Promise.all([page.waitForURL(/place=/), page.mouse.click(mark.x, mark.y)]);
    const rows = await page.$$eval("#events-table tbody tr[data-type]", (rs) => rs.map((r) => r.dataset.place));
    const screenshot = await shot("events-map");
    return { marks, world, geonameid, url: page.url(), rows, screenshot };
  });

  await step("events", async () => {
    await page.goto(`${config.base}/events`);
    const before = await page.locator("#events-table tbody tr[data-type]").count();
    await page.selectOption("select[name=type]", config.event_type);
    await Promise.all([page.waitForURL(/type=/), page.click("#event-filters button")]);
    const screenshot = await shot("events");
    const types = await page.$$eval("#events-table tbody tr[data-type]", (rows) => rows.map((r) => r.dataset.type));
    const firstRow = types.length ? await page.locator("#events-table tbody tr[data-type]").first().innerText() : "";
    const needle = firstRow.split("\t")[0].trim();
    await page.fill("#quick-filter", needle);
    const visible = await page.$$eval("#events-table tbody tr[data-type]", (rows) => rows.filter((r) => !r.hidden).length);
    const shown = Number(await page.locator("#event-count").innerText());
    return { url: page.url(), before, types, needle, visible, shown, screenshot };
  });

  await step("evidence", async () => {
    await page.fill("#quick-filter", "");
    const link = page.locator("#events-table a.evidence-link").first();
    await Promise.all([page.waitForURL("**/events/**"), link.click()]);
    const quote = page.locator("a.evidence-link").first();
    const quoted = await quote.innerText();
    await Promise.all([page.waitForURL(/\/documents\/.*#ev-\d+$/), quote.click()]);
    await page.waitForSelector(".hl.evidence.targeted");
    const targeted = await page.$$eval(".hl.evidence.targeted", (ns) => ({
      text: ns.map((n) => n.textContent).join(""),
      background: getComputedStyle(ns[0]).backgroundColor,
      inView: ns[0].getBoundingClientRect().top < window.innerHeight && ns[0].getBoundingClientRect().bottom > 0,
    }));
    await page.screenshot({ path: join(config.out, "document.png") });
    return { url: page.url(), quoted, targeted, screenshot: join(config.out, "document.png") };
  });

  await step("xss", async () => {
    await page.goto(`${config.base}/documents/${config.xss_doc}`);
    await page.waitForSelector("#doc-text");
    const state = await page.evaluate(() => ({
      xss: window.__xss === undefined ? null : window.__xss,
      scripts: Array.from(document.scripts).map((s) => s.src || s.type || "inline"),
      images: document.querySelectorAll("main img").length,
      title: document.querySelector("h1").textContent,
      text: document.querySelector("#doc-text").textContent,
      javascript_links: Array.from(document.links).filter((a) => a.protocol === "javascript:").length,
    }));
    return { ...state, screenshot: await shot("xss") };
  });

  await step("claims", async () => {
    await page.goto(`${config.base}/claims`);
    const groups = await page.locator("section.claim-group").count();
    const drawn = await page.locator("section.claim-group svg g.claim").count();
    return { groups, drawn, screenshot: await shot("claims") };
  });
} catch (error) {
  report.error = String(error && error.stack || error);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(report) + "\n");
process.exit(report.error ? 1 : 0);
