// First and repeat visit of citizen pages on an emulated slow-4G phone: bytes on the wire and first contentful paint.
//   node measure.mjs --url http://127.0.0.1:5190 [--paths /,/lapor] [--runs 3] [--latency 150] [--max-kb 120] [--max-fcp-ms 1500]
// Every run opens a fresh browser context (empty cache, no cookies): the first visit, then the same address again
// with the cache the first one filled (the repeat visit: only the page itself should go over the network).
// Prints one line per run, then "RESULT" lines (median of the runs), every file with its size on the wire, encoding
// and cache headers, and PASS/MISS per target; exit 1 on a miss. A text file sent uncompressed, a fingerprinted file
// without a year's cache lifetime, or anything but the page fetched again on the repeat visit is a MISS too.
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

// Text is worth compressing; a name with a content hash (site.2a4g4uwcx5.css) never changes, so it may be kept a year.
const textTypes = /^(text\/|application\/(javascript|json|problem\+json|xml|manifest\+json)|image\/(svg\+xml|x-icon|vnd\.microsoft\.icon))/;
const fingerprinted = /\.[a-z0-9]{8,}\.[a-z0-9]+$/;
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
    const repeatKb = median(runs.map((r) => r.repeat.bytes)) / 1024;
    const repeatFcp = median(runs.map((r) => r.repeat.fcp));
    const name = path === "/" ? "home" : path.replace(/^\//, "").replace(/\W+/g, "_");
    console.log(`RESULT ${name}_kb=${kb.toFixed(1)}`);
    console.log(`RESULT ${name}_fcp_ms=${fcp.toFixed(0)}`);
    console.log(`RESULT ${name}_repeat_kb=${repeatKb.toFixed(1)}`);
    console.log(`RESULT ${name}_repeat_requests=${median(runs.map((r) => r.repeat.requests))}`);
    console.log(`RESULT ${name}_repeat_fcp_ms=${repeatFcp.toFixed(0)}`);
    console.log(`  first visit (run 1):`);
    for (const file of runs[0].files) {
      console.log(`  ${describe(file)}`);
    }
    console.log(`  repeat visit (run 1), what went over the network:`);
    for (const file of runs[0].repeat.files) {
      console.log(`  ${describe(file)}`);
    }
    const pass = kb < Number(options.maxKb) && fcp < Number(options.maxFcpMs);
    missed ||= !pass;
    console.log(`${pass ? "PASS" : "MISS"}    ${path}: ${kb.toFixed(1)} KB (target < ${options.maxKb}), FCP ${fcp.toFixed(0)} ms (target < ${options.maxFcpMs})`);
    const problems = runs.flatMap((r) => [...r.files.flatMap(headerProblems), ...r.repeat.files.filter((f) => f.type !== "Document").map((f) => `${f.path}: fetched again on the repeat visit (${f.status})`)]);
    problems.push(...await revalidationProblems(runs[0].files.filter((f) => f.type !== "Document")));
    for (const problem of [...new Set(problems)]) {
      console.log(`MISS    ${path}: ${problem}`);
    }
    missed ||= problems.length > 0;
    if (problems.length === 0) {
      console.log(`PASS    ${path}: every text file compressed, every fingerprinted file cached a year, the repeat visit fetched only the page (${repeatKb.toFixed(1)} KB)`);
    }
  }
} finally {
  await browser.close();
}
process.exit(missed ? 1 : 0);

function describe(f) {
  const cache = f.cacheControl ?? "-";
  const validator = f.etag ? "ETag" : f.lastModified ? "Last-Modified" : "no validator";
  return `${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${String(f.status).padEnd(3)} ${f.encoding.padEnd(4)}  ${f.path}  [${cache}; ${validator}${f.vary ? "; Vary: " + f.vary : ""}]`;
}

