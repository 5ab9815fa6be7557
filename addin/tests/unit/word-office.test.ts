import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { concat, officeFormDocument, readWholeFile, sliceSize } from '../../src/office/word';

type Callback<T> = (r: { status: string; value: T; error?: { name: string; code: number; message: string } }) => void;

/** Office.context.document.getFileAsync with slices of `size` bytes; records the calls. */
function fakeOffice(bytes: Uint8Array, slice: number, options: { failSlice?: number; sets?: string[] } = {}) {
  const log: string[] = [];
  const office = {
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: { isSetSupported: (name: string, v: string) => (options.sets ?? []).includes(`${name} ${v}`) },
      document: {
        getFileAsync(type: string, opts: { sliceSize: number }, cb: Callback<unknown>) {
          log.push(`getFile ${type} ${opts.sliceSize}`);
          cb({
            status: 'succeeded',
            value: {
              size: bytes.length,
              sliceCount: Math.ceil(bytes.length / slice),
              getSliceAsync(i: number, done: Callback<{ data: number[] }>) {
                log.push(`slice ${i}`);
                if (i === options.failSlice) done({ status: 'failed', value: { data: [] }, error: { name: 'Slice', code: 5001, message: 'broken' } });
                else done({ status: 'succeeded', value: { data: Array.from(bytes.subarray(i * slice, (i + 1) * slice)) } });
              },
              closeAsync(done: () => void) { log.push('close'); done(); },
            },
          });
        },
      },
    },
  };
  return { office: office as unknown as typeof Office, log };
}

const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);

describe('reading the whole document', () => {
  it('asks for the compressed file in 4 MB slices, reads every slice in order and closes the file', async () => {
    const { office, log } = fakeOffice(bytes, 4096);
    const read = await readWholeFile(office);
    expect(read).toEqual(bytes);
    expect(log).toEqual([`getFile compressed ${sliceSize}`, 'slice 0', 'slice 1', 'slice 2', 'close']);
    expect(sliceSize).toBe(4 * 1024 * 1024);
  });

  it('closes the file when a slice fails, and says which error the host gave', async () => {
    const { office, log } = fakeOffice(bytes, 4096, { failSlice: 1 });
    await expect(readWholeFile(office)).rejects.toThrow('Slice (5001): broken');
    expect(log.at(-1)).toBe('close');
  });

  it('refuses slices that do not add up to the file size', () => {
    expect(() => concat([new Uint8Array(3), new Uint8Array(2)], 6)).toThrow(/6 bytes but its slices hold 5/);
    expect(concat([Uint8Array.of(1, 2), Uint8Array.of(3)], 3)).toEqual(Uint8Array.of(1, 2, 3));
  });
});

/** Word mocked with office-addin-mock: content controls by tag, each recording its selection. */
function wordMock(controlsPerTag: Record<string, number>, extra: Record<string, unknown> = {}) {
  const selected: string[] = [];
  const byTag = (tag: string) => ({
    items: Array.from({ length: controlsPerTag[tag] ?? 0 }, (_, n) => ({
      select: () => { selected.push(`${tag}#${n}`); },
      repeatingSectionContentControl: {
        repeatingSectionItems: {
          load() { return this; },
          items: [{ insertItemAfter: () => { selected.push(`insert after ${tag}`); return { range: { select: () => undefined } }; } }],
        },
      },
    })),
  });
  const data = {
    context: {
      document: {
        // Collections live in the mock's tree, so context.sync() fills in what was loaded.
        contentControls: {
          byTag: Object.fromEntries([...Object.keys(controlsPerTag), 'applicant.name'].map((tag) => [tag, byTag(tag)])),
          getByTag: function (this: { byTag: Record<string, unknown> }, tag: string) { return this.byTag[tag]; },
        },
        ...extra,
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) { return batch(this.context); },
  };
  return { word: new OfficeMockObject(data) as unknown as typeof Word, selected };
}

describe('Word content controls', () => {
  it('selects the n-th control with the tag (document order, from 0)', async () => {
    const { word, selected } = wordMock({ 'member.name': 3 });
    const doc = officeFormDocument(fakeOffice(bytes, 4096).office, word);
    expect(await doc.select('member.name', 2)).toBe(true);
    expect(selected).toEqual(['member.name#2']);
  });

  it('answers false when the document has fewer controls with that tag', async () => {
    const { word, selected } = wordMock({ 'member.name': 1 });
    const doc = officeFormDocument(fakeOffice(bytes, 4096).office, word);
    expect(await doc.select('member.name', 1)).toBe(false);
    expect(await doc.select('applicant.name', 0)).toBe(false);
    expect(selected).toEqual([]);
  });

  it('adds a repeating item only where WordApiDesktop 1.3 is supported', async () => {
    const { word, selected } = wordMock({ coApplicants: 1 });
    const without = officeFormDocument(fakeOffice(bytes, 4096).office, word);
    expect(without.canAddRepeatingItem()).toBe(false);
    expect(await without.addRepeatingItem('coApplicants')).toBe(false);
    expect(selected).toEqual([]);

    const withSet = officeFormDocument(fakeOffice(bytes, 4096, { sets: ['WordApiDesktop 1.3'] }).office, word);
    expect(withSet.canAddRepeatingItem()).toBe(true);
    expect(await withSet.addRepeatingItem('coApplicants')).toBe(true);
    expect(selected).toEqual(['insert after coApplicants']);
  });

  it('reads the markers from the custom document properties (WordApi 1.3)', async () => {
    const properties = { customProperties: { items: [{ key: 'templateVersion', value: '1.0' }, { key: 'demandId', value: 'DEMO-BM-02' }, { key: 'roundId', value: 'demo' }, { key: 'other', value: 'x' }] } };
    const { word } = wordMock({}, { properties });
    expect(await officeFormDocument(fakeOffice(bytes, 4096, { sets: ['WordApi 1.3'] }).office, word).markers())
      .toEqual({ templateVersion: '1.0', demandId: 'DEMO-BM-02', roundId: 'demo' });
    expect(await officeFormDocument(fakeOffice(bytes, 4096).office, word).markers()).toBeNull();
  });
});
