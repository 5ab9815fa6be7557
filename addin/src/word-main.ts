// word.html: the Word pane inside Word, or the same pane over a picked .docx in a browser.
import './styles.css';
import { Api } from './api';
import { tokens } from './auth';
import { t } from './i18n';
import { detectHost } from './office/host';
import { fileFormDocument, officeFormDocument } from './office/word';
import { WordPane } from './panes/word-pane';
import { byId, filePicker, languageToggle, message } from './panes/ui';

const api = new Api();
const pane = new WordPane(api, tokens(api));
pane.bind();
languageToggle(() => pane.render());

const host = await detectHost();
document.body.dataset.mode = host === 'word' ? 'office' : 'browser';
byId('mode').textContent = t(host === 'word' ? 'office.mode' : 'browser.mode');
byId('mode').dataset.i18n = host === 'word' ? 'office.mode' : 'browser.mode';
if (host === 'word') {
  byId('picker').hidden = true;
  await pane.useDocument(officeFormDocument());
} else {
  byId('picker').hidden = false;
  byId('signin').hidden = false;
  filePicker('file', 'picker', '.docx', (file) => {
    message('');
    void pane.useDocument(fileFormDocument(file), file.name).then(() => pane.run(() => pane.check()));
  });
}
document.body.dataset.ready = 'true';
