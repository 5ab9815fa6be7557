// The Excel pane: 校验 and 导入 the Demands table (or a picked workbook), jump to a finding's cell, 生成榜单.
import { Api, ApiProblem, type BulletinAnswer, type DemandFinding, type ImportAnswer } from '../api';
import { SignInUnavailable, type TokenSource } from '../auth';
import { columnIndex, demandColumns } from '../demand-columns';
import { count } from '../findings';
import { lang, pick, t } from '../i18n';
import type { DemandTable } from '../office/excel';
import { busy, byId, el, message } from './ui';

export type DemandSource = { kind: 'office'; table: DemandTable } | { kind: 'file'; file: File };

/** 200 and 422 carry the same findings: a 422 is an answer, not a failure, and nothing was stored. */
export function importOutcome(result: ImportAnswer | ApiProblem): { imported: number; findings: DemandFinding[]; rejected: boolean } {
  if (result instanceof ApiProblem) return { imported: 0, findings: result.findings as DemandFinding[], rejected: true };
  return { imported: result.imported, findings: result.findings ?? [], rejected: false };
}

/** A finding's place in words: row and column header, or the whole table. */
export function placeOf(f: DemandFinding, headers: readonly string[] | null): string {
  if (!f.row) return t('excel.wholeTable');
  const index = headers ? columnIndex(headers, f.column) : -1;
  const names = f.column ? demandColumns[f.column] : undefined;
  const column = index >= 0 && headers ? headers[index] : names ? names[lang() === 'en' ? 1 : 0] : f.column;
  return [t('excel.row', { n: f.row }), column].filter(Boolean).join(' · ');
}

export class ExcelPane {
  source: DemandSource | null = null;
  headers: string[] | null = null;
  findings: DemandFinding[] | null = null;
  outcome: { imported: number; rejected: boolean; validateOnly: boolean } | null = null;
  bulletin: BulletinAnswer | null = null;

  constructor(private readonly api: Api, private readonly auth: TokenSource, private readonly office: typeof Office | undefined) {}

