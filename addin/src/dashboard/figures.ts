// The answer of GET /api/dashboard (service: Domain/Dashboard/RoundDashboard), and the page's texts in both languages.
import { lang } from '../i18n';

export interface Milestones { pending: number; overdue: number; onTime: number; late: number }
export interface Figures {
  demandsPublished: number; applications: number; eligible: number; selected: number; agreementsDrafted: number; agreementsSigned: number;
  consortia: number; fundingCommitted: number; jointInvestment: number; milestones: Milestones;
}
export interface DemandRow {
  demandId: string; title: string; sector: string; applications: number; eligible: number; selected: number;
  agreementsDrafted: number; agreementsSigned: number; fundingCommitted: number;
}
export interface RoundDashboard {
  roundId: string; roundName: string; sector: string | null; asOf: string; localDate: string; timeZone: string;
  consortiumTarget: number; supportBudget: number | null; totals: Figures; sectors: string[];
  bySector: { sector: string; figures: Figures }[]; byDemand: DemandRow[];
  warnings: { code: string; message: string; messageEn: string }[];
}

const zh = {
  title: '工作专班看板', round: '批次', sector: '领域', allSectors: '全部领域', refresh: '刷新', export: '导出 Excel',
  asOf: '统计日期', demandsPublished: '发布需求', applications: '申报', eligible: '符合条件', selected: '入选',
  agreementsDrafted: '协议起草', agreementsSigned: '协议签署', consortia: '创新联合体', target: '目标', funding: '承诺支持资金（万元）',
  budget: '预算', noBudget: '未设定预算', funnel: '从申报到联合体', consortiaChart: '联合体组建进度（对照目标）',
  fundingChart: '承诺支持资金（对照预算，万元）', bySector: '各领域', perDemand: '各需求申报数（前 20）', milestones: '里程碑节点',
  pending: '未到期', overdue: '逾期', onTime: '按期', late: '延期', loading: '正在读取数据…', signIn: '正在登录（工作人员）…',
  noSignIn: '此环境未提供工作人员登录。', failed: '读取失败：', unit: ' 万元',
};
const en: typeof zh = {
  title: 'Task force dashboard', round: 'Round', sector: 'Sector', allSectors: 'All sectors', refresh: 'Refresh', export: 'Export to Excel',
  asOf: 'As of', demandsPublished: 'Demands published', applications: 'Applications', eligible: 'Eligible', selected: 'Selected',
  agreementsDrafted: 'Agreements drafted', agreementsSigned: 'Agreements signed', consortia: 'Consortia', target: 'target', funding: 'Support committed (万元)',
  budget: 'budget', noBudget: 'no budget set', funnel: 'From application to consortium', consortiaChart: 'Consortia formed (against the target)',
  fundingChart: 'Support committed (against the budget, 万元)', bySector: 'By sector', perDemand: 'Applications per demand (top 20)', milestones: 'Milestones',
  pending: 'Not yet due', overdue: 'Overdue', onTime: 'On time', late: 'Late', loading: 'Loading the figures…', signIn: 'Signing in (staff)…',
  noSignIn: 'Staff sign-in is not available here.', failed: 'Could not load: ', unit: ' 万元',
};

export type TextKey = keyof typeof zh;
export const tx = (key: TextKey): string => (lang() === 'en' ? en : zh)[key];