function headerProblems(f) {
  const problems = [];
  if (f.status === 200 && textTypes.test(f.mimeType) && f.encoding === "-" && f.bodyBytes > 1024) {
    problems.push(`${f.path}: ${f.mimeType} sent uncompressed (${(f.bodyBytes / 1024).toFixed(1)} KB)`);
  }
  const maxAge = Number(/max-age=(\d+)/.exec(f.cacheControl ?? "")?.[1] ?? 0);
  if (f.status === 200 && fingerprinted.test(f.path) && (maxAge < 31536000 || !/immutable/.test(f.cacheControl ?? ""))) {
    problems.push(`${f.path}: fingerprinted but "Cache-Control: ${f.cacheControl ?? ""}" (want max-age=31536000, immutable)`);
  }
  return problems;
}

// Once a file's lifetime is up (or for a plain name, every time) the browser asks with its ETag: the answer must be 304.
async function revalidationProblems(files) {
  const problems = [];
  for (const f of files.filter((file) => file.etag && file.status === 200)) {
    const response = await fetch(f.url, { headers: { "If-None-Match": f.etag, "Accept-Encoding": f.encoding === "-" ? "identity" : f.encoding } });
    if (response.status !== 304) {
      problems.push(`${f.path}: revalidation with its ETag answered ${response.status}, not 304`);
    }
  }
  return problems;
}

// Every response of a navigation as the DevTools protocol reports it: what came over the network (encodedDataLength:
// headers and body as sent, so compressed) and what the browser's cache answered (left out).
function record(cdp) {
  const files = new Map();
  const cached = new Set();
  cdp.on("Network.requestWillBeSent", (e) => files.set(e.requestId, { url: e.request.url, type: e.type ?? "Other" }));
  cdp.on("Network.requestServedFromCache", (e) => cached.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker) {
      cached.add(e.requestId);
    }
    Object.assign(files.get(e.requestId) ?? {}, {
      type: e.type, status: e.response.status, mimeType: e.response.mimeType, encoding: h["content-encoding"] ?? "-",
      cacheControl: h["cache-control"], etag: h["etag"], lastModified: h["last-modified"], vary: h["vary"],
    });
  });
  cdp.on("Network.dataReceived", (e) => {
    const f = files.get(e.requestId);
    if (f) {
      f.bodyBytes = (f.bodyBytes ?? 0) + e.dataLength;
    }
  });
  cdp.on("Network.loadingFinished", (e) => {
    const f = files.get(e.requestId);
    if (f) {
      f.bytes = e.encodedDataLength;
    }
  });
  return () => [...files].filter(([id, f]) => !cached.has(id) && f.bytes !== undefined && !f.url.startsWith("data:"))
    .map(([, f]) => ({ ...f, path: new URL(f.url).pathname, bodyBytes: f.bodyBytes ?? 0 }));
}

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
    // The context starts with an empty cache: the first visit fetches everything, and fills it for the repeat visit.
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: Number(options.latency),
      downloadThroughput: kbps(options.downKbps),
      uploadThroughput: kbps(options.upKbps),
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(options.cpu) });

    let files = record(cdp);
    const timing = await load(page, path);
    const first = files();
    // The repeat visit: the same address again, in the same tab, with what the first visit cached.
    files = record(cdp);
    const repeatTiming = await load(page, path);
    const repeat = files();
    const sum = (list) => list.reduce((a, f) => a + f.bytes, 0);
    return {
      bytes: sum(first), requests: first.length, ...timing, files: first,
      repeat: { bytes: sum(repeat), requests: repeat.length, fcp: repeatTiming.fcp, files: repeat },
    };
  } finally {
    await context.close();
  }
}

async function load(page, path) {
  await page.goto(options.url.replace(/\/$/, "") + path, { waitUntil: "load" });
  // Requests to other hosts (a tile server this machine cannot reach) must not hold the measurement up.
  await page.waitForLoadState("networkidle", { timeout: 15000 }).catch(() => console.log(`${path}: the network never went idle; measured at load`));
  // The paint entry through a buffered observer: reading the timeline right after load can miss it.
  return await page.evaluate(() => new Promise((resolve) => {
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
}
