// Small DOM helpers shared by the panes: elements, the progress indicator, messages, the language switch.
import { lang, onLangChange, setLang, t, translate, type Key } from '../i18n';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    e.setAttribute(name, value === true ? '' : value);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} is missing from the page`);
  return e as T;
};

/** Shows the progress indicator and disables the actions while work runs; one wait at a time. */
export async function busy<T>(key: Key, work: () => Promise<T>): Promise<T> {
  const progress = byId('progress');
  const actions = Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-action]'));
  progress.hidden = false;
  progress.setAttribute('aria-busy', 'true');
  byId('progress-text').textContent = t(key);
  for (const b of actions) b.disabled = true;
  try {
    return await work();
  } finally {
    progress.hidden = true;
    progress.removeAttribute('aria-busy');
    for (const b of actions) b.disabled = false;
  }
}

export function message(text: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  const m = byId('message');
  m.textContent = text;
  m.className = `message ${kind}`;
  m.hidden = text === '';
}

/** The header's language button; rerender runs after every switch. */
export function languageToggle(rerender: () => void): void {
  const button = byId<HTMLButtonElement>('lang');
  const apply = () => {
    translate();
    button.textContent = t('lang.switch');
    button.setAttribute('aria-label', t('lang.switchLabel'));
    rerender();
  };
  button.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(apply);
  apply();
}

/** A file input plus a drop zone; calls back with a file of the right extension. */
export function filePicker(inputId: string, zoneId: string, extension: string, onFile: (file: File) => void): void {
  const input = byId<HTMLInputElement>(inputId);
  const zone = byId(zoneId);
  const take = (file: File | undefined) => {
    if (!file) return;
    if (!file.name.toLowerCase().endsWith(extension)) {
      message(t('browser.wrongType', { ext: extension }), 'error');
      return;
    }
    onFile(file);
  };
  input.addEventListener('change', () => take(input.files?.[0]));
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    take(e.dataTransfer?.files?.[0]);
  });
}
