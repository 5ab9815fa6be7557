import { describe, expect, it } from 'vitest';
import { ApiProblem, type CheckAnswer, type DemandFinding } from '../../src/api';
import { setLang } from '../../src/i18n';
import { importOutcome, placeOf } from '../../src/panes/excel-pane';
import { creditCodeFor, demandLabel } from '../../src/panes/word-pane';

const check = (creditCode: string | null): CheckAnswer => ({
  demandId: 'DEMO-BM-02', roundId: 'demo', templateVersion: '1.0', complete: false, eligible: false,
  record: { demand: { id: 'DEMO-BM-02', title: '多自由度力控医用机械臂' }, applicant: { name: '示例', creditCode } }, findings: [],
});

describe('Word pane', () => {
  it('names the demand from the last check, else from the markers, else nothing', () => {
    expect(demandLabel({ check: check(null), demand: null })).toBe('DEMO-BM-02 多自由度力控医用机械臂');
    expect(demandLabel({ check: null, demand: { id: 'DEMO-IT-01', title: null } })).toBe('DEMO-IT-01');
    expect(demandLabel({ check: null, demand: { id: 'DEMO-IT-01', title: '示例' } })).toBe('DEMO-IT-01 示例');
    expect(demandLabel({ check: null, demand: null })).toBeNull();
  });

  it('signs in with the typed credit code, else the one the check read from the form, only when it has 18 characters', () => {
    expect(creditCodeFor(' 91110108ma01c8qx20 ', check(null))).toBe('91110108MA01C8QX20');
    expect(creditCodeFor('', check('91110108MA01C8QX20'))).toBe('91110108MA01C8QX20');
    expect(creditCodeFor('', check('123'))).toBeUndefined();
    expect(creditCodeFor('', null)).toBeUndefined();
  });
});

describe('Excel pane', () => {
  const f = (row: number, column: string | null): DemandFinding =>
    ({ cell: null, row, column, demandId: null, code: 'required', severity: 'error', message: 'm', messageEn: 'm' });

  it('treats a 422 with findings as an answer in which nothing was imported', () => {
    const problem = new ApiProblem(422, 'invalid-demand-list', '榜单有错误', 'errors', { findings: [f(2, 'title')] });
    expect(importOutcome(problem)).toEqual({ imported: 0, findings: [f(2, 'title')], rejected: true });
    expect(importOutcome({ imported: 10, findings: [] })).toEqual({ imported: 10, findings: [], rejected: false });
  });

  it('says where a finding is: row and the header the sheet uses, or the whole table', () => {
    setLang('zh');
    expect(placeOf(f(2, 'title'), ['需求编号', 'Demand title'])).toBe('第 2 行 · Demand title');
    expect(placeOf(f(2, 'title'), null)).toBe('第 2 行 · 技术需求名称');
    expect(placeOf(f(3, null), null)).toBe('第 3 行');
    expect(placeOf(f(0, 'title'), null)).toBe('整张表');
    setLang('en');
    expect(placeOf(f(2, 'title'), null)).toBe('Row 2 · Demand title');
    setLang('zh');
  });
});
