// Every Office.js call of the Word pane sits here; the pane talks to FormDocument, so browser mode can swap in a file.
import { isSetSupported } from './host';

export interface Markers {
  demandId?: string;
  roundId?: string;
  templateVersion?: string;
}

export interface FormDocument {
  readonly mode: 'office' | 'browser';
  /** The whole .docx as saved now. */
  read(): Promise<Uint8Array>;
  /** Selects the n-th content control (document order, from 0) with the tag; false when there is none or no host to select in. */
  select(tag: string, ordinal: number): Promise<boolean>;
  /** Whether this host can add a repeating-section item from the add-in. */
  canAddRepeatingItem(): boolean;
  /** Adds an item at the end of the repeating section with the tag; false when the host cannot. */
  addRepeatingItem(sectionTag: string): Promise<boolean>;
  /** The form's markers from the document properties, when the host can read them. */
  markers(): Promise<Markers | null>;
}

/** Slices up to 4 MB (the host's maximum). */
export const sliceSize = 4 * 1024 * 1024;

type OfficeApi = typeof Office;
type WordApi = typeof Word;

export function officeFormDocument(office: OfficeApi = Office, word: WordApi = Word): FormDocument {
  return {
    mode: 'office',
    read: () => readWholeFile(office),
    select: async (tag, ordinal) => word.run(async (context) => {
      const controls = context.document.contentControls.getByTag(tag);
      controls.load('items'); // "items/tag" is not loadable everywhere (office-addin-mock throws): load the items
      await context.sync();
      const control = controls.items[ordinal];
      if (!control) return false;
      control.select();
      await context.sync();
      return true;
    }),
    canAddRepeatingItem: () => isSetSupported('WordApiDesktop', '1.3', office),
    addRepeatingItem: async (sectionTag) => {
      if (!isSetSupported('WordApiDesktop', '1.3', office)) return false;
      return word.run(async (context) => {
        const controls = context.document.contentControls.getByTag(sectionTag);
        controls.load('items');
        await context.sync();
        const section = controls.items[0];
        if (!section) return false;
        const items = section.repeatingSectionContentControl.repeatingSectionItems;
        items.load('items');
        await context.sync();
        // @types/office-js lists no `items` on this collection, but a loaded collection has them like any other.
        const loaded = (items as unknown as { items: Word.RepeatingSectionItem[] }).items;
        const last = loaded[loaded.length - 1];
        if (!last) return false;
        last.insertItemAfter().range.select();
        await context.sync();
        return true;
      });
    },
    markers: async () => {
      if (!isSetSupported('WordApi', '1.3', office)) return null;
      return word.run(async (context) => {
        const properties = context.document.properties.customProperties;
        properties.load('items');
        await context.sync();
        const markers: Markers = {};
        for (const p of properties.items) {
          if (p.key === 'demandId' || p.key === 'roundId' || p.key === 'templateVersion') markers[p.key] = String(p.value);
        }
        return markers.demandId ? markers : null;
      });
    },
  };
}

/** getFileAsync(Compressed) → every slice in order → closeAsync, also when a slice fails. */
export async function readWholeFile(office: OfficeApi): Promise<Uint8Array> {
  const file = await new Promise<Office.File>((resolve, reject) =>
    office.context.document.getFileAsync(office.FileType.Compressed, { sliceSize }, (r) =>
      r.status === office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(asError(r.error))));
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await new Promise<Office.Slice>((resolve, reject) =>
        file.getSliceAsync(i, (r) => (r.status === office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(asError(r.error)))));
      parts.push(toBytes(slice.data));
    }
    return concat(parts, file.size);
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  throw new Error('A slice of the file is not binary data.');
}

export function concat(parts: readonly Uint8Array[], size?: number): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (size !== undefined && size !== total) throw new Error(`The file is ${size} bytes but its slices hold ${total}.`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function asError(error: Office.Error | undefined): Error {
  return new Error(error ? `${error.name} (${error.code}): ${error.message}` : 'Office call failed');
}

/** A picked or dropped file: the same pane code checks and submits it; there is no document to select in. */
export function fileFormDocument(file: Blob): FormDocument {
  return {
    mode: 'browser',
    read: async () => new Uint8Array(await file.arrayBuffer()),
    select: async () => false,
    canAddRepeatingItem: () => false,
    addRepeatingItem: async () => false,
    markers: async () => null,
  };
}
