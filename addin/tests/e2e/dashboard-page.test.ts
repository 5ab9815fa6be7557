import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launch, withoutOffice } from './browser';
import { repo } from './service';

const baseUrl = inject('baseUrl');
const work = inject('work');
const images = resolve(repo, process.env.ADDIN_SCREENSHOTS_DIR ?? 'artifacts/screenshots');
const roundId = 'demo';

type Json = Record<string, any>;

let browser: Browser;
let page: Page;
let staff = '';

async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  return fetch(`${baseUrl}${path}`, { ...init, headers });
}

async function token(body: Json): Promise<string> {
  const r = await call('/api/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBe(200);
  return (await r.json()).accessToken;
}

const dashboard = async (sector?: string): Promise<Json> =>
  (await call(`/api/dashboard?roundId=${roundId}${sector ? `&sector=${encodeURIComponent(sector)}` : ''}`, { token: staff })).json();

/** The real path to a consortium: the demo form submitted, its agreement drafted, the countersigned file uploaded; a budget below it. */
async function formConsortium(): Promise<void> {
  const form = readFileSync(join(work, 'complete-DEMO-BM-02.docx'));
  const check = await (await call('/api/applications/check', { method: 'POST', body: form, headers: { 'Content-Type': 'application/octet-stream' } })).json();
  const applicant = await token({ role: 'applicant', creditCode: check.record.applicant.creditCode });
  const submitted = await call('/api/applications', { method: 'POST', body: form, headers: { 'Content-Type': 'application/octet-stream' }, token: applicant });
  expect(submitted.status).toBe(201);
  const { id } = await submitted.json();
  const drafted = await call('/api/agreements', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ applicationId: id }), token: staff });
  expect(drafted.status).toBe(201);
  const { agreementId } = await drafted.json();
  const signed = await call(`/api/agreements/${agreementId}/countersigned`, {
    method: 'POST', body: Buffer.from('%PDF-1.7\n% countersigned by every party\n%%EOF\n'), headers: { 'Content-Type': 'application/pdf' }, token: staff,
  });
  expect([201, 409]).toContain(signed.status);
  const targets = await call(`/api/rounds/${roundId}/targets`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ consortiumTarget: 3, supportBudget: 10 }), token: staff,
  });
  expect(targets.status).toBe(200);
}

async function open(query = `roundId=${roundId}`): Promise<void> {
  await withoutOffice(page);
  await page.goto(`${baseUrl}/dashboard.html?${query}`);
  await page.waitForSelector('body[data-ready="true"] #charts svg');
}

const kpi = (name: string) => page.locator(`[data-kpi="${name}"] .kpi-value`).textContent();
const marks = (chart: string) => page.locator(`[data-chart="${chart}"] .mark`).evaluateAll((e) => e.map((m) => Number(m.getAttribute('data-value'))));

/** Pixels of a screenshot, counted in the page: the PNG is decoded by the browser into a canvas. */
async function colouredPixels(png: Buffer, rgb: [number, number, number]): Promise<{ matching: number; total: number }> {
  return page.evaluate(async ([data, [r, g, b]]) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let matching = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (Math.abs(pixels[i] - r) < 12 && Math.abs(pixels[i + 1] - g) < 12 && Math.abs(pixels[i + 2] - b) < 12) matching++;
    }
    return { matching, total: image.width * image.height };
  }, [png.toString('base64'), rgb] as const);
}

beforeAll(async () => {
  browser = await launch();
  staff = await token({ role: 'staff' });
  await formConsortium();
});
afterAll(async () => { await browser?.close(); });
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1400 }, locale: 'zh-CN', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

describe('dashboard page (browser, staff)', () => {
  it('shows the API figures as cards and SVG charts, warns of the budget, and the screenshot shows the bars drawn', async () => {
    const api = await dashboard();
    expect(api.totals.consortia).toBeGreaterThanOrEqual(1);

    await open();

    expect(await kpi('applications')).toBe(String(api.totals.applications));
    expect(await kpi('selected')).toBe(String(api.totals.selected));
    expect(await kpi('consortia')).toBe(String(api.totals.consortia));
    expect(await kpi('funding')).toBe(api.totals.fundingCommitted.toFixed(2));
    expect(await marks('funnel')).toEqual([api.totals.applications, api.totals.eligible, api.totals.selected,
      api.totals.agreementsDrafted, api.totals.agreementsSigned]);
    expect((await marks('consortia'))[0]).toBe(api.totals.consortia);
    expect(await page.locator('#warnings [data-code="support-budget-exceeded"]').count()).toBe(1);
    expect(await page.locator('#charts svg[role="img"]').count()).toBe(6);
    const widths = await page.locator('[data-chart="funnel"] .mark').evaluateAll((e) => e.map((m) => (m as SVGGraphicsElement).getBBox().width));
    expect(widths[0]).toBeGreaterThan(100);

    const shot = await page.locator('[data-chart="funnel"]').screenshot();
    mkdirSync(images, { recursive: true });
    writeFileSync(join(images, 'dashboard-funnel.png'), shot);
    await page.screenshot({ path: join(images, 'dashboard.png'), fullPage: true });
    // The funnel's blue (#1f5fa8) and green (#2e7d32) bars are really painted: a blank or failed chart has none of either.
    const blue = await colouredPixels(shot, [0x1f, 0x5f, 0xa8]);
    const green = await colouredPixels(shot, [0x2e, 0x7d, 0x32]);
    expect(blue.matching / blue.total).toBeGreaterThan(0.02);
    expect(green.matching).toBeGreaterThan(100);
  });

  it('filters by sector with the figures the API gives for that sector, and switches to English', async () => {
    const api = await dashboard();
    const sector: string = api.sectors.find((s: string) => api.byDemand.some((d: Json) => d.sector === s && d.applications > 0));
    const filtered = await dashboard(sector);
    const other: string = api.sectors.find((s: string) => s !== sector);
    const empty = await dashboard(other);

    await open();
    await page.selectOption('#sector', sector);
    await page.waitForFunction((s) => new URLSearchParams(location.search).get('sector') === s && document.body.dataset.ready === 'true', sector);
    expect(await kpi('applications')).toBe(String(filtered.totals.applications));
    expect(await page.locator('[data-chart="sectors"] figcaption').count()).toBe(1);
    await page.selectOption('#sector', other);
    await page.waitForFunction((s) => new URLSearchParams(location.search).get('sector') === s && document.body.dataset.ready === 'true', other);
    expect(await kpi('applications')).toBe(String(empty.totals.applications));

    await page.click('#lang');
    expect(await page.textContent('#title')).toBe('Task force dashboard');
    expect(await page.locator('[data-kpi="consortia"] .kpi-label').textContent()).toBe('Consortia');
  });

  it('exports the same figures as an .xlsx download', async () => {
    await open();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toBe(`dashboard-${roundId}.xlsx`);
  });
});
