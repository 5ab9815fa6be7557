// apply.html: the application form as a web page, generated from the field catalogue, for applicants without Word.
// Live findings come from POST /api/applications/check-record (the same rules as a .docx); drafts stay in localStorage.
import './styles.css';
import { Api, ApiProblem, type CheckAnswer, type FormFinding, type Receipt } from './api';
import { tokens } from './auth';
import {
  findingPath, getPath, itemCount, setPath, shown, typed,
  type Catalogue, type CatalogueField, type CatalogueRepeat, type RecordJson,
} from './apply/catalogue';
import { groupFindings, sectionTitle } from './findings';
import { lang, pick, t } from './i18n';
import { busy, byId, el, languageToggle, message } from './panes/ui';

const api = new Api();
const auth = tokens(api);
const params = new URLSearchParams(location.search);
const demandId = params.get('demandId')?.trim() || 'DEMO-BM-02';
const draftKey = `strongchain.apply.draft.${demandId}`;
const debounceMs = Number(params.get('debounce') ?? 400);

let catalogue: Catalogue | null = null;
let answer: CheckAnswer | null = null;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let checkSeq = 0;

byId<HTMLInputElement>('demand-id').value = demandId;
byId<HTMLFormElement>('demand-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const id = byId<HTMLInputElement>('demand-id').value.trim();
  if (id) location.search = `?demandId=${encodeURIComponent(id)}`;
});

const label = (f: { label: string; labelEn?: string }) => (lang() === 'en' && f.labelEn && !f.labelEn.includes('.') ? f.labelEn : f.label);

/** One control for a field; its data-path is where the value goes in the record, data-field what findings name. */
function control(field: CatalogueField, item: number | undefined, record: RecordJson | null): HTMLElement {
  const id = `f-${findingPath(field, item).replace(/[^A-Za-z0-9]/g, '-')}`;
  const attrs = { id, 'data-path': field.recordPath, 'data-field': findingPath(field, item), 'data-item': item === undefined ? undefined : String(item) };
  const value = field.locked ? lockedValue(field) : shown(getPath(record, field.recordPath, item));
  let input: HTMLElement;
  switch (field.kind) {
    case 'check': {
      const box = el('input', { ...attrs, type: 'checkbox' });
      box.checked = value === true;
      return el('label', { class: 'check' }, box, ' ', field.label);
    }
    case 'list': {
      const select = el('select', attrs, el('option', { value: '' }, field.placeholder), ...field.options.map((o) => el('option', { value: o }, o)));
      select.value = typeof value === 'string' ? value : '';
      input = select;
      break;
    }
    case 'rich': {
      const area = el('textarea', { ...attrs, rows: '4', placeholder: field.placeholder });
      area.value = typeof value === 'string' ? value : '';
      input = area;
      break;
    }
    case 'picture':
      return el('p', { class: 'place', id, 'data-field': findingPath(field, item) }, t('apply.noSeal'));
    default: {
      const type = field.valueType === 'date' ? 'date' : field.valueType === 'integer' || field.valueType === 'amount' ? 'number' : 'text';
      const text = el('input', {
        ...attrs, type, placeholder: field.placeholder, readonly: field.locked,
        step: field.valueType === 'amount' ? '0.01' : field.valueType === 'integer' ? '1' : undefined,
      });
      text.value = typeof value === 'string' ? value : '';
      input = text;
    }
  }
  return input;
}

function lockedValue(field: CatalogueField): string {
  const d = catalogue?.demand;
  if (!d) return '';
  return ({ 'demand.id': d.id, 'demand.title': d.title, 'demand.issuer': d.issuer, 'demand.sector': d.sector, 'round.id': d.roundId } as Record<string, string>)[field.tag] ?? '';
}

function fieldRow(field: CatalogueField, record: RecordJson | null): HTMLElement {
  const input = control(field, undefined, record);
  if (field.kind === 'check') return el('div', { class: 'field' }, input, el('span', { class: 'field-note' }));
  return el('div', { class: 'field' }, el('label', { for: input.id }, label(field)), input, el('span', { class: 'field-note' }));
}

