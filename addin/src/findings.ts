// Findings of a form grouped by the form's numbered sections (application-form.md), in form order.
import type { FormFinding, Severity } from './api';
import type { Lang } from './i18n';

export interface Section {
  key: string;
  number: string;
  title: string;
  titleEn: string;
}

/** The sections of the form, as the catalogue (Domain/Forms/ApplicationForm.Sections) lists them. */
export const sections: readonly Section[] = [
  { key: 'demand', number: '一', title: '需求信息', titleEn: 'Demand' },
  { key: 'applicant', number: '二', title: '揭榜单位基本信息', titleEn: 'Lead applicant' },
  { key: 'coApplicants', number: '三', title: '联合揭榜单位', titleEn: 'Joint applicants' },
  { key: 'declarations', number: '四', title: '承诺事项', titleEn: 'Declarations' },
  { key: 'plan', number: '五', title: '技术方案', titleEn: 'Technical plan' },
  { key: 'indicators', number: '六', title: '考核指标', titleEn: 'Indicators' },
  { key: 'milestones', number: '七', title: '进度安排', titleEn: 'Milestones' },
  { key: 'team', number: '八', title: '项目团队', titleEn: 'Project team' },
  { key: 'budget', number: '九', title: '经费预算（万元）', titleEn: 'Budget (10k CNY)' },
  { key: 'sign', number: '十', title: '签章', titleEn: 'Signature' },
];

const english = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

/** First segment of a field path (`coApplicants[1].creditCode` → `coApplicants`) → section key. */
const byPrefix: Record<string, string> = {
  demand: 'demand', round: 'demand', form: 'demand',
  applicant: 'applicant',
  coApplicants: 'coApplicants', coApplicant: 'coApplicants',
  decl: 'declarations', declarations: 'declarations', priorCooperation: 'declarations',
  plan: 'plan', project: 'plan',
  indicators: 'indicators', indicator: 'indicators',
  milestones: 'milestones', milestone: 'milestones',
  team: 'team', member: 'team',
  budget: 'budget', budgetItems: 'budget', budgetItem: 'budget',
  sign: 'sign',
};

export const otherSection = 'other';

export function sectionOf(field: string | null | undefined): string {
  const prefix = (field ?? '').split(/[.[]/, 1)[0];
  return byPrefix[prefix] ?? otherSection;
}

export function sectionTitle(key: string, lang: Lang, otherLabel: string): string {
  const index = sections.findIndex((s) => s.key === key);
  if (index < 0) return otherLabel;
  const s = sections[index];
  return lang === 'en' ? `${english[index + 1]}. ${s.titleEn}` : `${s.number}、${s.title}`;
}

export interface FindingGroup {
  section: string;
  findings: FormFinding[];
  errors: number;
  warnings: number;
}

/** Groups in form order (unknown fields last); the service's order is kept inside a group. */
export function groupFindings(findings: readonly FormFinding[]): FindingGroup[] {
  const order = [...sections.map((s) => s.key), otherSection];
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = sectionOf(f.field);
    const g = groups.get(key) ?? { section: key, findings: [], errors: 0, warnings: 0 };
    g.findings.push(f);
    if (f.severity === 'error') g.errors++; else g.warnings++;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
}

export function count(findings: readonly { severity: Severity }[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** The repeating section an "add" button extends, and the tag of its control in the form. */
export const coApplicantsTag = 'coApplicants';
