// Which host the pane runs in: Word, Excel, or a plain browser (Office.js absent, or loaded outside Office).
export type HostKind = 'word' | 'excel' | 'browser';

export async function detectHost(timeoutMs = 5000): Promise<HostKind> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return 'browser';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    const host = info?.host ?? office.context?.host;
    if (host === office.HostType?.Word) return 'word';
    if (host === office.HostType?.Excel) return 'excel';
    return 'browser';
  } catch {
    return 'browser';
  } finally {
    clearTimeout(timer);
  }
}

/** Office.context.requirements.isSetSupported, false when Office or the check is missing. */
export function isSetSupported(name: string, version: string, office = (globalThis as { Office?: typeof Office }).Office): boolean {
  try {
    return office?.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}
