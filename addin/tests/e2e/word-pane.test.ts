import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { calls, launch, withOffice, withoutOffice } from './browser';
import { repo } from './service';

const baseUrl = inject('baseUrl');
const work = inject('work');
const fixture = (name: string) => join(repo, 'tests/StrongChain.Docs.Testing/Assets/Forms', name);
// Screenshots go to artifacts/ (git-ignored); ADDIN_SCREENSHOTS_DIR=docs/images regenerates the ones in the docs.
const images = resolve(repo, process.env.ADDIN_SCREENSHOTS_DIR ?? 'artifacts/screenshots');

let browser: Browser;
let page: Page;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

async function checkDirectly(file: string) {
  const r = await fetch(`${baseUrl}/api/applications/check`, { method: 'POST', body: readFileSync(file), headers: { 'Content-Type': 'application/octet-stream' } });
  return (await r.json()) as { findings: { field: string; tag: string; ordinal: number | null; severity: string }[] };
}

async function openWordPane(): Promise<void> {
  await page.goto(`${baseUrl}/word.html`);
  await page.waitForSelector('body[data-ready="true"]');
}

describe('start page', () => {
  it('leads a newcomer to both panes and the form template', async () => {
    await withoutOffice(page);
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('#to-word', 'href')).toBe('word.html');
    expect(await page.getAttribute('#to-excel', 'href')).toBe('excel.html');
    await page.waitForSelector('#demo-demands li');
    const first = page.locator('#demo-demands a').first();
    expect(await first.getAttribute('href')).toMatch(/^\/api\/templates\/application\?demandId=DEMO-/);
    const download = page.waitForEvent('download');
    await page.click('#template-form button[type="submit"]');
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
  });
});

