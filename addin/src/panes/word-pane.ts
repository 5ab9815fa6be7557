// The Word pane: which demand, 检查 (whole document → findings by section), jump to a field, add a joint applicant, 提交.
import { Api, ApiProblem, type CheckAnswer, type FormFinding, type Receipt } from '../api';
import { SignInUnavailable, type TokenSource } from '../auth';
import { coApplicantsTag, count, groupFindings, sectionTitle } from '../findings';
import { lang, pick, t } from '../i18n';
import type { FormDocument, Markers } from '../office/word';
import { busy, byId, el, message } from './ui';

export interface WordPaneState {
  doc: FormDocument | null;
  fileName: string | null;
  check: CheckAnswer | null;
  findings: FormFinding[] | null;
  receipt: Receipt | null;
  demand: { id: string; title?: string | null } | null;
}

/** The demand line: id and title from the last check, else from the document's markers. */
export function demandLabel(state: Pick<WordPaneState, 'check' | 'demand'>): string | null {
  const id = state.check?.demandId ?? state.demand?.id;
  if (!id) return null;
  const title = state.check?.record?.demand?.title ?? state.demand?.title;
  return title ? `${id} ${title}` : id;
}

/** The credit code to sign in with in Development: what the user typed, else the one the last check read from the form. */
export function creditCodeFor(typed: string, check: CheckAnswer | null): string | undefined {
  const code = typed.trim().toUpperCase() || check?.record?.applicant?.creditCode?.trim() || '';
  return code.length === 18 ? code : undefined;
}

export class WordPane {
  readonly state: WordPaneState = { doc: null, fileName: null, check: null, findings: null, receipt: null, demand: null };

  constructor(private readonly api: Api, private readonly auth: TokenSource) {}

