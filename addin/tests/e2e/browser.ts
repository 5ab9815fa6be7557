// Debian's chromium through playwright-core: no browser download, headless, fresh profile, no background traffic.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

const standIn = readFileSync(new URL('./office-stand-in.js', import.meta.url), 'utf8');
export const officeJsPattern = 'https://appsforoffice.microsoft.com/**';

/** Outside Office: the CDN is unreachable (as here), so Office.js is absent and the pane runs in browser mode. */
export async function withoutOffice(page: Page): Promise<void> {
  await page.route(officeJsPattern, (route) => route.abort('internetdisconnected'));
}

export interface StandInConfig {
  host: 'Word' | 'Excel';
  file?: Buffer;
  sliceSize?: number;
  properties?: { key: string; value: string }[];
  sets?: string[];
  controlsPerTag?: number;
  table?: { headers: string[]; rows: unknown[][] };
}

/** Inside Office: the Office.js stand-in, configured for this page. */
export async function withOffice(page: Page, config: StandInConfig): Promise<void> {
  const cfg = { sliceSize: 64 * 1024, ...config, file: config.file?.toString('base64') };
  await page.route(officeJsPattern, (route) => route.fulfill({
    status: 200, contentType: 'application/javascript', body: `window.__standIn = ${JSON.stringify(cfg)};\n${standIn}`,
  }));
}

export type Call = { op: string; [k: string]: unknown };
export const calls = (page: Page): Promise<Call[]> => page.evaluate(() => (window as unknown as { __standIn: { calls: Call[] } }).__standIn.calls);
