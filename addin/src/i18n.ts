// Chinese by default, English on request; the choice is kept per browser.
export type Lang = 'zh' | 'en';

const zh = {
  'app.title': '强链工程文档助手',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'start.title': '强链工程文档助手',
  'start.intro': '无需安装 Office：选择或拖入文件即可检查申报书、校验需求清单。在 Word / Excel 中加载加载项后，同样的窗格出现在文档旁边。',
  'start.word': '揭榜任务申报书（Word）',
  'start.wordHint': '检查申报书、按章节查看问题、提交并取得回执。',
  'start.apply': '网页填报（无需 Word）',
  'start.applyHint': '在网页上逐项填写申报书，随时检查，草稿保存在本浏览器，填好后提交或下载 Word 申报书。',
  'start.excel': '需求清单（Excel）',
  'start.excelHint': '校验、导入需求清单，生成榜单（工作人员）。',
  'start.dashboard': '工作专班看板',
  'start.dashboardHint': '各批次的申报、入选、协议、创新联合体与支持资金，图表展示，可导出 Excel（工作人员）。',
  'start.template': '下载申报书模板',
  'start.templateHint': '输入需求编号（演示批次如 DEMO-BM-02）下载预填需求信息的申报书。',
  'start.demandId': '需求编号',
  'start.download': '下载',
  'start.demands': '当前可申报的需求（演示批次）',
  'word.title': '揭榜任务申报书',
  'word.demand': '申报需求：',
  'word.demandUnknown': '尚未识别：点“检查”读取申报书中的需求编号。',
  'word.check': '检查',
  'word.submit': '提交',
  'word.addCoApplicant': '添加联合单位',
  'word.addCoApplicantDone': '已在“三、联合揭榜单位”末尾添加一项，请填写。',
  'word.addCoApplicantHow': '当前 Word 不支持由加载项添加重复项：请在 Word 中点击“三、联合揭榜单位”表格末行右侧的“+”添加一项。',
  'word.addCoApplicantBrowser': '请在 Word 中打开申报书，点击“三、联合揭榜单位”表格末行右侧的“+”添加一项，保存后重新选择文件。',
  'word.findings': '检查结果',
  'word.noFindings': '没有发现问题。',
  'word.complete': '内容完整',
  'word.incomplete': '内容不完整',
  'word.eligible': '符合申报条件',
  'word.notEligible': '不符合申报条件',
  'word.summary': '{errors} 个错误，{warnings} 个提醒',
  'word.selected': '已定位到“{field}”。',
  'word.selectBrowser': '“{field}”（第 {n} 个同名字段）：请在 Word 中打开文件后修改。',
  'word.selectMissing': '文档中找不到该字段，请检查是否被删除。',
  'word.receipt': '提交成功',
  'word.receiptNo': '回执编号',
  'word.version': '版本',
  'word.sha256': '文件 SHA-256',
  'word.submittedAt': '提交时间',
  'word.submitBlocked': '申报书仍有错误，请先修改。',
  'word.creditCode': '申报单位统一社会信用代码（开发环境登录）',
  'word.signInNeeded': '请输入 18 位统一社会信用代码后再提交。',
  'excel.title': '需求清单',
  'excel.round': '批次',
  'excel.validate': '校验',
  'excel.import': '导入',
  'excel.bulletin': '生成榜单',
  'excel.findings': '校验结果',
  'excel.noFindings': '没有发现问题，可以导入。',
  'excel.valid': '校验通过：{n} 条需求。',
  'excel.imported': '已导入 {n} 条需求。',
  'excel.rejected': '需求清单有错误，未导入任何需求。',
  'excel.bulletinReady': '榜单已生成：{n} 条需求。',
  'excel.openDocx': '打开榜单（Word）',
  'excel.downloadPdf': '下载 PDF',
  'excel.row': '第 {n} 行',
  'excel.wholeTable': '整张表',
  'excel.selected': '已选中 {cell}。',
  'excel.selectBrowser': '{cell}：请在 Excel 中打开文件后修改。',
  'browser.pickDocx': '选择申报书（.docx），或拖到这里',
  'browser.pickXlsx': '选择需求清单（.xlsx），或拖到这里',
  'browser.file': '文件：{name}',
  'browser.noFile': '请先选择文件。',
  'browser.wrongType': '请选择 {ext} 文件。',
  'browser.mode': '浏览器模式',
  'office.mode': 'Office 模式',
  'busy.reading': '正在读取文档…',
  'busy.checking': '正在检查…',
  'busy.submitting': '正在提交…',
  'busy.signingIn': '正在登录…',
  'busy.validating': '正在校验…',
  'busy.importing': '正在导入…',
  'busy.bulletin': '正在生成榜单…',
  'busy.adding': '正在添加…',
  'error.network': '无法连接服务，请稍后再试。',
  'error.generic': '出错了：{message}',
  'severity.error': '错误',
  'severity.warning': '提醒',
  'section.other': '其他',
  'apply.title': '揭榜任务申报书（网页填报）',
  'apply.open': '打开',
  'apply.hint': '无需 Word：按栏目填写，系统随时检查；草稿保存在本浏览器中。填好后可提交，或下载 Word 申报书。',
  'apply.download': '下载 Word 申报书',
  'apply.clear': '清除草稿',
  'apply.addRow': '添加一行（{label}）',
  'apply.removeRow': '删除',
  'apply.maxRows': '“{label}”最多 {max} 项。',
  'apply.noSeal': '网页填报不能加盖公章：请下载 Word 申报书，盖章后按要求提交纸质材料。',
  'apply.draftSaved': '草稿已保存在本浏览器（{time}）。',
  'apply.draftRestored': '已恢复本浏览器中保存的草稿。',
  'apply.draftCleared': '草稿已清除。',
  'apply.draftUnavailable': '本浏览器不允许保存草稿。',
  'apply.downloadFailed': '未能生成 Word 申报书，请稍后重试。',
  'apply.creditCodeFirst': '请先填写“统一社会信用代码”：提交以该单位身份进行。',
  'apply.signInUnavailable': '无法登录：请稍后重试。',
  'back': '返回首页',
} as const;

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'app.title': 'Strong Chain Docs',
  'lang.switch': '中文',
  'lang.switchLabel': '切换到中文',
  'start.title': 'Strong Chain Docs',
  'start.intro': 'No Office needed: pick or drop a file to check an application form or validate a demand list. With the add-in loaded in Word or Excel, the same panes sit beside the document.',
  'start.word': 'Application form (Word)',
  'start.wordHint': 'Check the form, see problems by section, submit and get a receipt.',
  'start.apply': 'Apply on the web (no Word)',
  'start.applyHint': 'Fill in the form as a web page, checked as you go, the draft kept in this browser; submit it or download the Word form.',
  'start.excel': 'Demand list (Excel)',
  'start.excelHint': 'Validate and import the demand list, generate the bulletin (staff).',
  'start.dashboard': 'Task force dashboard',
  'start.dashboardHint': 'Applications, selections, agreements, consortia and support per round, as charts and as Excel (staff).',
  'start.template': 'Download the form template',
  'start.templateHint': 'Enter a demand id (demo round: e.g. DEMO-BM-02) to download the form with the demand filled in.',
  'start.demandId': 'Demand id',
  'start.download': 'Download',
  'start.demands': 'Demands open now (demo round)',
  'word.title': 'Application form',
  'word.demand': 'Demand: ',
  'word.demandUnknown': 'Not known yet: choose Check to read the demand id from the form.',
  'word.check': 'Check',
  'word.submit': 'Submit',
  'word.addCoApplicant': 'Add joint applicant',
  'word.addCoApplicantDone': 'An item was added at the end of "3. Joint applicants": fill it in.',
  'word.addCoApplicantHow': 'This Word cannot add repeating items from an add-in: in Word, click the + at the right of the last row of "3. Joint applicants".',
  'word.addCoApplicantBrowser': 'Open the form in Word and click the + at the right of the last row of "3. Joint applicants", save, then pick the file again.',
  'word.findings': 'Findings',
  'word.noFindings': 'No problems found.',
  'word.complete': 'Complete',
  'word.incomplete': 'Incomplete',
  'word.eligible': 'Eligible',
  'word.notEligible': 'Not eligible',
  'word.summary': '{errors} errors, {warnings} warnings',
  'word.selected': 'Moved to "{field}".',
  'word.selectBrowser': '"{field}" (field no. {n} with this tag): open the file in Word to change it.',
  'word.selectMissing': 'The document has no such field: was it deleted?',
  'word.receipt': 'Submitted',
  'word.receiptNo': 'Receipt no.',
  'word.version': 'Version',
  'word.sha256': 'File SHA-256',
  'word.submittedAt': 'Submitted at',
  'word.submitBlocked': 'The form still has errors: fix them first.',
  'word.creditCode': "Applicant's unified social credit code (development sign-in)",
  'word.signInNeeded': 'Enter the 18-character credit code before submitting.',
  'excel.title': 'Demand list',
  'excel.round': 'Round',
  'excel.validate': 'Validate',
  'excel.import': 'Import',
  'excel.bulletin': 'Generate bulletin',
  'excel.findings': 'Findings',
  'excel.noFindings': 'No problems found: ready to import.',
  'excel.valid': 'Valid: {n} demands.',
  'excel.imported': 'Imported {n} demands.',
  'excel.rejected': 'The demand list has errors: nothing was imported.',
  'excel.bulletinReady': 'Bulletin generated: {n} demands.',
  'excel.openDocx': 'Open the bulletin (Word)',
  'excel.downloadPdf': 'Download PDF',
  'excel.row': 'Row {n}',
  'excel.wholeTable': 'Whole table',
  'excel.selected': 'Selected {cell}.',
  'excel.selectBrowser': '{cell}: open the file in Excel to change it.',
  'browser.pickDocx': 'Choose the form (.docx), or drop it here',
  'browser.pickXlsx': 'Choose the demand list (.xlsx), or drop it here',
  'browser.file': 'File: {name}',
  'browser.noFile': 'Choose a file first.',
  'browser.wrongType': 'Choose a {ext} file.',
  'browser.mode': 'Browser mode',
  'office.mode': 'Office mode',
  'busy.reading': 'Reading the document…',
  'busy.checking': 'Checking…',
  'busy.submitting': 'Submitting…',
  'busy.signingIn': 'Signing in…',
  'busy.validating': 'Validating…',
  'busy.importing': 'Importing…',
  'busy.bulletin': 'Generating the bulletin…',
  'busy.adding': 'Adding…',
  'error.network': 'Cannot reach the service: try again later.',
  'error.generic': 'Something went wrong: {message}',
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'section.other': 'Other',
  'apply.title': 'Application form (web)',
  'apply.open': 'Open',
  'apply.hint': 'No Word needed: fill in the sections and the form is checked as you go; the draft stays in this browser. Submit when done, or download the Word form.',
  'apply.download': 'Download the Word form',
  'apply.clear': 'Clear the draft',
  'apply.addRow': 'Add a row ({label})',
  'apply.removeRow': 'Remove',
  'apply.maxRows': '“{label}” takes at most {max} items.',
  'apply.noSeal': 'A web form cannot carry the seal: download the Word form, seal it and hand in the paper copy as asked.',
  'apply.draftSaved': 'Draft saved in this browser ({time}).',
  'apply.draftRestored': 'The draft saved in this browser was restored.',
  'apply.draftCleared': 'Draft cleared.',
  'apply.draftUnavailable': 'This browser does not allow keeping a draft.',
  'apply.downloadFailed': 'The Word form could not be made; try again later.',
  'apply.creditCodeFirst': 'Fill in the credit code first: you submit as that organisation.',
  'apply.signInUnavailable': 'Could not sign in; try again later.',
  'back': 'Start page',
};

const dictionaries: Record<Lang, Record<Key, string>> = { zh, en };
const storageKey = 'strongchain.lang';
let current: Lang = initial();
const listeners: (() => void)[] = [];

function initial(): Lang {
  const fromUrl = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch { /* storage may be blocked in a sandboxed pane */ }
  return 'zh';
}

export const lang = (): Lang => current;

export function setLang(value: Lang): void {
  current = value;
  try { globalThis.localStorage?.setItem(storageKey, value); } catch { /* see initial() */ }
  for (const l of listeners) l();
}

export const onLangChange = (listener: () => void): void => { listeners.push(listener); };

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A server message in the current language (findings and problems carry both). */
export const pick = (m: { message?: string | null; messageEn?: string | null }): string =>
  (current === 'en' ? m.messageEn || m.message : m.message || m.messageEn) ?? '';

/** Fills every element with data-i18n="key" under root, and sets the document language. */
export function translate(root: ParentNode = document): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    el.textContent = t(el.dataset.i18n as Key);
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-label]'))) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as Key));
  }
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}
