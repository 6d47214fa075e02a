import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeMatrix } from '@smartmix/npy';
import { type Browser, chromium } from 'playwright-core';
import { runCli } from './run-cli.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/t0-sample', import.meta.url));
/** Debian's Chromium, installed by `npm test`'s pretest (scripts/install-test-deps.sh). */
const CHROMIUM = '/usr/bin/chromium';
const dir = await mkdtemp(join(tmpdir(), 'cli-report-'));
after(() => rm(dir, { recursive: true, force: true }));

/**
 * Runs in the page (kept as text: the tests are type-checked without the DOM library): decodes a PNG data URL on a
 * canvas and returns its size, the number of distinct colours and the share of pixels darker than the background.
 */
const DECODE_PNG = `async (dataUrl) => {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, img.width, img.height).data;
  const colours = new Set();
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    if (data[i] + data[i + 1] + data[i + 2] < 600) ink++;
  }
  return { width: img.width, height: img.height, colours: colours.size, ink: ink / (data.length / 4) };
}`;

const RUNS = ['smart', 'proportional', 'random'] as const;
const report = join(dir, 'report.html');

describe('smartmix report', () => {
  before(async () => {
    for (const mixer of RUNS) {
      const run = await runCli([
        'mix',
        '--input',
        SAMPLE,
        '--num-tasks',
        '64',
        '--budget',
        '300',
        '--mixer',
        mixer,
        '--store',
        join(dir, 'store'),
        '--out',
        join(dir, mixer),
      ]);
      assert.equal(run.code, 0, run.stderr);
    }
  });

  it('writes one self-contained HTML file comparing the runs', async () => {
    const run = await runCli(['report', ...RUNS.map((r) => join(dir, r)), '--out', report]);
    assert.equal(run.code, 0, run.stderr);
    const html = readFileSync(report, 'utf8');
    assert.equal(
      /<script|<link|\b(src|href)=/.test(html),
      false,
      'no scripts, stylesheets or other resources',
    );
    assert.deepEqual([...new Set(html.match(/https?:\/\/[^"' )]+/g))], ['http://www.w3.org/2000/svg']);
    for (const label of RUNS) assert.ok(html.includes(`${label}</th>`), label);
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('rejects a directory without a mixture: exit 2, one line, no file', async () => {
    const out = join(dir, 'bad.html');
    const run = await runCli(['report', join(dir, 'smart'), join(dir, 'nothing-here'), '--out', out]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^error: .*nothing-here\/manifest\.json: cannot read \(ENOENT\)$/m);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.equal(existsSync(out), false);
  });

  it('rejects runs of different collections', async () => {
    const other = join(dir, 'other.jsonl');
    await writeFile(
      other,
      `${JSON.stringify({ id: 'x', task: 't', template_type: 'zs_opt', prompt: 'p', response: 'r' })}\n`,
    );
    const mixed = join(dir, 'other-mix');
    const mix = await runCli([
      'mix',
      '--input',
      other,
      '--num-tasks',
      '1',
      '--budget',
      '1',
      '--mixer',
      'equal',
      '--store',
      join(dir, 'store'),
      '--out',
      mixed,
    ]);
    assert.equal(mix.code, 0, mix.stderr);
    const run = await runCli(['report', join(dir, 'smart'), mixed, '--out', join(dir, 'mixed.html')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /inputs differ/);
  });

  it('reads a sweep directory as all of its mixtures', async () => {
    const sweep = join(dir, 'sweep');
    const mix = await runCli([
      'mix',
      '--input',
      SAMPLE,
      '--num-tasks',
      '64',
      '--budget',
      '150,300',
      '--store',
      join(dir, 'store'),
      '--out',
      sweep,
    ]);
    assert.equal(mix.code, 0, mix.stderr);
    const out = join(dir, 'sweep.html');
    const run = await runCli(['report', sweep, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    const html = readFileSync(out, 'utf8');
    for (const label of ['m64-n150', 'm64-n300']) assert.ok(html.includes(`${label}</th>`), label);
    assert.ok(html.includes('Overlap between mixtures'));
    assert.ok(html.includes('aria-label="coverage against budget"'), 'a sweep gets its coverage-vs-N′ chart');
  });

  it('compares the runs on the precomputed embeddings they were made with, or on --embeddings', async () => {
    const ids = readFileSync(join(SAMPLE, 't0-sample.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id as string);
    const d = 8;
    const vectors = Float32Array.from(
      { length: ids.length * d },
      (_, i) => Math.sin(i * 0.77) + (i % d === 0 ? 1 : 0),
    );
    await writeMatrix(join(dir, 'emb.npy'), vectors, ids.length, d);
    await writeFile(join(dir, 'ids.json'), JSON.stringify(ids));
    const mixed = join(dir, 'precomputed');
    const mix = await runCli([
      'mix',
      '--input',
      SAMPLE,
      '--embeddings',
      join(dir, 'emb.npy'),
      '--ids',
      join(dir, 'ids.json'),
      '--num-tasks',
      '64',
      '--budget',
      '300',
      '--store',
      join(dir, 'store'),
      '--out',
      mixed,
    ]);
    assert.equal(mix.code, 0, mix.stderr);
    const own = join(dir, 'own.html');
    const run = await runCli(['report', join(dir, 'proportional'), mixed, '--out', own], { cwd: tmpdir() });
    assert.equal(run.code, 0, run.stderr);
    assert.match(readFileSync(own, 'utf8'), /use the embeddings in [^<]*emb\.npy/);
    const flag = join(dir, 'flag.html');
    const withFlag = await runCli([
      'report',
      join(dir, 'smart'),
      '--embeddings',
      join(dir, 'emb.npy'),
      '--ids',
      join(dir, 'ids.json'),
      '--out',
      flag,
    ]);
    assert.equal(withFlag.code, 0, withFlag.stderr);
    assert.match(readFileSync(flag, 'utf8'), /use the embeddings in [^<]*emb\.npy/);
    const half = await runCli([
      'report',
      join(dir, 'smart'),
      '--embeddings',
      join(dir, 'emb.npy'),
      '--out',
      flag,
    ]);
    assert.equal(half.code, 2);
    assert.match(half.stderr, /--embeddings and --ids go together/);
  });

  describe('in a real headless Chromium', {
    skip: !existsSync(CHROMIUM) && `no ${CHROMIUM} (npm test installs it)`,
  }, () => {
    let browser: Browser;
    before(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    });
    after(() => browser?.close());

    it('loads without console errors or requests, draws every chart, and a screenshot shows them', async () => {
      const page = await browser.newPage({ viewport: { width: 960, height: 1000 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
      const url = pathToFileURL(report).href;
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        if (route.request().url() === url) return route.continue();
        requests.push(route.request().url());
        return route.abort();
      });
      await page.goto(url, { waitUntil: 'load' });
      assert.deepEqual(requests, [], 'the page asks for nothing beyond itself');
      assert.deepEqual(problems, []);

      // Budget, template types, stage-1 gains and probabilities, stage-2 curves, projection.
      assert.equal(await page.locator('svg.chart').count(), 6);
      assert.ok((await page.locator('svg.chart rect.bar').count()) > 3 * 64, 'a bar per task and run');
      assert.equal(await page.locator('circle.task').count(), 199, 'a point per task');
      assert.ok((await page.locator('svg.chart polyline').count()) > 64, 'a curve per stage-2 group');
      const rows = await page.locator('section >> nth=0 >> tbody tr').allInnerTexts();
      assert.equal(rows.length, 3);
      for (const row of rows) {
        const coverage = Number(row.trim().split(/\s+/).at(-1));
        assert.ok(coverage > 0 && coverage <= 1, row);
      }
      const box = await page.locator('svg.chart').first().boundingBox();
      assert.ok(box && box.width > 400 && box.height > 200, 'the charts are laid out at size');

      const png = await page.screenshot({ fullPage: true });
      await writeFile(join(dir, 'report.png'), png);
      // Decode the PNG in the browser (a real decoder) and check it is a picture, not a blank page.
      const decoded = await browser.newPage();
      const pixels = (await decoded.evaluate(
        `(${DECODE_PNG})(${JSON.stringify(`data:image/png;base64,${png.toString('base64')}`)})`,
      )) as { width: number; height: number; colours: number; ink: number };
      assert.equal(pixels.width, 960);
      assert.ok(pixels.height > 2000, `a long page: ${pixels.height}px`);
      assert.ok(pixels.colours > 50, `${pixels.colours} colours`);
      assert.ok(pixels.ink > 0.02, `${(pixels.ink * 100).toFixed(1)}% of the pixels are not background`);
    });
  });
});
