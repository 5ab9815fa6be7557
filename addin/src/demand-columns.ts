// The demand list's columns (Domain/DemandList/DemandColumns.All): key → the header names a sheet may use.
export const demandColumns: Record<string, readonly string[]> = {
  id: ['需求编号', 'Demand id'],
  sector: ['产业领域', 'Sector'],
  subField: ['细分领域', 'Sub-field'],
  title: ['技术需求名称', 'Demand title'],
  issuer: ['发榜企业', 'Issuing enterprise'],
  issuerCreditCode: ['发榜企业统一社会信用代码', "Issuer's unified social credit code"],
  coIssuers: ['联合发榜企业', 'Joint issuers'],
  summary: ['需求描述', 'Description'],
  indicators: ['主要技术指标', 'Key technical indicators'],
  deadlineMonths: ['完成时限（月）', 'Deadline (months)'],
  procurement: ['意向采购承诺', 'Procurement commitment'],
  committedVolume: ['带量采购数量', 'Committed volume'],
  contactName: ['联系人', 'Contact'],
  contactPhone: ['联系电话', 'Contact phone'],
  reviewStatus: ['专家论证结论', 'Expert review'],
};

// As the service compares headers: no white space, full-width brackets as ASCII, case-insensitive.
export const normalizeHeader = (text: string): string =>
  text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

/** Index of a finding's column (a key such as `title`, or a header text) among the table's headers, or -1. */
export function columnIndex(headers: readonly string[], column: string | null | undefined): number {
  if (!column) return -1;
  const names = [column, ...(demandColumns[column] ?? [])].map(normalizeHeader);
  return headers.findIndex((h) => names.includes(normalizeHeader(String(h ?? ''))));
}

/** Excel column letters of a zero-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
