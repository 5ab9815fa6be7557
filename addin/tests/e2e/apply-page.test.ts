import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launch, withoutOffice } from './browser';

const baseUrl = inject('baseUrl');
const work = inject('work');
const demandId = 'DEMO-BM-02';
const draftKey = `strongchain.apply.draft.${demandId}`;

type Json = Record<string, unknown>;

let browser: Browser;
let page: Page;
let complete: Json;

async function checkDocx(bytes: Uint8Array): Promise<{ record: Json; findings: { field: string; code: string; severity: string }[]; complete: boolean }> {
  const r = await fetch(`${baseUrl}/api/applications/check`, { method: 'POST', body: new Blob([bytes as BlobPart]), headers: { 'Content-Type': 'application/octet-stream' } });
  expect(r.status).toBe(200);
  return r.json();
}

/** The record of the complete demo form (made in Word's way by the FormMaker), as a web form would hold it: no seal. */
async function completeRecord(): Promise<Json> {
  const { record } = await checkDocx(readFileSync(join(work, `complete-${demandId}.docx`)));
  (record.signature as Json).sealPresent = false;
  return record;
}

async function openPage(draft?: Json): Promise<void> {
  await withoutOffice(page);
  if (draft) {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [draftKey, JSON.stringify(draft)]);
  }
  await page.goto(`${baseUrl}/apply.html?demandId=${demandId}&debounce=50`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('body[data-checking="false"]');
}

/** Does an edit, then waits for the live check that follows it (the mark is read first: a quick check can finish before the edit returns). */
async function checkedAfter(edit: () => Promise<void>): Promise<void> {
  const before = await page.getAttribute('body', 'data-checked');
  await edit();
  await page.waitForFunction((b) => document.body.dataset.checked !== b && document.body.dataset.checking === 'false', before);
}

const codes = () => page.locator('.finding-item').evaluateAll((e) => e.map((i) => `${(i as HTMLElement).dataset.field} ${(i as HTMLElement).dataset.code}`));

beforeAll(async () => {
  browser = await launch();
  complete = await completeRecord();
});
afterAll(async () => { await browser?.close(); });
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

describe('the web form', () => {
  it('is generated from the catalogue, with the demand locked and one empty row per required table', async () => {
    await openPage();

    const catalogue = await (await fetch(`${baseUrl}/api/forms/application/catalogue?demandId=${demandId}`)).json() as { sections: { key: string }[] };
    expect(await page.locator('#form fieldset').evaluateAll((e) => e.map((f) => (f as HTMLElement).dataset.section))).toEqual(catalogue.sections.map((s) => s.key));
    expect(await page.inputValue('[data-field="demand.id"]')).toBe(demandId);
    expect(await page.getAttribute('[data-field="demand.id"]', 'readonly')).not.toBeNull();
    expect(await page.locator('table[data-repeat="team"] tbody tr').count()).toBe(1);
    expect(await page.locator('table[data-repeat="coApplicants"] tbody tr').count()).toBe(0);
    expect(await page.locator('select[data-field="applicant.orgType"] option').count()).toBe(6);
    expect(await page.textContent('#complete')).toBe('内容不完整');
    expect(await codes()).toContain('applicant.name required');
  });

  it('restores a draft, checks it live with the service\'s rules, submits it and reads back the same record', async () => {
    await openPage(complete);

    expect(await page.textContent('#draft')).toContain('已恢复');
    expect(await page.inputValue('[data-field="applicant.name"]')).toBe((complete.applicant as Json).name);
    expect(await page.locator('table[data-repeat="team"] tbody tr').count()).toBe(((complete.plan as Json).team as unknown[]).length);
    expect(await page.textContent('#complete')).toBe('内容完整');
    expect(await codes()).toEqual(['sign.seal seal-missing']);

    // Typing is checked as it goes: empty the name, then type it again.
    await checkedAfter(() => page.fill('[data-field="applicant.name"]', ''));
    expect(await codes()).toContain('applicant.name required');
    expect(await page.getAttribute('[data-field="applicant.name"]', 'aria-invalid')).toBe('true');
    expect(await page.locator('[data-field="applicant.name"] ~ .field-note').textContent()).toContain('单位名称');
    await checkedAfter(() => page.fill('[data-field="applicant.name"]', String((complete.applicant as Json).name)));
    expect(await page.textContent('#complete')).toBe('内容完整');
    expect(JSON.parse(await page.evaluate((k) => localStorage.getItem(k) ?? 'null', draftKey)).applicant.name).toBe((complete.applicant as Json).name);

    await page.click('#submit');
    await page.waitForSelector('#receipt:not([hidden]) #receipt-no');
    expect(await page.textContent('#receipt-no')).toMatch(/^DEMO-BM-02-\d{4}$/);
    const id = await page.getAttribute('#receipt-id', 'data-id');

    const creditCode = (complete.applicant as Json).creditCode as string;
    const { accessToken } = await (await fetch(`${baseUrl}/api/dev/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'applicant', creditCode }),
    })).json() as { accessToken: string };
    const stored = new Uint8Array(await (await fetch(`${baseUrl}/api/applications/${id}/document`, { headers: { Authorization: `Bearer ${accessToken}` } })).arrayBuffer());
    const readBack = await checkDocx(stored);
    expect(readBack.record).toEqual(complete);
  });

  it('adds and removes rows, renumbering the rows after a removed one', async () => {
    await openPage(complete);

    await checkedAfter(() => page.click('button[data-add="team"]'));
    expect(await page.locator('table[data-repeat="team"] tbody tr').count()).toBe(4);
    await page.fill('[data-field="team[3].name"]', '郑新成');
    await page.fill('[data-field="team[3].title"]', '工程师');
    await page.fill('[data-field="team[3].organization"]', String((complete.applicant as Json).name));
    await page.fill('[data-field="team[3].role"]', '软件开发');
    await checkedAfter(() => page.locator('table[data-repeat="team"] tbody tr').first().locator('button[data-remove]').click());

    expect(await page.locator('table[data-repeat="team"] tbody tr').count()).toBe(3);
    expect(await page.inputValue('[data-field="team[2].name"]')).toBe('郑新成');
    const answer = await (await fetch(`${baseUrl}/api/applications/check-record?demandId=${demandId}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: await page.evaluate((k) => localStorage.getItem(k) ?? '{}', draftKey),
    })).json() as { record: { plan: { team: { name: string }[] } } };
    expect(answer.record.plan.team.map((m) => m.name)).toEqual([...((complete.plan as Json).team as { name: string }[]).slice(1).map((m) => m.name), '郑新成']);
  });

  it('downloads the filled Word form made from the page, which checks as the page does', async () => {
    await openPage(complete);

    const download = page.waitForEvent('download');
    await page.click('#download');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`揭榜任务申报书-${demandId}.docx`);
    const path = await file.path();
    const checked = await checkDocx(readFileSync(path));

    expect(checked.record).toEqual(complete);
    expect(checked.findings.map((f) => f.code)).toEqual(['seal-missing']);
  });

  it('clears the draft on request', async () => {
    await openPage(complete);

    await checkedAfter(() => page.click('#clear'));

    expect(await page.inputValue('[data-field="applicant.name"]')).toBe('');
    expect(await page.evaluate((k) => localStorage.getItem(k), draftKey)).toBeNull();
    expect(await page.textContent('#complete')).toBe('内容不完整');
  });
});