function repeatTable(repeat: CatalogueRepeat, record: RecordJson | null): HTMLElement {
  const count = Math.max(itemCount(record, repeat), repeat.minItems, repeat.tag === 'coApplicants' ? 0 : 1);
  const body = el('tbody');
  const table = el('table', { class: 'items', 'data-repeat': repeat.tag },
    el('thead', {}, el('tr', {}, ...repeat.fields.map((f) => el('th', {}, label(f))), el('th', {}))), body);
  const addRow = (item: number, from: RecordJson | null) => {
    const remove = el('button', { type: 'button', class: 'remove', 'data-remove': repeat.tag }, t('apply.removeRow'));
    const row = el('tr', {}, ...repeat.fields.map((f) => {
      const c = control(f, item, from);
      return el('td', {}, c, el('span', { class: 'field-note' }));
    }), el('td', {}, remove));
    remove.addEventListener('click', () => {
      row.remove();
      renumber(repeat);
      changed();
    });
    body.append(row);
  };
  for (let i = 0; i < count; i++) addRow(i, record);
  const add = el('button', { type: 'button', class: 'add', 'data-add': repeat.tag }, t('apply.addRow', { label: repeat.label }));
  add.addEventListener('click', () => {
    if (repeat.maxItems !== null && body.rows.length >= repeat.maxItems) {
      message(t('apply.maxRows', { label: repeat.label, max: repeat.maxItems }), 'error');
      return;
    }
    addRow(body.rows.length, null);
    changed();
  });
  return el('div', { class: 'repeat' }, repeat.label === '' ? null : el('h3', {}, repeat.label), table, add);
}

/** After a row is removed, the items after it move up: their controls' item index and finding path follow. */
function renumber(repeat: CatalogueRepeat): void {
  const rows = Array.from(document.querySelectorAll<HTMLTableRowElement>(`table[data-repeat="${repeat.tag}"] tbody tr`));
  rows.forEach((row, item) => {
    for (const input of Array.from(row.querySelectorAll<HTMLElement>('[data-field]'))) {
      const name = input.dataset.field!.split('.').pop()!;
      input.dataset.field = `${repeat.tag}[${item}].${name}`;
      if (input.dataset.item !== undefined) input.dataset.item = String(item);
    }
  });
}

function render(record: RecordJson | null): void {
  const form = byId<HTMLFormElement>('form');
  if (!catalogue) return;
  form.replaceChildren(...catalogue.sections.map((s) => el('fieldset', { 'data-section': s.key },
    el('legend', {}, sectionTitle(s.key, lang(), s.title)),
    ...s.fields.map((f) => fieldRow(f, record)),
    ...s.repeats.map((r) => repeatTable(r, record)))));
  const d = catalogue.demand;
  byId('demand-text').textContent = d ? `${d.id} ${d.title}（${d.issuer}）` : demandId;
}

/** The record the page holds now. */
function readRecord(): RecordJson {
  const record: RecordJson = {};
  if (!catalogue) return record;
  const fields = new Map<string, CatalogueField>();
  for (const s of catalogue.sections) {
    for (const f of [...s.fields, ...s.repeats.flatMap((r) => r.fields)]) fields.set(f.recordPath, f);
  }
  for (const repeat of catalogue.sections.flatMap((s) => s.repeats)) {
    const rows = document.querySelectorAll(`table[data-repeat="${repeat.tag}"] tbody tr`).length;
    setPath(record, repeat.recordPath, Array.from({ length: rows }, () => ({})));
  }
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('#form [data-path]'))) {
    const field = fields.get(input.dataset.path!);
    if (!field || field.locked) continue;
    const raw = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
    setPath(record, field.recordPath, typed(field, raw), input.dataset.item === undefined ? undefined : Number(input.dataset.item));
  }
  return record;
}

function saveDraft(record: RecordJson): void {
  try {
    localStorage.setItem(draftKey, JSON.stringify(record));
    byId('draft').textContent = t('apply.draftSaved', { time: new Date().toLocaleTimeString() });
  } catch {
    byId('draft').textContent = t('apply.draftUnavailable');
  }
}

function loadDraft(): RecordJson | null {
  try {
    const text = localStorage.getItem(draftKey);
    return text ? (JSON.parse(text) as RecordJson) : null;
  } catch {
    return null;
  }
}

function changed(): void {
  saveDraft(readRecord());
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void check(), debounceMs);
}

