// The task force's dashboard (工作专班看板): a round's figures from GET /api/dashboard, drawn as SVG charts, with filters by
// round and sector and the same figures as an .xlsx. Staff only: Office SSO where there is one, else the Development token.
import './styles.css';
import './dashboard/dashboard.css';
import { Api, ApiProblem } from './api';
import { SignInUnavailable, tokens } from './auth';
import { barChart, groupedBars, palette, progress, stackedBar } from './dashboard/charts';
import { tx, type Figures, type RoundDashboard, type TextKey } from './dashboard/figures';
import { pick } from './i18n';
import { byId, el, languageToggle } from './panes/ui';

const api = new Api();
const auth = tokens(api);
const params = new URLSearchParams(location.search);
let current: RoundDashboard | null = null;

const roundSelect = byId<HTMLSelectElement>('round');
const sectorSelect = byId<HTMLSelectElement>('sector');

function status(text: string, kind: 'info' | 'error' = 'info'): void {
  const m = byId('message');
  m.textContent = text;
  m.className = `message ${kind}`;
  m.hidden = text === '';
}

function card(key: TextKey, value: string, note?: string): HTMLElement {
  return el('div', { class: 'kpi', 'data-kpi': key }, el('span', { class: 'kpi-label' }, tx(key)), el('strong', { class: 'kpi-value' }, value),
    note ? el('span', { class: 'kpi-note' }, note) : null);
}

const money = (n: number): string => n.toFixed(2);

function section(title: string, chart: SVGSVGElement, name: string): HTMLElement {
  const figure = el('figure', { class: 'chart-box', 'data-chart': name }, el('figcaption', {}, title));
  figure.append(chart);
  return figure;
}

function render(): void {
  byId('title').textContent = tx('title');
  for (const [id, key] of [['round-label', 'round'], ['sector-label', 'sector'], ['refresh', 'refresh'], ['export', 'export']] as const) {
    byId(id).textContent = tx(key);
  }
  if (sectorSelect.options.length > 0) sectorSelect.options[0].textContent = tx('allSectors');
  const d = current;
  if (!d) return;
  const f: Figures = d.totals;
  byId('as-of').textContent = `${tx('asOf')}：${d.localDate}（${d.timeZone}）`;
  byId('kpis').replaceChildren(
    card('demandsPublished', String(f.demandsPublished)),
    card('applications', String(f.applications)),
    card('eligible', String(f.eligible)),
    card('selected', String(f.selected)),
    card('agreementsDrafted', String(f.agreementsDrafted)),
    card('agreementsSigned', String(f.agreementsSigned)),
    card('consortia', String(f.consortia), `${tx('target')} ${d.consortiumTarget}`),
    card('funding', money(f.fundingCommitted), d.supportBudget === null ? tx('noBudget') : `${tx('budget')} ${money(d.supportBudget)}`),
  );
  byId('warnings').replaceChildren(...d.warnings.map((w) => el('p', { class: 'message error', 'data-code': w.code }, pick(w))));
  const top = [...d.byDemand].sort((a, b) => b.applications - a.applications || a.demandId.localeCompare(b.demandId)).slice(0, 20);
  byId('charts').replaceChildren(
    section(tx('funnel'), barChart(tx('funnel'), [
      { label: tx('applications'), value: f.applications, color: palette.blue },
      { label: tx('eligible'), value: f.eligible, color: palette.blue },
      { label: tx('selected'), value: f.selected, color: palette.teal },
      { label: tx('agreementsDrafted'), value: f.agreementsDrafted, color: palette.teal },
      { label: tx('agreementsSigned'), value: f.agreementsSigned, color: palette.green },
    ]), 'funnel'),
    section(tx('consortiaChart'), progress(tx('consortiaChart'), f.consortia, d.consortiumTarget), 'consortia'),
    section(tx('fundingChart'), progress(tx('fundingChart'), f.fundingCommitted, d.supportBudget ?? 0,
      { unit: tx('unit'), color: d.warnings.length > 0 ? palette.amber : palette.green }), 'funding'),
    section(tx('bySector'), groupedBars(tx('bySector'),
      [{ name: tx('applications'), color: palette.blue }, { name: tx('selected'), color: palette.teal }, { name: tx('consortia'), color: palette.green }],
      d.bySector.map((s) => ({ label: s.sector, values: [s.figures.applications, s.figures.selected, s.figures.consortia] }))), 'sectors'),
    section(tx('milestones'), stackedBar(tx('milestones'), [
      { label: tx('pending'), value: f.milestones.pending, color: palette.blue },
      { label: tx('overdue'), value: f.milestones.overdue, color: palette.red },
      { label: tx('onTime'), value: f.milestones.onTime, color: palette.green },
      { label: tx('late'), value: f.milestones.late, color: palette.amber },
    ]), 'milestones'),
    section(tx('perDemand'), barChart(tx('perDemand'), top.map((r) => ({ label: r.demandId, value: r.applications }))), 'demands'),
  );
}

function query(): string {
  const sector = sectorSelect.value;
  return `roundId=${encodeURIComponent(roundSelect.value)}${sector ? `&sector=${encodeURIComponent(sector)}` : ''}`;
}

async function token(): Promise<string> {
  status(tx('signIn'));
  return auth.token('staff');
}

async function load(): Promise<void> {
  document.body.dataset.ready = 'false';
  try {
    const t = await token();
    status(tx('loading'));
    current = await api.request<RoundDashboard>(`/api/dashboard?${query()}`, { token: t });
    const chosen = sectorSelect.value;
    sectorSelect.replaceChildren(el('option', { value: '' }, tx('allSectors')),
      ...current.sectors.map((s) => el('option', { value: s, selected: s === chosen }, s)));
    history.replaceState(null, '', `?${query()}`);
    status('');
    render();
  } catch (e) {
    status(e instanceof SignInUnavailable ? tx('noSignIn') : `${tx('failed')}${e instanceof ApiProblem ? pick(e) : String(e)}`, 'error');
  } finally {
    document.body.dataset.ready = 'true';
  }
}

/** The workbook needs the token, so it is fetched and handed to the browser as a download. */
async function exportWorkbook(): Promise<void> {
  try {
    const response = await fetch(api.url(`/api/dashboard.xlsx?${query()}`), { headers: { Authorization: `Bearer ${await token()}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    const a = el('a', { href: url, download: `dashboard-${roundSelect.value}.xlsx` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status('');
  } catch (e) {
    status(`${tx('failed')}${String(e)}`, 'error');
  }
}

languageToggle(render);
roundSelect.addEventListener('change', () => { sectorSelect.value = ''; void load(); });
sectorSelect.addEventListener('change', () => void load());
byId('refresh').addEventListener('click', () => void load());
byId('export').addEventListener('click', () => void exportWorkbook());

try {
  const rounds = await api.rounds();
  const wanted = params.get('roundId') ?? rounds.at(-1)?.id ?? '';
  roundSelect.replaceChildren(...rounds.map((r) => el('option', { value: r.id, selected: r.id === wanted }, `${r.id} ${r.name}`)));
  const sector = params.get('sector');
  if (sector) sectorSelect.replaceChildren(el('option', { value: '' }, tx('allSectors')), el('option', { value: sector, selected: true }, sector));
  await load();
} catch (e) {
  status(`${tx('failed')}${String(e)}`, 'error');
  document.body.dataset.ready = 'true';
}