  bind(): void {
    byId('validate').addEventListener('click', () => void this.run(() => this.send(true)));
    byId('import').addEventListener('click', () => void this.run(() => this.send(false)));
    byId('bulletin').addEventListener('click', () => void this.run(() => this.makeBulletin()));
    byId('findings').addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button.finding');
      if (b) void this.run(() => this.select(Number(b.dataset.row), b.dataset.column || null, b.dataset.cell || null));
    });
    byId('bulletin-links').addEventListener('click', (e) => {
      const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-file]');
      if (link) this.openInHost(link, e);
    });
  }

  async loadRounds(): Promise<void> {
    const select = byId<HTMLSelectElement>('round');
    const rounds = await this.api.rounds();
    select.replaceChildren(...rounds.map((r) => el('option', { value: r.id }, `${r.name} (${r.id})`)));
    const now = Date.now();
    const open = rounds.find((r) => Date.parse(r.opens) <= now && now <= Date.parse(r.closes));
    if (open) select.value = open.id;
  }

  useSource(source: DemandSource): void {
    this.source = source;
    this.findings = null;
    this.outcome = null;
    byId('file-name').textContent = source.kind === 'file' ? t('browser.file', { name: source.file.name }) : '';
    this.render();
  }

  private async staffToken(): Promise<string> {
    return busy('busy.signingIn', () => this.auth.token('staff'));
  }

  async send(validateOnly: boolean): Promise<void> {
    const source = this.source;
    if (!source) { message(t('browser.noFile'), 'error'); return; }
    const roundId = byId<HTMLSelectElement>('round').value;
    const token = await this.staffToken();
    const answer = await busy(validateOnly ? 'busy.validating' : 'busy.importing', async () => {
      try {
        if (source.kind === 'office') {
          const values = await source.table.read();
          this.headers = values.headers;
          return await this.api.importTable(roundId, values, token, validateOnly);
        }
        return await this.api.importWorkbook(roundId, source.file, source.file.name, token, validateOnly);
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 422 && Array.isArray(e.body.findings)) return e;
        throw e;
      }
    });
    const outcome = importOutcome(answer);
    this.findings = outcome.findings;
    this.outcome = { imported: outcome.imported, rejected: outcome.rejected, validateOnly };
    if (outcome.rejected) message(t('excel.rejected'), 'error');
    else message(t(validateOnly ? 'excel.valid' : 'excel.imported', { n: outcome.imported }), 'success');
    this.render();
  }

  async select(row: number, column: string | null, cell: string | null): Promise<void> {
    const place = cell ?? placeOf({ row, column } as DemandFinding, this.headers);
    if (this.source?.kind !== 'office') {
      message(t('excel.selectBrowser', { cell: place }));
      return;
    }
    const address = await this.source.table.select(row, column);
    message(address ? t('excel.selected', { cell: address }) : t('excel.selectBrowser', { cell: place }));
  }

  async makeBulletin(): Promise<void> {
    const roundId = byId<HTMLSelectElement>('round').value;
    const token = await this.staffToken();
    this.bulletin = await busy('busy.bulletin', () => this.api.createBulletin(roundId, token));
    message(t('excel.bulletinReady', { n: this.bulletin.demandCount ?? '?' }), 'success');
    this.render();
  }

  /** In Office, where the host has the browser window API, the bulletin opens there (Word opens the .docx); else the link downloads. */
  openInHost(link: HTMLAnchorElement, e: Event): void {
    const ui = this.office?.context?.ui as (Office.UI & { openBrowserWindow?: (url: string) => void }) | undefined;
    if (!ui?.openBrowserWindow || !this.office?.context.requirements.isSetSupported('OpenBrowserWindowApi', '1.1')) return;
    e.preventDefault();
    ui.openBrowserWindow(link.href);
  }

  async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiProblem) message(pick({ message: e.messageZh, messageEn: e.messageEn }) || e.message, 'error');
      else if (e instanceof SignInUnavailable) message(t('error.generic', { message: e.message }), 'error');
      else if (e instanceof TypeError) message(t('error.network'), 'error');
      else message(t('error.generic', { message: e instanceof Error ? e.message : String(e) }), 'error');
    }
  }

  render(): void {
    const box = byId('findings');
    box.replaceChildren();
    if (this.findings) {
      const { errors, warnings } = count(this.findings);
      box.append(el('h2', {}, t('excel.findings'), ' ', el('span', { class: 'counts' }, t('word.summary', { errors, warnings }))));
      if (this.findings.length === 0) box.append(el('p', { class: 'none' }, t('excel.noFindings')));
      const list = el('ul', {});
      for (const f of this.findings) {
        list.append(el('li', {}, el('button', {
          type: 'button', class: `finding ${f.severity}`, 'data-row': String(f.row), 'data-column': f.column ?? '',
          'data-cell': f.cell ?? '', 'data-code': f.code,
        }, el('span', { class: 'sev' }, t(f.severity === 'error' ? 'severity.error' : 'severity.warning')), ' ',
        el('span', { class: 'place' }, placeOf(f, this.headers)), ' ', pick(f))));
      }
      box.append(list);
    }
    const links = byId('bulletin-links');
    links.replaceChildren();
    links.hidden = !this.bulletin;
    if (this.bulletin) {
      // The bulletin's files are public (a bulletin exists to be published): plain links, no token needed.
      const href = (ext: string) => this.api.url(`/api/bulletins/${encodeURIComponent(this.bulletin!.id)}.${ext}`);
      links.append(
        el('a', { href: href('docx'), class: 'button', 'data-file': 'docx', download: '' }, t('excel.openDocx')),
        el('a', { href: href('pdf'), class: 'button', 'data-file': 'pdf', download: '' }, t('excel.downloadPdf')),
      );
    }
  }
}
