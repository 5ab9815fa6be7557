import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { developmentId, developmentOrigin, manifestFor, productionOrigin } from '../../scripts/manifest-for-origin.mjs';
import { all, children, limits, ns, orderProblems, parse, resources, urls } from './manifest-rules';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (p: string) => readFileSync(root + p, 'utf8');

const variants = [
  { file: 'manifest/manifest.xml', origin: productionOrigin },
  { file: 'manifest/manifest.dev.xml', origin: developmentOrigin },
];

describe.each(variants)('$file', ({ file, origin }) => {
  const xml = read(file);
  const doc = parse(xml);
  const app = doc.documentElement;
  const text = (name: string) => all(doc, name)[0]?.textContent?.trim() ?? '';

  it('is a task-pane app in the add-in manifest namespaces', () => {
    expect(app.localName).toBe('OfficeApp');
    expect(app.namespaceURI).toBe(ns.app);
    expect(app.getAttributeNS(ns.xsi, 'type')).toBe('TaskPaneApp');
    expect(all(doc, 'VersionOverrides')[0].namespaceURI).toBe(ns.ov);
    expect(all(doc, 'VersionOverrides')[0].getAttributeNS(ns.xsi, 'type')).toBe('VersionOverridesV1_0');
  });

  it('keeps the schema order and required elements', () => {
    expect(orderProblems(doc)).toEqual([]);
    // Not required by the schema, but by this add-in: ribbon commands need the overrides' hosts and a function file.
    expect(all(doc, 'DesktopFormFactor').map((d) => children(d).map((c) => c.localName))).toEqual([
      ['GetStarted', 'FunctionFile', 'ExtensionPoint'], ['GetStarted', 'FunctionFile', 'ExtensionPoint']]);
  });

  it('has a GUID id, a four-part version and a locale', () => {
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text('Version')).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(text('DefaultLocale')).toBe('zh-CN');
  });

  it('runs in Word and Excel with read/write access to the document', () => {
    const topHosts = children(children(app).find((e) => e.localName === 'Hosts')!).map((h) => h.getAttribute('Name'));
    expect(topHosts).toEqual(['Document', 'Workbook']);
    const overrideHosts = all(doc, 'Host').filter((h) => h.getAttributeNS(ns.xsi, 'type')).map((h) => h.getAttributeNS(ns.xsi, 'type'));
    expect(overrideHosts).toEqual(['Document', 'Workbook']);
    expect(text('Permissions')).toBe('ReadWriteDocument');
    // Host-specific API sets at the top would hide the add-in from the other host.
    expect(children(app).some((e) => e.localName === 'Requirements')).toBe(false);
  });

  it('has one ribbon button per host that shows its own pane', () => {
    const buttons = all(doc, 'Control').filter((c) => c.getAttributeNS(ns.xsi, 'type') === 'Button');
    expect(buttons).toHaveLength(2);
    const ids = [...all(doc, 'Control'), ...all(doc, 'Group')].map((c) => c.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of buttons) {
      const action = children(b).find((c) => c.localName === 'Action')!;
      expect(action.getAttributeNS(ns.xsi, 'type')).toBe('ShowTaskpane');
    }
    const { defined } = resources(doc);
    const pages = buttons.map((b) => all(doc, 'SourceLocation').find((s) => b.contains(s as unknown as Node))!.getAttribute('resid')!);
    expect(pages).toEqual(['Word.Url', 'Excel.Url']);
    expect(pages.every((p) => defined.get(p) === 'url')).toBe(true);
  });

  it('uses https on the service origin for every URL', () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(10);
    for (const url of found) {
      expect(url.length).toBeLessThanOrEqual(limits.url);
      expect(new URL(url).protocol).toBe('https:');
      expect(new URL(url).origin).toBe(origin);
    }
  });

  it('points only at pages and icons the add-in build has', () => {
    for (const url of urls(doc)) {
      const path = new URL(url).pathname;
      if (path === '/') continue;
      const source = path.endsWith('.html') ? `addin${path}` : `addin/public${path}`;
      expect(existsSync(root + source), source).toBe(true);
    }
  });

  it('defines every resid it references, with the right kind, and uses every resource', () => {
    const { defined, referenced } = resources(doc);
    for (const r of referenced) expect(defined.get(r.resid), `${r.where} → ${r.resid}`).toBe(r.kind);
    expect([...defined.keys()].filter((id) => !referenced.some((r) => r.resid === id))).toEqual([]);
    const ids = all(doc, 'Resources').flatMap(children).flatMap(children).map((r) => r.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of defined.keys()) expect(id.length).toBeLessThanOrEqual(limits.resourceId);
  });

  it('has the three icon sizes on every icon', () => {
    for (const icon of all(doc, 'Icon')) {
      expect(children(icon).map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);
    }
  });

  it('keeps strings within the schema lengths', () => {
    const values = (e: Element) => [e.getAttribute('DefaultValue') ?? '', ...children(e).map((o) => o.getAttribute('Value') ?? '')];
    const check = (elements: Element[], max: number) => {
      expect(elements.length).toBeGreaterThan(0);
      for (const e of elements) for (const v of values(e)) {
        expect(v.length, v).toBeGreaterThan(0);
        expect(v.length, v).toBeLessThanOrEqual(max);
      }
    };
    check(children(app).filter((e) => e.localName === 'DisplayName'), limits.displayName);
    check(children(app).filter((e) => e.localName === 'Description'), limits.description);
    expect(text('ProviderName').length).toBeLessThanOrEqual(limits.providerName);
    check(all(doc, 'ShortStrings').flatMap(children), limits.shortString);
    check(all(doc, 'LongStrings').flatMap(children), limits.longString);
  });

  it('gives every override an en-US translation', () => {
    for (const o of all(doc, 'Override')) expect(o.getAttribute('Locale')).toBe('en-US');
    expect(all(doc, 'String').every((s) => children(s).some((o) => o.localName === 'Override'))).toBe(true);
  });
});

describe('manifest variants', () => {
  it('the development manifest is the production one for the local origin, with its own id', () => {
    const production = read('manifest/manifest.xml');
    expect(read('manifest/manifest.dev.xml')).toBe(manifestFor(production, developmentOrigin, developmentId, '开发', 'dev'));
    expect(developmentId).not.toBe(/<Id>([^<]+)<\/Id>/.exec(production)![1]);
  });

  it('the checks catch a broken manifest', () => {
    expect(() => parse('<OfficeApp><Id></OfficeApp>')).toThrow(/well-formed/);
    const swapped = read('manifest/manifest.xml').replace('  <Permissions>ReadWriteDocument</Permissions>\n', '')
      .replace('  <DefaultSettings>', '  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    expect(orderProblems(parse(swapped))).toContain('OfficeApp: DefaultSettings after Permissions');
    const http = parse(read('manifest/manifest.xml').replace('https://docs.strongchain.example/word.html', 'http://docs.strongchain.example/word.html'));
    expect(urls(http).some((u) => u.startsWith('http:'))).toBe(true);
    const { defined, referenced } = resources(parse(read('manifest/manifest.xml').replace('resid="Word.Url"', 'resid="Word.Missing"')));
    expect(referenced.some((r) => !defined.has(r.resid))).toBe(true);
  });
});
