// The field catalogue as GET /api/forms/application/catalogue describes it, and a record built from the page's values.

export type Kind = 'text' | 'rich' | 'date' | 'list' | 'check' | 'picture';
export type ValueType = 'text' | 'integer' | 'amount' | 'date' | 'list' | 'check' | 'picture';

export interface CatalogueField {
  tag: string;
  name: string;
  label: string;
  labelEn: string;
  kind: Kind;
  valueType: ValueType;
  placeholder: string;
  options: string[];
  locked: boolean;
  repeat: string | null;
  /** Where the value goes in the record: `applicant.name`, `plan.indicators[].target`. */
  recordPath: string;
}

export interface CatalogueRepeat {
  tag: string;
  label: string;
  itemPrefix: string;
  minItems: number;
  maxItems: number | null;
  recordPath: string;
  fields: CatalogueField[];
}

export interface CatalogueSection {
  key: string;
  number: string;
  title: string;
  titleEn: string;
  fields: CatalogueField[];
  repeats: CatalogueRepeat[];
}

export interface Catalogue {
  templateVersion: string;
  title: string;
  sections: CatalogueSection[];
  demand: { id: string; title: string; issuer: string; sector: string; roundId: string; roundName: string } | null;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type RecordJson = { [key: string]: Json };

/** The finding path of a field (what the service names in `field`): its tag, or `coApplicants[1].creditCode`. */
export const findingPath = (field: CatalogueField, item?: number): string =>
  field.repeat === null ? field.tag : `${field.repeat}[${item ?? 0}].${field.name}`;

/** The value a page control holds, typed for the record: numbers for integers and amounts, null when empty. */
export function typed(field: CatalogueField, raw: string | boolean): Json {
  if (field.valueType === 'check') return raw === true;
  const text = String(raw).trim();
  if (text === '') return null;
  if (field.valueType === 'integer' || field.valueType === 'amount') {
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
  }
  return text;
}

/** Sets `a.b[].c` (with the item index for `[]`) in a record, making objects and lists on the way. */
export function setPath(record: RecordJson, path: string, value: Json, item?: number): void {
  const parts = path.split('.');
  let node: { [key: string]: Json } = record;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (part.endsWith('[]')) {
      const name = part.slice(0, -2);
      const list = (Array.isArray(node[name]) ? node[name] : (node[name] = [])) as Json[];
      const index = item ?? 0;
      while (list.length <= index) list.push({});
      node = list[index] as { [key: string]: Json };
    } else {
      node = (node[part] && typeof node[part] === 'object' && !Array.isArray(node[part]) ? node[part] : (node[part] = {})) as { [key: string]: Json };
    }
  }
  node[parts[parts.length - 1]] = value;
}

/** Reads `a.b[].c` from a record (null when absent). */
export function getPath(record: RecordJson | null | undefined, path: string, item?: number): Json {
  let node: Json = record ?? null;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    if (part.endsWith('[]')) {
      const list: Json = (node as { [key: string]: Json })[part.slice(0, -2)] ?? null;
      node = Array.isArray(list) ? (list[item ?? 0] ?? null) : null;
    } else {
      node = (node as { [key: string]: Json })[part] ?? null;
    }
  }
  return node;
}

/** How many items a repeating section has in a record. */
export function itemCount(record: RecordJson | null | undefined, repeat: CatalogueRepeat): number {
  let node: Json = record ?? null;
  for (const part of repeat.recordPath.split('.')) {
    node = node !== null && typeof node === 'object' && !Array.isArray(node) ? ((node as { [key: string]: Json })[part] ?? null) : null;
  }
  return Array.isArray(node) ? node.length : 0;
}

/** A value shown in a page control: dates and numbers as text, check boxes as booleans. */
export function shown(value: Json): string | boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}
