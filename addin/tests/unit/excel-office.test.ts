import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { demandsTableName, officeDemandTable } from '../../src/office/excel';

const headers = ['需求编号', '产业领域', '细分领域', '技术需求名称', '发榜企业', '发榜企业统一社会信用代码'];
const rows = [
  ['DEMO-IT-01', '新一代信息技术', '', '示例需求一', '示例发榜企业A', '91110108MA01C8QX20'],
  ['DEMO-IT-02', '新一代信息技术', '', '示例需求二', '示例发榜企业B', '91110108MA00000011'],
];

/** Excel mocked with office-addin-mock: the Demands table, with the cells and rows the pane selects. */
function excelMock() {
  const selected: string[] = [];
  const asked: string[] = [];
  const cell = (r: number, c: number) => ({ address: `榜单!${String.fromCharCode(65 + c)}${r + 2}`, select: () => { selected.push(`cell ${r},${c}`); } });
  const data = {
    context: {
      workbook: {
        tables: {
          demands: {
            header: { values: [headers] },
            body: {
              values: rows, rowCount: rows.length,
              cells: Object.fromEntries(rows.flatMap((row, r) => row.map((_, c) => [`${r},${c}`, cell(r, c)]))),
              rows: Object.fromEntries(rows.map((_, r) => [String(r), { address: `榜单!A${r + 2}:F${r + 2}`, select: () => { selected.push(`row ${r}`); } }])),
              getCell: function (this: { cells: Record<string, unknown> }, r: number, c: number) { return this.cells[`${r},${c}`]; },
              getRow: function (this: { rows: Record<string, unknown> }, r: number) { return this.rows[String(r)]; },
            },
            getHeaderRowRange: function (this: { header: unknown }) { return this.header; },
            getDataBodyRange: function (this: { body: unknown }) { return this.body; },
          },
          getItem: function (this: { demands: unknown }, name: string) { asked.push(name); return this.demands; },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) { return batch(this.context); },
  };
  return { excel: new OfficeMockObject(data) as unknown as typeof Excel, selected, asked };
}

describe('the Demands table in Excel', () => {
  it('reads the header and body values of the table named Demands', async () => {
    const { excel, asked } = excelMock();
    expect(await officeDemandTable(excel).read()).toEqual({ headers, rows });
    expect(asked).toEqual([demandsTableName]);
    expect(demandsTableName).toBe('Demands');
  });

  it('selects a finding by data row (1 = first) and column key, and gives the address', async () => {
    const { excel, selected } = excelMock();
    expect(await officeDemandTable(excel).select(2, 'issuerCreditCode')).toBe('F3');
    expect(selected).toEqual(['cell 1,5']);
  });

  it('finds the column by its English header or key too, and selects the whole row without a column', async () => {
    const { excel, selected } = excelMock();
    const table = officeDemandTable(excel);
    expect(await table.select(1, 'title')).toBe('D2');
    expect(await table.select(1, null)).toBe('A2:F2');
    expect(await table.select(3, 'title')).toBeNull();
    expect(selected).toEqual(['cell 0,3', 'row 0']);
  });
});
