import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { calls, launch, withOffice, withoutOffice } from './browser';
import { repo } from './service';

const baseUrl = inject('baseUrl');
const work = inject('work');
const workbook = (name: string) => join(repo, 'tests/StrongChain.Docs.Testing/Assets/Workbooks', name);
// Screenshots go to artifacts/ (git-ignored); ADDIN_SCREENSHOTS_DIR=docs/images regenerates the ones in the docs.
const images = resolve(repo, process.env.ADDIN_SCREENSHOTS_DIR ?? 'artifacts/screenshots');

// The demand list's columns (demand-list.md) in the template's order.
const columns: [string, string][] = [
  ['id', '需求编号'], ['sector', '产业领域'], ['subField', '细分领域'], ['title', '技术需求名称'], ['issuer', '发榜企业'],
  ['issuerCreditCode', '发榜企业统一社会信用代码'], ['coIssuers', '联合发榜企业'], ['summary', '需求描述'], ['indicators', '主要技术指标'],
  ['deadlineMonths', '完成时限（月）'], ['procurement', '意向采购承诺'], ['committedVolume', '带量采购数量'], ['contactName', '联系人'],
  ['contactPhone', '联系电话'], ['reviewStatus', '专家论证结论'],
];

let browser: Browser;
let page: Page;
let staffToken: string;

beforeAll(async () => {
  browser = await launch();
  const r = await fetch(`${baseUrl}/api/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'staff' }) });
  staffToken = ((await r.json()) as { accessToken: string }).accessToken;
});
afterAll(async () => { await browser?.close(); });
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 820 }, locale: 'zh-CN', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

async function demoDemands(): Promise<Record<string, unknown>[]> {
  return (await (await fetch(`${baseUrl}/api/demands?roundId=demo`)).json()) as Record<string, unknown>[];
}

/** The Demands table as Excel would hand it to the add-in: the demo round's demands, numbers as numbers. */
async function demoTable(): Promise<{ headers: string[]; rows: unknown[][] }> {
  const demands = await demoDemands();
  return { headers: columns.map(([, h]) => h), rows: demands.map((d) => columns.map(([k]) => d[k] ?? '')) };
}

async function openExcelPane(): Promise<void> {
  await page.goto(`${baseUrl}/excel.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#round option', { state: 'attached' });
}

describe('Excel pane in a browser', () => {
  it('validates a workbook with errors and names every finding by row and column, storing nothing', async () => {
    await withoutOffice(page);
    await openExcelPane();
    expect(await page.getAttribute('body', 'data-mode')).toBe('browser');
    expect(await page.inputValue('#round')).toBe('demo');
    await page.selectOption('#round', '2020-01');
    const before = await (await fetch(`${baseUrl}/api/demands?roundId=2020-01`)).text();
    await page.setInputFiles('#file', workbook('cell-problems.xlsx'));
    await page.click('#validate');
    await page.waitForSelector('#findings button.finding');
    expect(await page.textContent('#message')).toContain('未导入');
    const na = page.locator('button.finding[data-code="cell-error"]');
    expect(await na.getAttribute('data-cell')).toBe('D2');
    expect(await na.textContent()).toContain('第 2 行 · 技术需求名称');
    await na.click();
    expect(await page.textContent('#message')).toContain('D2');
    expect(await (await fetch(`${baseUrl}/api/demands?roundId=2020-01`)).text()).toBe(before);
  });

  it('imports the demo round workbook, generates the bulletin and downloads its PDF', async () => {
    await withoutOffice(page);
    await openExcelPane();
    const xlsx = Buffer.from(await (await fetch(`${baseUrl}/api/templates/demands?roundId=demo`, { headers: { Authorization: `Bearer ${staffToken}` } })).arrayBuffer());
    const file = join(work, 'demo-demands.xlsx');
    writeFileSync(file, xlsx);
    const count = (await demoDemands()).length;

    await page.setInputFiles('#file', file);
    await page.click('#validate');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('校验通过'));
    expect(await page.textContent('#message')).toContain(`${count} 条`);
    await page.click('#import');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('已导入'));
    expect(await page.textContent('#message')).toContain(`已导入 ${count} 条需求`);

    const created = page.waitForResponse((r) => r.url().endsWith('/api/bulletins') && r.request().method() === 'POST');
    await page.click('#bulletin');
    const answer = (await (await created).json()) as { id: string; demandCount: number };
    expect(answer.demandCount).toBe(count);
    await page.waitForSelector('#bulletin-links a[data-file="pdf"]');
    expect(await page.textContent('#message')).toContain(`榜单已生成：${count} 条需求`);
    expect(await page.getAttribute('#bulletin-links a[data-file="docx"]', 'href')).toBe(`/api/bulletins/${answer.id}.docx`);
    // The PDF is rendered by LibreOffice on first request: a few seconds on a busy machine.
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.click('#bulletin-links a[data-file="pdf"]');
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe('bulletin-demo.pdf');
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});

describe('Excel pane in Excel (Office.js stand-in)', () => {
  it('validates the Demands table through import-table and selects the cell of a finding', async () => {
    const table = await demoTable();
    table.rows[1][5] = '91110108MA00000011'; // a credit code with a wrong check character, second data row
    table.rows[2][9] = 99; // a deadline beyond 60 months, third data row
    await withOffice(page, { host: 'Excel', table });
    await openExcelPane();
    expect(await page.getAttribute('body', 'data-mode')).toBe('office');
    await page.click('#validate');
    await page.waitForSelector('button.finding');
    const finding = page.locator('button.finding[data-code="credit-code-checksum"]');
    expect(await finding.getAttribute('data-row')).toBe('2');
    expect(await finding.textContent()).toContain('第 2 行 · 发榜企业统一社会信用代码');
    await finding.click();
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('已选中'));
    expect((await calls(page)).filter((c) => c.op === 'selectRange')).toEqual([{ op: 'selectRange', address: '榜单!F3' }]);
    expect((await calls(page)).filter((c) => c.op === 'table').every((c) => c.name === 'Demands')).toBe(true);
    mkdirSync(images, { recursive: true });
    await page.screenshot({ path: join(images, 'excel-pane.png') });
  });

  it('imports the table, then opens the bulletin in a browser window where the host allows', async () => {
    await withOffice(page, { host: 'Excel', table: await demoTable(), sets: ['OpenBrowserWindowApi 1.1'] });
    await openExcelPane();
    await page.click('#import');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('已导入'));
    await page.click('#bulletin');
    await page.click('#bulletin-links a[data-file="docx"]');
    const opened = (await calls(page)).filter((c) => c.op === 'openBrowserWindow');
    expect(opened).toHaveLength(1);
    const url = String(opened[0].url);
    expect(url).toMatch(new RegExp(`^${baseUrl}/api/bulletins/[^/]+\\.docx$`));
    const docx = await fetch(url);
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});
