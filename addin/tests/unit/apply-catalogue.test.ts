import { describe, expect, it } from 'vitest';
import { findingPath, getPath, itemCount, setPath, typed, type CatalogueField, type CatalogueRepeat, type RecordJson } from '../../src/apply/catalogue';

const field = (over: Partial<CatalogueField>): CatalogueField => ({
  tag: 'applicant.name', name: 'name', label: '单位名称', labelEn: 'Name', kind: 'text', valueType: 'text', placeholder: '',
  options: [], locked: false, repeat: null, recordPath: 'applicant.name', ...over,
});

describe('a record from the page', () => {
  it('sets nested and repeating paths, making objects and lists on the way', () => {
    const record: RecordJson = {};
    setPath(record, 'applicant.name', '示例公司');
    setPath(record, 'plan.indicators[].target', '≤0.5 mm', 1);
    setPath(record, 'declarations.truthful', true);

    expect(record).toEqual({ applicant: { name: '示例公司' }, plan: { indicators: [{}, { target: '≤0.5 mm' }] }, declarations: { truthful: true } });
    expect(getPath(record, 'plan.indicators[].target', 1)).toBe('≤0.5 mm');
    expect(getPath(record, 'plan.indicators[].name', 5)).toBeNull();
    expect(itemCount(record, { recordPath: 'plan.indicators' } as CatalogueRepeat)).toBe(2);
  });

  it('types integers and amounts as numbers and empties as null', () => {
    expect(typed(field({ valueType: 'amount' }), ' 300.5 ')).toBe(300.5);
    expect(typed(field({ valueType: 'integer' }), 'abc')).toBeNull();
    expect(typed(field({}), '   ')).toBeNull();
    expect(typed(field({ valueType: 'check', kind: 'check' }), true)).toBe(true);
  });

  it('names a repeating child by the path the service puts in findings', () => {
    expect(findingPath(field({ tag: 'member.name', name: 'name', repeat: 'team' }), 2)).toBe('team[2].name');
    expect(findingPath(field({}))).toBe('applicant.name');
  });
});
