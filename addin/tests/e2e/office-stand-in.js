// A stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js, served by page.route() in the e2e tests.
// The test prepends `window.__standIn = {host, file (base64), sliceSize, properties, sets, table, controlsPerTag}`.
// It records what the pane asks of the host in window.__standIn.calls.
(function () {
  var cfg = window.__standIn;
  var calls = (cfg.calls = []);
  var bytes = cfg.file ? Uint8Array.from(atob(cfg.file), function (c) { return c.charCodeAt(0); }) : new Uint8Array(0);
  var Succeeded = 'succeeded';
  function ok(value) { return { status: Succeeded, value: value }; }
  function later(cb, v) { setTimeout(function () { cb(v); }, 0); }

  var file = {
    size: bytes.length,
    sliceCount: Math.max(1, Math.ceil(bytes.length / cfg.sliceSize)),
    getSliceAsync: function (i, cb) {
      calls.push({ op: 'getSlice', index: i });
      // The real host hands slices as arrays of byte values.
      later(cb, ok({ index: i, size: 0, data: Array.from(bytes.subarray(i * cfg.sliceSize, (i + 1) * cfg.sliceSize)) }));
    },
    closeAsync: function (cb) { calls.push({ op: 'closeFile' }); later(cb || function () {}, ok()); },
  };

  function collection(items) { return { items: items, load: function () { return this; } }; }
  function syncable(run) {
    var context = run();
    context.sync = function () { return Promise.resolve(); };
    return context;
  }

  window.Office = {
    HostType: { Word: 'Word', Excel: 'Excel' },
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: Succeeded, Failed: 'failed' },
    onReady: function () { return Promise.resolve({ host: cfg.host, platform: 'PC' }); },
    context: {
      host: cfg.host,
      requirements: { isSetSupported: function (name, v) { return (cfg.sets || []).indexOf(name + ' ' + v) >= 0; } },
      document: {
        getFileAsync: function (type, options, cb) {
          calls.push({ op: 'getFile', type: type, sliceSize: options && options.sliceSize });
          later(cb, ok(file));
        },
      },
      ui: { openBrowserWindow: function (url) { calls.push({ op: 'openBrowserWindow', url: url }); } },
    },
    auth: { getAccessToken: function () { calls.push({ op: 'sso' }); return Promise.reject({ code: 13012, message: 'no SSO in the stand-in' }); } },
  };

  window.Word = {
    run: function (batch) {
      return Promise.resolve().then(function () {
        return batch(syncable(function () {
          return {
            document: {
              contentControls: {
                getByTag: function (tag) {
                  var items = [];
                  for (var n = 0; n < (cfg.controlsPerTag || 1); n++) {
                    (function (n) {
                      items.push({
                        select: function () { calls.push({ op: 'select', tag: tag, ordinal: n }); },
                        repeatingSectionContentControl: {
                          repeatingSectionItems: collection([{
                            insertItemAfter: function () {
                              calls.push({ op: 'insertItemAfter', tag: tag });
                              return { range: { select: function () {} } };
                            },
                          }]),
                        },
                      });
                    })(n);
                  }
                  return collection(items);
                },
              },
              properties: { customProperties: collection(cfg.properties || []) },
            },
          };
        }));
      });
    },
  };

  window.Excel = {
    run: function (batch) {
      var t = cfg.table || { headers: [], rows: [] };
      function range(values, address) {
        return {
          values: values, rowCount: values.length, address: address,
          load: function () { return this; },
          select: function () { calls.push({ op: 'selectRange', address: address }); },
        };
      }
      function letters(i) { var s = ''; i++; while (i > 0) { var r = (i - 1) % 26; s = String.fromCharCode(65 + r) + s; i = Math.floor((i - 1) / 26); } return s; }
      return Promise.resolve().then(function () {
        return batch(syncable(function () {
          return {
            workbook: {
              tables: {
                getItem: function (name) {
                  calls.push({ op: 'table', name: name });
                  var body = range(t.rows, 'Body');
                  body.getCell = function (r, c) { return range([[t.rows[r][c]]], '榜单!' + letters(c) + (r + 2)); };
                  body.getRow = function (r) { return range([t.rows[r]], '榜单!A' + (r + 2) + ':' + letters(t.headers.length - 1) + (r + 2)); };
                  return { getHeaderRowRange: function () { return range([t.headers], 'Header'); }, getDataBodyRange: function () { return body; } };
                },
              },
            },
          };
        }));
      });
    },
  };
})();
