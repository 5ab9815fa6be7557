// Every Office.js call of the Excel pane sits here; the pane talks to DemandTable.
import { columnIndex } from '../demand-columns';

export const demandsTableName = 'Demands';

export interface TableValues {
  headers: string[];
  rows: unknown[][];
}

export interface DemandTable {
  readonly mode: 'office' | 'browser';
  /** Header and body values of the Demands table. */
  read(): Promise<TableValues>;
  /** Selects a data cell (row 1 = first data row; column a key or header), the whole row without a column; null when it cannot. */
  select(row: number, column: string | null): Promise<string | null>;
}

type ExcelApi = typeof Excel;

export function officeDemandTable(excel: ExcelApi = Excel): DemandTable {
  return {
    mode: 'office',
    read: () => excel.run(async (context) => {
      const table = context.workbook.tables.getItem(demandsTableName);
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('values');
      await context.sync();
      return { headers: (header.values[0] ?? []).map((h) => String(h ?? '')), rows: body.values };
    }),
    select: (row, column) => excel.run(async (context) => {
      const table = context.workbook.tables.getItem(demandsTableName);
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('rowCount');
      await context.sync();
      if (row < 1 || row > body.rowCount) return null;
      const index = columnIndex((header.values[0] ?? []).map(String), column);
      const target = index >= 0 ? body.getCell(row - 1, index) : body.getRow(row - 1);
      target.load('address');
      target.select();
      await context.sync();
      return target.address.replace(/^.*!/, '');
    }),
  };
}
