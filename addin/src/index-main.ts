// The start page: inside Office it forwards to the host's pane; in a browser it leads to both panes and the template.
import './styles.css';
import { Api } from './api';
import { detectHost } from './office/host';
import { byId, el, languageToggle } from './panes/ui';

const api = new Api();
languageToggle(() => undefined);

const host = await detectHost();
if (host === 'word' || host === 'excel') {
  location.replace(`${host}.html${location.search}`);
} else {
  const form = byId<HTMLFormElement>('template-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = byId<HTMLInputElement>('demand-id').value.trim();
    if (id) location.href = api.url(`/api/templates/application?demandId=${encodeURIComponent(id)}`);
  });
  try {
    const demands = await api.demands('demo');
    const list = byId('demo-demands');
    list.replaceChildren(...demands.map((d) => el('li', {},
      el('a', { href: api.url(`/api/templates/application?demandId=${encodeURIComponent(d.id)}`) }, d.id), ` ${d.title}（${d.issuer}）`)));
  } catch { /* the list is a convenience; the form above still works */ }
  document.body.dataset.ready = 'true';
}
