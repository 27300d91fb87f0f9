// One browser scenario against a running prompting server; ServeBrowserTest starts the server and runs
// `node serve.e2e.mjs SCENARIO SETTINGS.json` once per scenario. Exit status 0 means the scenario passed; any
// failure prints its reason. Screenshots of every step go to settings.screenshots.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [scenario, settingsFile] = process.argv.slice(2);
const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
const url = settings.url;

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function shot(page, name) {
  await page.screenshot({ path: join(settings.screenshots, `${scenario}-${name}.png`), fullPage: true });
}

async function openImage(page, task, id) {
  await page.goto(url);
  await page.waitForSelector('#task option', { state: 'attached' });
  await page.selectOption('#task', task);
  await page.click(`#images button[data-id="${id}"]`);
  await page.waitForSelector('#prompt-canvas:not([hidden])');
}

/** Page coordinates of an image pixel on the prompt canvas. */
async function at(page, x, y) {
  const box = await page.locator('#prompt-canvas').boundingBox();
  const size = await page.evaluate(() => [window.onepro.state.width, window.onepro.state.height]);
  return { x: box.x + (x + 0.5) * box.width / size[0], y: box.y + (y + 0.5) * box.height / size[1] };
}

async function masksShown(page) {
  return Number(await page.locator('#stage').getAttribute('data-masks') || 0);
}

async function waitForNewMask(page, before) {
  await page.waitForFunction((n) => Number(document.getElementById('stage').dataset.masks || 0) > n, before,
    { timeout: 20000 });
  check(await page.locator('#mask-overlay').isVisible(), 'the mask overlay is not visible');
  const src = await page.locator('#mask-overlay').getAttribute('src');
  check(src && src.startsWith('data:image/png;base64,'), 'the mask overlay is not a PNG');
  check(!(await page.locator('#error').isVisible()), 'an error is shown: ' + await page.locator('#error').textContent());
}

async function errorShown(page, phrase) {
  await page.waitForSelector('#error:not([hidden])', { timeout: 20000 });
  const text = await page.locator('#error').textContent();
  check(text.includes(phrase), `the page says "${text}", which does not mention "${phrase}"`);
}

async function serverStillAnswers(page) {
  const status = await page.evaluate(async () => (await fetch('/api/tasks')).status);
  check(status === 200, 'the server stopped answering: ' + status);
}

