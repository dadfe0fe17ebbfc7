// First visit of citizen pages on an emulated slow-4G phone: bytes on the wire and first contentful paint.
//   node measure.mjs --url http://127.0.0.1:5190 [--paths /,/lapor] [--runs 3] [--latency 150] [--max-kb 120] [--max-fcp-ms 1500]
// Every run opens a fresh browser context (empty cache, no cookies), so each figure is a first visit.
// Prints one line per run, then "RESULT" lines (median of the runs) and PASS/MISS per target; exit 1 on a miss.
import { chromium } from "playwright-core";

const options = {
  url: "http://127.0.0.1:5190",
  paths: "/,/lapor",
  runs: "3",
  latency: "150", // ms added to every request (the slow 4G; Lighthouse's devtools throttling uses 562.5)
  downKbps: "1600",
  upKbps: "750",
  cpu: "4",
  maxKb: "120",
  maxFcpMs: "1500",
  chromium: process.env.CHROMIUM ?? "/usr/bin/chromium",
};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, "").replace(/-(\w)/g, (_, c) => c.toUpperCase());
  if (!(key in options)) {
    console.error(`unknown option ${process.argv[i]}`);
    process.exit(2);
  }
  options[key] = process.argv[i + 1];
}

const kbps = (value) => (Number(value) * 1000) / 8; // kilobits per second -> bytes per second
const browser = await chromium.launch({ executablePath: options.chromium, args: ["--no-sandbox"] });
// A run without a paint entry counts as the slowest.
const median = (values) => values.map((v) => (Number.isNaN(v) ? Infinity : v)).sort((a, b) => a - b)[Math.floor(values.length / 2)];
let missed = false;

try {
  for (const path of options.paths.split(",")) {
    const runs = [];
    for (let run = 0; run < Number(options.runs); run++) {
      runs.push(await visit(path));
      const last = runs.at(-1);
      console.log(`${path} run ${run + 1}: ${(last.bytes / 1024).toFixed(1)} KB in ${last.requests} responses, FCP ${last.fcp.toFixed(0)} ms (page in ${last.html.toFixed(0)} ms, stylesheets in ${last.css.toFixed(0)} ms), load ${last.load.toFixed(0)} ms`);
    }
    const kb = median(runs.map((r) => r.bytes)) / 1024;
    const fcp = median(runs.map((r) => r.fcp));
    const name = path === "/" ? "home" : path.replace(/^\//, "").replace(/\W+/g, "_");
    console.log(`RESULT ${name}_kb=${kb.toFixed(1)}`);
    console.log(`RESULT ${name}_fcp_ms=${fcp.toFixed(0)}`);
    for (const line of runs[0].detail) {
      console.log(`  ${line}`);
    }
    const pass = kb < Number(options.maxKb) && fcp < Number(options.maxFcpMs);
    missed ||= !pass;
    console.log(`${pass ? "PASS" : "MISS"}    ${path}: ${kb.toFixed(1)} KB (target < ${options.maxKb}), FCP ${fcp.toFixed(0)} ms (target < ${options.maxFcpMs})`);
  }
} finally {
  await browser.close();
}
process.exit(missed ? 1 : 0);

async function visit(path) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: "id-ID",
    userAgent: "Mozilla/5.0 (Linux; Android 11; Low-end phone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: Number(options.latency),
      downloadThroughput: kbps(options.downKbps),
      uploadThroughput: kbps(options.upKbps),
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(options.cpu) });

    // encodedDataLength of a finished load: headers and body as they came over the wire (compressed).
    const urls = new Map();
    const encodings = new Map();
    const sizes = new Map();
    cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
    cdp.on("Network.responseReceived", (e) => encodings.set(e.requestId, e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"] ?? "-"));
    cdp.on("Network.loadingFinished", (e) => {
      if (!urls.get(e.requestId)?.startsWith("data:")) {
        sizes.set(e.requestId, e.encodedDataLength);
      }
    });

    await page.goto(options.url.replace(/\/$/, "") + path, { waitUntil: "load" });
    // Requests to other hosts (a tile server this machine cannot reach) must not hold the measurement up.
    await page.waitForLoadState("networkidle", { timeout: 15000 }).catch(() => console.log(`${path}: the network never went idle; measured at load`));
    // The paint entry through a buffered observer: reading the timeline right after load can miss it.
    const timing = await page.evaluate(() => new Promise((resolve) => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const css = performance.getEntriesByType("resource").filter((r) => r.initiatorType === "link").map((r) => r.responseEnd);
      const done = (fcp) => resolve({ fcp, load: navigation.loadEventEnd, html: navigation.responseEnd, css: Math.max(0, ...css) });
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName("first-contentful-paint")[0];
        if (entry) {
          done(entry.startTime);
        }
      }).observe({ type: "paint", buffered: true });
      setTimeout(() => done(NaN), 10000);
    }));
    const detail = [...sizes].map(([id, bytes]) => `${(bytes / 1024).toFixed(1).padStart(7)} KB  ${encodings.get(id) ?? "-"}  ${new URL(urls.get(id)).pathname}`);
    return { bytes: [...sizes.values()].reduce((a, b) => a + b, 0), requests: sizes.size, ...timing, detail };
  } finally {
    await context.close();
  }
}
