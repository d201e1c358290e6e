// Lighthouse (mobile preset: the default config) over several pages with ONE Chromium.
// Usage: node lighthouse.mjs CATEGORY,CATEGORY URL...
// (CHROME_PATH names the browser, CHROME_FLAGS its flags as JSON; nothing is downloaded.)
// Prints one JSON array on stdout: per page its category scores (0-100) and, per
// category, the audits that did not pass, so a failing score says why, and the
// performance metrics when that category is asked for.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [categoryList, ...urls] = process.argv.slice(2);
const CATEGORIES = categoryList.split(",");
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
  "cumulative-layout-shift", "speed-index"];
// The browser's flags come from showcase/engine/outside_checkers.py (their one owner).
const FLAGS = ["--headless=new", ...JSON.parse(process.env.CHROME_FLAGS || "[]")];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: FLAGS,
  logLevel: "silent",
});
const pages = [];
try {
  for (const url of urls) {
    const started = Date.now();
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: CATEGORIES,
      disableFullPageScreenshot: true,
    });
    const scores = {};
    const failing = {};
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = category.score === null ? null : Math.round(category.score * 100);
      failing[id] = category.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode))
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => ({ id: audit.id, title: audit.title, score: audit.score,
          value: audit.displayValue || "" }));
    }
    const metrics = {};
    for (const id of METRICS) {
      if (lhr.audits[id]) metrics[id] = lhr.audits[id].displayValue || "";
    }
    const error = lhr.runtimeError ? lhr.runtimeError.message : "";
    pages.push({ url, scores, failing, metrics, error, seconds: (Date.now() - started) / 1000 });
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(pages));
