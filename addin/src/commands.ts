// The manifest's function file: the ribbon buttons only show task panes, so it just has to initialise Office.js.
if (typeof Office !== 'undefined') void Office.onReady();