const scenarios = {
  async workflow(browser) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t = settings.template;
    await openImage(page, settings.task, t.id);
    await shot(page, '1-template');

    let n = await masksShown(page);
    const c = await at(page, t.click[0], t.click[1]);
    await page.mouse.click(c.x, c.y);
    await waitForNewMask(page, n);
    await shot(page, '2-click');

    await page.click('#tool-box');
    n = await masksShown(page);
    const a = await at(page, t.box[0], t.box[1]);
    const b = await at(page, t.box[2], t.box[3]);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    await waitForNewMask(page, n);
    const box = await page.evaluate(() => window.onepro.state.box);
    check(box && box.x1 > box.x0 && box.y1 > box.y0, 'no box was recorded');
    await shot(page, '3-box');

    await page.click('#tool-doodle');
    n = await masksShown(page);
    const s0 = await at(page, t.stroke[0][0], t.stroke[0][1]);
    await page.mouse.move(s0.x, s0.y);
    await page.mouse.down();
    for (const p of t.stroke.slice(1)) {
      const q = await at(page, p[0], p[1]);
      await page.mouse.move(q.x, q.y, { steps: 3 });
    }
    await page.mouse.up();
    await waitForNewMask(page, n);
    const strokes = await page.evaluate(() => window.onepro.state.strokes.length);
    check(strokes === 1, 'expected one doodle stroke, found ' + strokes);
    await shot(page, '4-doodle');

    await page.click('#tool-seglab');
    n = await masksShown(page);
    await page.setInputFiles('#seglab-file', settings.templateMask);
    await waitForNewMask(page, n);
    await shot(page, '5-seglab');

    n = await masksShown(page);
    await page.click('#undo');
    await page.waitForFunction((k) => Number(document.getElementById('stage').dataset.masks || 0) > k
      || document.getElementById('status').textContent.includes('no prompt'), n);
    await page.click('#tool-box');

    await page.click('#apply');
    await page.waitForFunction((k) => document.querySelectorAll('#results .result').length === k,
      settings.imageCount - 1, { timeout: 60000 });
    const dice = await page.locator('#results .dice').allTextContents();
    check(dice.filter((d) => d.startsWith('Dice ')).length === settings.imageCount - 1,
      'every result should show its Dice: ' + dice.join(', '));
    check((await page.locator('#mean-dice').textContent()).includes('mean Dice'), 'no mean Dice shown');
    await shot(page, '6-applied');

    await page.click('#add-template');
    await page.click(`#images button[data-id="${settings.second.id}"]`);
    await page.waitForFunction((id) => window.onepro.state.id === id && window.onepro.state.width > 0,
      settings.second.id);
    await page.click('#tool-click');
    n = await masksShown(page);
    const c2 = await at(page, settings.second.click[0], settings.second.click[1]);
    await page.mouse.click(c2.x, c2.y);
    await waitForNewMask(page, n);
    await page.check('#show-variance');
    await page.click('#apply');
    await page.waitForFunction((k) => document.querySelectorAll('#results img.variance:not([hidden])').length === k,
      settings.imageCount - 2, { timeout: 60000 });
    await shot(page, '7-uncertainty');

    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('prompt saved to'));
    await page.click('#export');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('exported'),
      null, { timeout: 60000 });
    await shot(page, '8-saved');
  },

  async 'non-image-upload'(browser) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('#task option', { state: 'attached' });
    await page.setInputFiles('#upload', settings.textFile);
    await errorShown(page, 'is not an image');
    await shot(page, 'error');
    await serverStillAnswers(page);
  },

  async 'huge-image-upload'(browser) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('#task option', { state: 'attached' });
    await page.setInputFiles('#upload', settings.hugeImage);
    await errorShown(page, 'at most 4096 pixels');
    await shot(page, 'error');
    await serverStillAnswers(page);
  },

  async 'unknown-task'(browser) {
    const page = await browser.newPage();
    await page.goto(url + '#task=no-such-task&id=x');
    await errorShown(page, "no task named 'no-such-task'");
    await shot(page, 'error');
    await serverStillAnswers(page);
  },

  async 'several-tabs'(browser) {
    const t = settings.template;
    const pages = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await openImage(page, settings.task, t.id);
      pages.push(page);
    }
    const before = await Promise.all(pages.map(masksShown));
    await Promise.all(pages.map(async (page, i) => {
      const c = await at(page, t.click[0] + i, t.click[1]);
      await page.mouse.click(c.x, c.y);
    }));
    await Promise.all(pages.map((page, i) => waitForNewMask(page, before[i])));
    await shot(pages[2], 'third-tab');
    await serverStillAnswers(pages[0]);
  },

  async 'prompt-outside-image'(browser) {
    const page = await browser.newPage();
    await openImage(page, settings.task, settings.template.id);
    await page.evaluate(() => window.onepro.segmentWith({ type: 'click', content: { points: [[99999, 5, 1]] } }));
    await errorShown(page, 'outside');
    await shot(page, 'error');
    await serverStillAnswers(page);
  },
};

const run = scenarios[scenario];
if (!run) {
  console.error('unknown scenario ' + scenario + '; known: ' + Object.keys(scenarios).join(', '));
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: settings.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
try {
  await run(browser);
  console.log('scenario ' + scenario + ' passed');
} catch (e) {
  console.error('scenario ' + scenario + ' failed: ' + (e && e.stack ? e.stack : e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