describe('Word pane in a browser', () => {
  it('checks a picked form and groups the findings by section with counts', async () => {
    await withoutOffice(page);
    await openWordPane();
    expect(await page.getAttribute('body', 'data-mode')).toBe('browser');
    expect(await page.textContent('#check')).toBe('检查');
    await page.setInputFiles('#file', fixture('missing-fields.docx'));
    await page.waitForSelector('#findings section.group');

    const expected = await checkDirectly(fixture('missing-fields.docx'));
    const applicant = expected.findings.filter((f) => f.field.startsWith('applicant.')).length;
    const group = page.locator('section.group[data-section="applicant"]');
    expect(await group.locator('h3').textContent()).toContain('二、揭榜单位基本信息');
    expect(await group.locator('.count').textContent()).toBe(String(applicant));
    expect(await page.locator('button.finding').count()).toBe(expected.findings.length);
    const sections = await page.locator('section.group').evaluateAll((e) => e.map((s) => (s as HTMLElement).dataset.section));
    expect(sections).toEqual(['demand', 'applicant', 'declarations', 'plan', 'indicators', 'milestones', 'team', 'budget', 'sign']);
    expect(await page.textContent('#demand-text')).toContain('QL2020-BM-02');
  });

  it('reaches findings with Tab and says where a field is on Enter', async () => {
    await withoutOffice(page);
    await openWordPane();
    await page.setInputFiles('#file', fixture('missing-fields.docx'));
    await page.waitForSelector('button.finding');
    await page.focus('#submit');
    let focused = '';
    for (let i = 0; i < 10 && !focused.includes('finding'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toContain('finding');
    const field = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.field);
    await page.keyboard.press('Enter');
    expect(await page.textContent('#message')).toContain(field!);
  });

  it('switches to English and back', async () => {
    await withoutOffice(page);
    await openWordPane();
    await page.setInputFiles('#file', fixture('missing-fields.docx'));
    await page.waitForSelector('section.group');
    await page.click('#lang');
    expect(await page.textContent('#check')).toBe('Check');
    expect(await page.locator('section.group[data-section="applicant"] h3').textContent()).toContain('2. Lead applicant');
    expect(await page.locator('button.finding').first().textContent()).toMatch(/Error|Warning/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('#lang');
    expect(await page.textContent('#check')).toBe('检查');
  });

  it('submits a complete form of the open demo round and shows the receipt', async () => {
    await withoutOffice(page);
    await openWordPane();
    const form = join(work, 'complete-DEMO-BM-02.docx');
    await page.setInputFiles('#file', form);
    await page.waitForSelector('#summary .badge');
    expect(await page.textContent('#summary')).toContain('内容完整');
    expect(await page.inputValue('#credit-code')).toBe('91110108MA01C8QX20');
    await page.click('#submit');
    await page.waitForSelector('#receipt:not([hidden]) .receipt-no');
    expect(await page.textContent('.receipt-no')).toMatch(/^DEMO-BM-02-\d{4}$/);
    expect(await page.textContent('.receipt-sha')).toBe(createHash('sha256').update(readFileSync(form)).digest('hex'));
    expect(Number(await page.textContent('.receipt-version'))).toBeGreaterThanOrEqual(1);
  });

  it('shows the progress indicator and disables the actions while the service answers', async () => {
    await withoutOffice(page);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => { release = r; });
    await page.route('**/api/applications/check', async (route) => { await held; await route.continue(); });
    await openWordPane();
    await page.setInputFiles('#file', fixture('missing-fields.docx'));
    await page.waitForSelector('#progress:not([hidden])');
    expect(await page.textContent('#progress-text')).toBe('正在检查…');
    expect(await page.isDisabled('#submit')).toBe(true);
    release();
    await page.waitForSelector('section.group');
    expect(await page.isHidden('#progress')).toBe(true);
    expect(await page.isDisabled('#submit')).toBe(false);
  });

  it('checks a form dropped on the pane', async () => {
    await withoutOffice(page);
    await openWordPane();
    const b64 = readFileSync(fixture('two-co-applicants.docx')).toString('base64');
    await page.evaluate(({ b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'two-co-applicants.docx'));
      document.getElementById('picker')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { b64 });
    await page.waitForSelector('#summary .badge');
    expect(await page.textContent('#file-name')).toContain('two-co-applicants.docx');
    expect(await page.textContent('#demand-text')).toContain('QL2020-BM-02 多自由度力控医用机械臂');
  });

  it('refuses a file that is not a .docx before sending it', async () => {
    await withoutOffice(page);
    await openWordPane();
    await page.setInputFiles('#file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    expect(await page.textContent('#message')).toContain('.docx');
  });
});

describe('Word pane in Word (Office.js stand-in)', () => {
  const template = () => readFileSync(join(work, 'template-DEMO-BM-02.docx'));
  const markers = [{ key: 'templateVersion', value: '1.0' }, { key: 'roundId', value: 'demo' }, { key: 'demandId', value: 'DEMO-BM-02' }];

  it('shows the demand, reads every slice, and selects the n-th control of a finding', async () => {
    const file = template();
    await withOffice(page, { host: 'Word', file, sliceSize: 16 * 1024, properties: markers, sets: ['WordApi 1.3'], controlsPerTag: 4 });
    await openWordPane();
    expect(await page.getAttribute('body', 'data-mode')).toBe('office');
    expect(await page.isHidden('#picker')).toBe(true);
    await page.waitForFunction(() => document.querySelector('#demand-text')?.textContent?.includes('多自由度力控医用机械臂'));

    await page.click('#check');
    await page.waitForSelector('button.finding');
    const log = await calls(page);
    const slices = log.filter((c) => c.op === 'getSlice').map((c) => c.index);
    expect(slices).toEqual([...Array(Math.ceil(file.length / (16 * 1024))).keys()]);
    expect(log.filter((c) => c.op === 'getFile')[0]).toMatchObject({ type: 'compressed', sliceSize: 4 * 1024 * 1024 });
    expect(log.at(-1)?.op).toBe('closeFile');

    const expected = (await checkDirectly(join(work, 'template-DEMO-BM-02.docx'))).findings;
    expect(await page.locator('button.finding').count()).toBe(expected.length);
    const target = page.locator('section.group[data-section="team"] button.finding').first();
    const tag = await target.getAttribute('data-tag');
    const ordinal = Number(await target.getAttribute('data-ordinal'));
    await target.click();
    await page.waitForFunction(() => (window as unknown as { __standIn: { calls: { op: string }[] } }).__standIn.calls.some((c) => c.op === 'select'));
    expect((await calls(page)).filter((c) => c.op === 'select')).toEqual([{ op: 'select', tag, ordinal }]);
    expect(await page.textContent('#message')).toContain('已定位');

    mkdirSync(images, { recursive: true });
    await page.screenshot({ path: join(images, 'word-pane.png') });
  });

  it('adds a joint applicant where WordApiDesktop allows, and says how elsewhere', async () => {
    await withOffice(page, { host: 'Word', file: template(), properties: markers, sets: ['WordApi 1.3', 'WordApiDesktop 1.3'] });
    await openWordPane();
    await page.click('#add-co');
    await page.waitForFunction(() => (window as unknown as { __standIn: { calls: { op: string }[] } }).__standIn.calls.some((c) => c.op === 'insertItemAfter'));
    expect((await calls(page)).find((c) => c.op === 'insertItemAfter')).toEqual({ op: 'insertItemAfter', tag: 'coApplicants' });
    expect(await page.textContent('#message')).toContain('已在');

    await withOffice(page, { host: 'Word', file: template(), properties: markers, sets: ['WordApi 1.3'] });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#add-co');
    expect(await page.textContent('#message')).toContain('+');
    expect((await calls(page)).some((c) => c.op === 'insertItemAfter')).toBe(false);
  });

  it('falls back from single sign-on to the development token and submits', async () => {
    const form = readFileSync(join(work, 'complete-DEMO-BM-02.docx'));
    await withOffice(page, { host: 'Word', file: form, properties: markers, sets: ['WordApi 1.3'] });
    await openWordPane();
    await page.click('#check');
    await page.waitForSelector('#summary .badge');
    await page.click('#submit');
    await page.waitForSelector('#receipt:not([hidden]) .receipt-no');
    expect((await calls(page)).some((c) => c.op === 'sso')).toBe(true);
    expect(await page.textContent('.receipt-sha')).toBe(createHash('sha256').update(form).digest('hex'));
  });
});
