// excel.html: the Excel pane inside Excel, or the same pane over a picked .xlsx in a browser.
import './styles.css';
import { Api } from './api';
import { tokens } from './auth';
import { t } from './i18n';
import { officeDemandTable } from './office/excel';
import { detectHost } from './office/host';
import { ExcelPane } from './panes/excel-pane';
import { busy, byId, filePicker, languageToggle, message } from './panes/ui';

const api = new Api();
const host = await detectHost();
const pane = new ExcelPane(api, tokens(api), host === 'excel' ? Office : undefined);
pane.bind();
languageToggle(() => pane.render());

document.body.dataset.mode = host === 'excel' ? 'office' : 'browser';
byId('mode').textContent = t(host === 'excel' ? 'office.mode' : 'browser.mode');
byId('mode').dataset.i18n = host === 'excel' ? 'office.mode' : 'browser.mode';
await pane.run(() => busy('busy.reading', () => pane.loadRounds()));
if (host === 'excel') {
  byId('picker').hidden = true;
  pane.useSource({ kind: 'office', table: officeDemandTable() });
} else {
  byId('picker').hidden = false;
  filePicker('file', 'picker', '.xlsx', (file) => {
    message('');
    pane.useSource({ kind: 'file', file });
  });
}
document.body.dataset.ready = 'true';
