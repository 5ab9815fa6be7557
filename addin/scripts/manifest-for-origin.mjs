// Writes the manifest for another origin (and add-in id) from manifest/manifest.xml, so variants cannot drift apart.
// Usage: node scripts/manifest-for-origin.mjs https://localhost:5081 [id] [labelZh labelEn] > ../manifest/manifest.dev.xml
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const productionOrigin = 'https://docs.strongchain.example';
export const developmentOrigin = 'https://localhost:5081';
export const developmentId = '76bfa5eb-d1e7-4ce2-99aa-c29821ce8cf1';

export function manifestFor(source, origin, id, labelZh, labelEn) {
  if (!/^https:\/\/[^/]+$/.test(origin)) throw new Error(`origin must be https://host[:port] without a path: ${origin}`);
  const productionId = /<Id>([^<]+)<\/Id>/.exec(source)[1];
  let xml = source.split(productionOrigin).join(origin).replace(`<Id>${productionId}</Id>`, `<Id>${id}</Id>`);
  xml = xml.replace('Production origin.', `Generated for ${origin} by addin/scripts/manifest-for-origin.mjs.`);
  if (labelZh) {
    xml = xml.replace('<DisplayName DefaultValue="强链工程文档助手">', `<DisplayName DefaultValue="强链工程文档助手（${labelZh}）">`)
      .replace('<Override Locale="en-US" Value="Strong Chain Docs"/>', `<Override Locale="en-US" Value="Strong Chain Docs (${labelEn ?? labelZh})"/>`);
  }
  return xml;
}

export const manifestPath = fileURLToPath(new URL('../../manifest/manifest.xml', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [origin = developmentOrigin, id = developmentId, labelZh = '开发', labelEn = 'dev'] = process.argv.slice(2);
  process.stdout.write(manifestFor(readFileSync(manifestPath, 'utf8'), origin, id, labelZh, labelEn));
}
