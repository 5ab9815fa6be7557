import { describe, expect, it } from 'vitest';
import type { FormFinding } from '../../src/api';
import { columnIndex, columnLetters } from '../../src/demand-columns';
import { count, groupFindings, sectionOf, sectionTitle } from '../../src/findings';

const finding = (field: string, severity: 'error' | 'warning' = 'error'): FormFinding =>
  ({ field, tag: field.replace(/s?\[\d+\]/, ''), ordinal: 0, code: 'required', severity, message: field, messageEn: field });

describe('sections of the form', () => {
  it.each([
    ['demand.title', 'demand'], ['round.id', 'demand'], ['applicant.creditCode', 'applicant'],
    ['coApplicants[1].creditCode', 'coApplicants'], ['decl.truthful', 'declarations'], ['priorCooperation', 'declarations'],
    ['plan.summary', 'plan'], ['project.end', 'plan'], ['indicators', 'indicators'], ['indicators[0].target', 'indicators'],
    ['milestones[2].due', 'milestones'], ['team', 'team'], ['budget.total', 'budget'], ['budgetItems[0].amount', 'budget'],
    ['sign.seal', 'sign'], ['', 'other'], ['somethingNew', 'other'],
  ])('%s belongs to %s', (field, section) => {
    expect(sectionOf(field)).toBe(section);
  });

  it('names sections as the form does, in Chinese or English', () => {
    expect(sectionTitle('coApplicants', 'zh', '其他')).toBe('三、联合揭榜单位');
    expect(sectionTitle('budget', 'en', 'Other')).toBe('9. Budget (10k CNY)');
    expect(sectionTitle('other', 'zh', '其他')).toBe('其他');
  });
});

describe('grouping findings', () => {
  it('orders groups as the form, keeps the service order inside, and counts errors and warnings', () => {
    const groups = groupFindings([
      finding('sign.date'), finding('applicant.name'), finding('mystery'), finding('round.id', 'warning'),
      finding('applicant.region', 'warning'), finding('applicant.creditCode'),
    ]);
    expect(groups.map((g) => g.section)).toEqual(['demand', 'applicant', 'sign', 'other']);
    const applicant = groups[1];
    expect(applicant.findings.map((f) => f.field)).toEqual(['applicant.name', 'applicant.region', 'applicant.creditCode']);
    expect([applicant.errors, applicant.warnings]).toEqual([2, 1]);
    expect(count(groups.flatMap((g) => g.findings))).toEqual({ errors: 4, warnings: 2 });
  });

  it('has no groups for a form without findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('demand list columns', () => {
  const headers = ['需求编号', ' 技术需求名称 ', 'Deadline (months)', '完成时限(月)'];
  it('finds a finding column by key through the Chinese or English header, ignoring spaces and bracket width', () => {
    expect(columnIndex(headers, 'title')).toBe(1);
    expect(columnIndex(headers, 'deadlineMonths')).toBe(2);
    expect(columnIndex(['完成时限(月)'], 'deadlineMonths')).toBe(0);
    expect(columnIndex(headers, 'issuer')).toBe(-1);
    expect(columnIndex(headers, null)).toBe(-1);
  });

  it('spells column letters as Excel does', () => {
    expect([0, 5, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'F', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