  bind(): void {
    byId('check').addEventListener('click', () => void this.run(() => this.check()));
    byId('submit').addEventListener('click', () => void this.run(() => this.submit()));
    byId('add-co').addEventListener('click', () => void this.run(() => this.addCoApplicant()));
    byId('findings').addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button.finding');
      if (button) void this.run(() => this.select(button.dataset.tag ?? '', button.dataset.ordinal ? Number(button.dataset.ordinal) : null, button.dataset.field ?? ''));
    });
  }

  async useDocument(doc: FormDocument, fileName: string | null = null): Promise<void> {
    Object.assign(this.state, { doc, fileName, check: null, findings: null, receipt: null });
    this.render();
    if (doc.mode === 'office') await this.run(() => this.readMarkers(doc));
  }

  private async readMarkers(doc: FormDocument): Promise<void> {
    const markers: Markers | null = await busy('busy.reading', () => doc.markers()).catch(() => null);
    if (!markers?.demandId) return;
    this.state.demand = { id: markers.demandId };
    this.render();
    try {
      const demand = await this.api.demand(markers.demandId);
      this.state.demand = { id: demand.id, title: demand.title };
    } catch { /* an unknown demand shows as its id; the check says why */ }
    this.render();
  }

  async check(): Promise<void> {
    const doc = this.requireDocument();
    if (!doc) return;
    const bytes = await busy('busy.reading', () => doc.read());
    const answer = await busy('busy.checking', () => this.api.checkForm(bytes));
    Object.assign(this.state, { check: answer, findings: answer.findings, receipt: null });
    const code = byId<HTMLInputElement>('credit-code');
    if (!code.value && answer.record?.applicant?.creditCode) code.value = answer.record.applicant.creditCode;
    message('');
    this.render();
  }

  async submit(): Promise<void> {
    const doc = this.requireDocument();
    if (!doc) return;
    const bytes = await busy('busy.reading', () => doc.read());
    const creditCode = creditCodeFor(byId<HTMLInputElement>('credit-code').value, this.state.check);
    let token: string;
    try {
      token = await busy('busy.signingIn', () => this.auth.token('applicant', creditCode));
    } catch (e) {
      if (e instanceof SignInUnavailable && e.message === 'credit-code-needed') {
        byId('signin').hidden = false;
        byId('credit-code').focus();
        message(t('word.signInNeeded'), 'error');
        return;
      }
      throw e;
    }
    try {
      const receipt = await busy('busy.submitting', () => this.api.submitForm(bytes, token));
      this.state.receipt = receipt;
      message(t('word.receipt'), 'success');
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 422) {
        this.state.findings = e.findings as FormFinding[];
        this.state.receipt = null;
        message(pick({ message: e.messageZh, messageEn: e.messageEn }) || t('word.submitBlocked'), 'error');
      } else {
        throw e;
      }
    }
    this.render();
  }

  async select(tag: string, ordinal: number | null, field: string): Promise<void> {
    const doc = this.state.doc;
    if (ordinal === null) {
      message(t('word.selectMissing'), 'error'); // the service found no control with that tag
      return;
    }
    if (!doc || doc.mode === 'browser') {
      message(t('word.selectBrowser', { field, n: ordinal + 1 }));
      return;
    }
    const found = await doc.select(tag, ordinal);
    message(found ? t('word.selected', { field }) : t('word.selectMissing'), found ? 'info' : 'error');
  }

  async addCoApplicant(): Promise<void> {
    const doc = this.state.doc;
    if (!doc || doc.mode === 'browser') {
      message(t('word.addCoApplicantBrowser'));
      return;
    }
    if (!doc.canAddRepeatingItem()) {
      message(t('word.addCoApplicantHow'));
      return;
    }
    const added = await busy('busy.adding', () => doc.addRepeatingItem(coApplicantsTag));
    message(added ? t('word.addCoApplicantDone') : t('word.addCoApplicantHow'), added ? 'success' : 'info');
  }

  private requireDocument(): FormDocument | null {
    if (!this.state.doc) message(t('browser.noFile'), 'error');
    return this.state.doc;
  }

  /** Runs an action; a failure becomes a message, never an unhandled rejection. */
  async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiProblem) message(pick({ message: e.messageZh, messageEn: e.messageEn }) || e.message, 'error');
      else if (e instanceof SignInUnavailable) message(t('error.generic', { message: e.message }), 'error');
      else if (e instanceof TypeError || (e instanceof DOMException && e.name === 'AbortError')) message(t('error.network'), 'error');
      else message(t('error.generic', { message: e instanceof Error ? e.message : String(e) }), 'error');
    }
  }

  render(): void {
    const label = demandLabel(this.state);
    byId('demand-text').textContent = label ?? t('word.demandUnknown');
    byId('file-name').textContent = this.state.fileName ? t('browser.file', { name: this.state.fileName }) : '';
    this.renderSummary();
    this.renderFindings();
    this.renderReceipt();
  }

  private renderSummary(): void {
    const box = byId('summary');
    box.replaceChildren();
    const check = this.state.check;
    if (!check) { box.hidden = true; return; }
    const { errors, warnings } = count(this.state.findings ?? []);
    box.hidden = false;
    box.append(
      el('span', { class: `badge ${check.complete ? 'ok' : 'bad'}` }, t(check.complete ? 'word.complete' : 'word.incomplete')),
      el('span', { class: `badge ${check.eligible ? 'ok' : 'bad'}` }, t(check.eligible ? 'word.eligible' : 'word.notEligible')),
      el('span', { class: 'counts' }, t('word.summary', { errors, warnings })),
    );
  }

  private renderFindings(): void {
    const box = byId('findings');
    box.replaceChildren();
    const findings = this.state.findings;
    if (!findings) return;
    box.append(el('h2', {}, t('word.findings')));
    if (findings.length === 0) {
      box.append(el('p', { class: 'none' }, t('word.noFindings')));
      return;
    }
    for (const group of groupFindings(findings)) {
      const title = sectionTitle(group.section, lang(), t('section.other'));
      const list = el('ul', {});
      for (const f of group.findings) {
        list.append(el('li', {}, el('button', {
          type: 'button', class: `finding ${f.severity}`, 'data-tag': f.tag, 'data-ordinal': f.ordinal === null || f.ordinal === undefined ? undefined : String(f.ordinal),
          'data-field': f.field, 'data-code': f.code,
        }, el('span', { class: 'sev' }, t(f.severity === 'error' ? 'severity.error' : 'severity.warning')), ' ', pick(f))));
      }
      box.append(el('section', { class: 'group', 'data-section': group.section },
        el('h3', {}, title, ' ', el('span', { class: 'count', title: t('word.summary', { errors: group.errors, warnings: group.warnings }) },
          String(group.findings.length))),
        list));
    }
  }

  private renderReceipt(): void {
    const box = byId('receipt');
    box.replaceChildren();
    const r = this.state.receipt;
    box.hidden = !r;
    if (!r) return;
    const row = (k: Parameters<typeof t>[0], v: string, cls?: string) => [el('dt', {}, t(k)), el('dd', cls ? { class: cls } : {}, v)];
    box.append(el('h2', {}, t('word.receipt')), el('dl', {},
      ...row('word.receiptNo', r.receiptNo, 'receipt-no'),
      ...row('word.version', String(r.version), 'receipt-version'),
      ...row('word.sha256', r.sha256, 'receipt-sha'),
      ...row('word.submittedAt', r.submittedAt, 'receipt-time')));
  }
}
