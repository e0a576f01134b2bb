// Browser test of the dyade web page (run by scripts/browser-test.sh, which starts the server).
// Env: BASE_URL (required), CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR (optional:
// write timeline.png and article.png there).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const base = process.env.BASE_URL;
if (!base) { console.error('BASE_URL is required'); process.exit(2); }
const shots = process.env.SCREENSHOT_DIR;
const profile = mkdtempSync(join(tmpdir(), 'dyade-chromium-'));
// A new empty profile each run (Playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failures = 0, passed = 0;
async function step(name, fn) {
  try { await fn(); passed++; console.log('ok   ' + name); } catch (e) { failures++; console.log('FAIL ' + name + '\n     ' + (e.stack || e).toString().split('\n').slice(0, 4).join('\n     ')); }
}
try {
  const page = await browser.newPage();
  const dialogs = [], pageErrors = [], external = [];
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', e => pageErrors.push(String(e)));
  page.on('request', r => { if (!r.url().startsWith(base)) external.push(r.url()); });
  // The page itself must never trigger a script from data: count globals an XSS would set.
  await page.addInitScript(() => { window.__pwned = 0; });

  await step('RUS–PRK timeline renders with events', async () => {
    await page.goto(base + '/#/timeline?a=RUS&b=PRK');
    await page.waitForSelector('#timeline-svg rect.bar', { timeout: 15000 });
    const rows = await page.locator('tr.event-row').count();
    assert.ok(rows > 0, 'no event rows for RUS–PRK');
  });

  await step('clicking an event shows its source sentence highlighted in the article', async () => {
    const row = page.locator('tr.event-row').first();
    const id = await row.getAttribute('data-event');
    const ev = await page.evaluate(async id => {
      const r = await fetch('/api/dyad?a=RUS&b=PRK'); const j = await r.json(); return j.items.find(e => String(e.id) === id);
    }, id);
    await row.click();
    const hl = page.locator('#source .hl-sentence');
    await hl.first().waitFor({ timeout: 10000 });
    const shown = (await hl.allTextContents()).join('');
    assert.equal(shown.trim(), ev.sentence.trim(), 'highlighted text is not the event sentence');
    assert.ok(await hl.first().isVisible(), 'sentence not visible');
    const trig = (await page.locator('#source .hl-trigger').allTextContents()).join('');
    assert.equal(trig, ev.trigger);
    if (shots) await page.screenshot({ path: join(shots, 'timeline.png'), fullPage: false });
  });

  await step('event table filters by type and opens sources', async () => {
    await page.goto(base + '/#/events?actor=RUS');
    await page.waitForSelector('tr.event-row');
    await page.locator('tr.event-row').first().click();
    await page.locator('#source .hl-sentence').first().waitFor();
  });

  await step('a bad filter shows the API error message', async () => {
    await page.goto(base + '/#/events?quad=9');
    await page.waitForSelector('.error');
    assert.match(await page.locator('.error').textContent(), /quad/);
  });

  await step('malicious article is shown as text; nothing from it runs', async () => {
    const found = await page.evaluate(async () => (await (await fetch('/api/articles?q=onerror')).json()).items);
    assert.ok(found.length > 0, 'malicious article not stored');
    await page.goto(base + '/#/article/' + found[0].id);
    await page.waitForSelector('#article-text');
    const text = await page.locator('#article-text').textContent();
    assert.ok(text.includes('<script>alert(1)</script>'), 'script tag not shown literally');
    assert.ok(text.includes('onerror='), 'img payload not shown literally');
    assert.ok((await page.locator('#article-title').textContent()).includes('<img'), 'title payload not shown literally');
    assert.equal(await page.locator('#view img').count(), 0, 'an <img> element was created from article text');
    assert.equal(await page.locator('#view script').count(), 0, 'a <script> element was created from article text');
    await page.goto(base + '/#/articles?q=onerror');
    await page.waitForSelector('.snippet');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#view img').count(), 0);
  });

  await step('article view highlights every layer', async () => {
    const ev = await page.evaluate(async () => (await (await fetch('/api/dyad?a=RUS&b=PRK')).json()).items[0]);
    await page.goto(base + '/#/article/' + ev.doc_id + '?ev=' + ev.id);
    await page.waitForSelector('#article-text .l-ent');
    for (const cls of ['l-ent', 'l-timex', 'l-event', 'l-trigger']) assert.ok(await page.locator('#article-text .' + cls).count() > 0, 'no ' + cls);
    assert.ok(await page.locator('#article-text .hl-sentence').count() > 0, 'selected event not highlighted');
    if (shots) await page.screenshot({ path: join(shots, 'article.png'), fullPage: false });
  });

  await step('quotes and graph views render', async () => {
    await page.goto(base + '/#/quotes');
    await page.waitForFunction(() => document.body.dataset.ready === 'quotes');
    await page.goto(base + '/#/graph');
    await page.waitForFunction(() => document.body.dataset.ready === 'graph');
    assert.ok(await page.locator('#graph-svg line.edge').count() > 0, 'graph has no edges');
  });

  await step('no dialog, no script error, no external request', async () => {
    assert.deepEqual(dialogs, [], 'a dialog opened: ' + dialogs.join(', '));
    assert.equal(await page.evaluate(() => window.__pwned), 0);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(external, []);
  });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
// The plain closing line CI reads.
console.log(`browser: ${passed} passed, ${failures} failed`);
if (failures) process.exit(1);
