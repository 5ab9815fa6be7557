// Offline checks of an XML add-in-only manifest (the official validator posts to an online service).
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';

export const ns = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

/**
 * Sequences of the schema for the elements this manifest uses: OfficeApp (TaskPaneApp) as in "How to find the proper order
 * of manifest elements" (learn.microsoft.com), the rest from TaskPaneAppVersionOverridesV1_0 ([MS-OWEMXML]).
 */
export const sequences: Record<string, { order: string[]; required: string[] }> = {
  OfficeApp: {
    order: ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
      'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides'],
    required: ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'],
  },
  VersionOverrides: { order: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'], required: [] },
  DesktopFormFactor: { order: ['GetStarted', 'FunctionFile', 'ExtensionPoint'], required: ['ExtensionPoint'] },
  GetStarted: { order: ['Title', 'Description', 'LearnMoreUrl'], required: ['Title', 'Description'] },
  Group: { order: ['Label', 'Icon', 'Control'], required: ['Label', 'Icon', 'Control'] },
  Control: { order: ['Label', 'Supertip', 'Icon', 'Action'], required: ['Label', 'Supertip', 'Icon', 'Action'] },
  Supertip: { order: ['Title', 'Description'], required: ['Title', 'Description'] },
  Action: { order: ['TaskpaneId', 'SourceLocation', 'Title'], required: ['SourceLocation'] },
  Resources: { order: ['Images', 'Urls', 'ShortStrings', 'LongStrings'], required: [] },
};

/** Lengths from the schema's simple types. */
export const limits = { displayName: 125, description: 250, providerName: 250, shortString: 125, longString: 250, resourceId: 32, url: 2048 };

export function parse(xml: string): Document {
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } })
      .parseFromString(xml, 'text/xml');
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e)); // xmldom throws on fatal errors
  }
  if (errors.length > 0 || !doc) throw new Error(`not well-formed: ${errors.join('; ')}`);
  return doc as unknown as Document;
}

export const children = (e: Element | XmlElement): Element[] =>
  Array.from((e as Element).childNodes).filter((n): n is Element => n.nodeType === 1);

export function all(doc: Document, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS('*', localName));
}

/** Problems with the order and presence of children, for every element that has a sequence above. */
export function orderProblems(doc: Document): string[] {
  const problems: string[] = [];
  for (const [name, seq] of Object.entries(sequences)) {
    for (const element of all(doc, name)) {
      const names = children(element).map((c) => c.localName);
      let last = -1;
      for (const child of names) {
        const at = seq.order.indexOf(child);
        if (at < 0) problems.push(`${name}: unexpected ${child}`);
        else if (at < last) problems.push(`${name}: ${child} after ${seq.order[last]}`);
        else last = at;
      }
      for (const required of seq.required) {
        if (!names.includes(required)) problems.push(`${name}: missing ${required}`);
      }
    }
  }
  return problems;
}

/** Every URL-valued place of the manifest: element text, DefaultValue and Value attributes that look like URLs. */
export function urls(doc: Document): string[] {
  const found: string[] = [];
  for (const e of Array.from(doc.getElementsByTagNameNS('*', '*'))) {
    for (const attribute of ['DefaultValue', 'Value']) {
      const v = e.getAttribute(attribute);
      if (v && /^[a-z]+:\/\//i.test(v)) found.push(v);
    }
    if (['AppDomain', 'SourceLocation'].includes(e.localName) && children(e).length === 0 && e.textContent?.trim()) {
      found.push(e.textContent.trim());
    }
  }
  return found;
}

/** Resource ids by kind, and the resid references with the kind each place needs. */
export function resources(doc: Document) {
  const defined = new Map<string, string>();
  const kinds: Record<string, string> = { Images: 'image', Urls: 'url', ShortStrings: 'short', LongStrings: 'long' };
  for (const [group, kind] of Object.entries(kinds)) {
    for (const g of all(doc, group)) for (const r of children(g)) defined.set(r.getAttribute('id') ?? '', kind);
  }
  const referenced: { resid: string; kind: string; where: string }[] = [];
  for (const e of Array.from(doc.getElementsByTagNameNS('*', '*'))) {
    const resid = e.getAttribute('resid');
    if (!resid) continue;
    const parent = (e.parentNode as Element).localName;
    const kind = e.localName === 'Image' ? 'image'
      : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(e.localName) ? 'url'
        : e.localName === 'Description' && ['Supertip', 'GetStarted'].includes(parent) ? 'long'
          : 'short';
    referenced.push({ resid, kind, where: `${parent}/${e.localName}` });
  }
  return { defined, referenced };
}