async function check(): Promise<void> {
  const seq = ++checkSeq;
  document.body.dataset.checking = 'true';
  try {
    const result = await api.request<CheckAnswer>(`/api/applications/check-record?demandId=${encodeURIComponent(demandId)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(readRecord()),
    });
    if (seq !== checkSeq) return; // a newer check is on its way
    answer = result;
    showFindings(result.findings, result.complete);
  } catch (e) {
    if (seq === checkSeq) message(e instanceof ApiProblem ? pick({ message: e.messageZh, messageEn: e.messageEn }) : String(e), 'error');
  } finally {
    if (seq === checkSeq) {
      document.body.dataset.checking = 'false';
      document.body.dataset.checked = String(seq);
    }
  }
}

function showFindings(findings: FormFinding[], complete: boolean): void {
  for (const note of Array.from(document.querySelectorAll('#form .field-note'))) note.textContent = '';
  for (const input of Array.from(document.querySelectorAll('#form [aria-invalid]'))) input.removeAttribute('aria-invalid');
  for (const f of findings) {
    const target = document.querySelector<HTMLElement>(`#form [data-field="${CSS.escape(f.field)}"]`)
      ?? document.querySelector<HTMLElement>(`#form table[data-repeat="${CSS.escape(f.tag)}"]`);
    if (!target) continue;
    if (f.severity === 'error') target.setAttribute('aria-invalid', 'true');
    const note = target.closest('td, .field, .repeat')?.querySelector('.field-note');
    if (note) note.textContent = [note.textContent, pick(f)].filter(Boolean).join(' ');
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  byId('summary').replaceChildren(
    el('span', { class: `badge ${complete ? 'ok' : 'bad'}`, id: 'complete' }, t(complete ? 'word.complete' : 'word.incomplete')),
    el('span', { id: 'counts' }, t('word.summary', { errors, warnings: findings.length - errors })));
  byId('findings').replaceChildren(...groupFindings(findings).map((g) => el('section', { class: 'group', 'data-section': g.section },
    el('h3', {}, sectionTitle(g.section, lang(), t('section.other')), el('span', { class: 'count' }, String(g.findings.length))),
    el('ul', {}, ...g.findings.map((f) => el('li', { class: `finding-item ${f.severity}`, 'data-field': f.field, 'data-code': f.code },
      el('span', { class: 'sev' }, t(f.severity === 'error' ? 'severity.error' : 'severity.warning')), ' ', pick(f)))))));
}

async function download(): Promise<void> {
  const response = await fetch(api.url(`/api/applications/from-record?demandId=${encodeURIComponent(demandId)}`), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(readRecord()),
  });
  if (!response.ok) {
    message(t('apply.downloadFailed'), 'error');
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const a = el('a', { href: url, download: `揭榜任务申报书-${demandId}.docx` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function submit(): Promise<void> {
  const record = readRecord();
  const creditCode = String(getPath(record, 'applicant.creditCode') ?? '').trim().toUpperCase();
  if (!creditCode) {
    message(t('apply.creditCodeFirst'), 'error');
    return;
  }
  try {
    const token = await busy('busy.signingIn', () => auth.token('applicant', creditCode));
    const receipt = await busy('busy.submitting', () => api.request<Receipt>(`/api/applications/record?demandId=${encodeURIComponent(demandId)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(record), token,
    }));
    message(t('word.receipt'), 'success');
    const section = byId('receipt');
    section.hidden = false;
    section.replaceChildren(el('h2', {}, t('word.receipt')), el('dl', {},
      el('dt', {}, t('word.receiptNo')), el('dd', { id: 'receipt-no' }, receipt.receiptNo),
      el('dt', {}, t('word.version')), el('dd', { id: 'receipt-version' }, String(receipt.version)),
      el('dt', {}, 'SHA-256'), el('dd', { id: 'receipt-sha', class: 'receipt-sha' }, receipt.sha256),
      el('dt', {}, t('word.submittedAt')), el('dd', { id: 'receipt-id', 'data-id': receipt.id }, receipt.submittedAt)));
  } catch (e) {
    if (e instanceof ApiProblem) {
      message(pick({ message: e.messageZh, messageEn: e.messageEn }), 'error');
      if (e.findings.length > 0) showFindings(e.findings as FormFinding[], false);
    } else {
      message(t('apply.signInUnavailable'), 'error');
    }
  }
}

languageToggle(() => { if (catalogue) { const r = readRecord(); render(r); if (answer) showFindings(answer.findings, answer.complete); } });
byId('form').addEventListener('input', changed);
byId('form').addEventListener('change', changed);
byId('download').addEventListener('click', () => void busy('busy.reading', download));
byId('submit').addEventListener('click', () => void submit());
byId('clear').addEventListener('click', () => {
  try { localStorage.removeItem(draftKey); } catch { /* nothing kept */ }
  render(null);
  byId('draft').textContent = t('apply.draftCleared');
  void check();
});

try {
  catalogue = await api.request<Catalogue>(`/api/forms/application/catalogue?demandId=${encodeURIComponent(demandId)}`);
  const draft = loadDraft();
  render(draft);
  if (draft) byId('draft').textContent = t('apply.draftRestored');
  await check();
} catch (e) {
  message(e instanceof ApiProblem ? pick({ message: e.messageZh, messageEn: e.messageEn }) : String(e), 'error');
}
document.body.dataset.ready = 'true';
