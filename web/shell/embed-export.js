// Export: the scenario file, the whole run as JSON or CSV (one row per step, from
// memsim.runTable()), and a PNG of the canvas. Everything is made in the page and saved
// through a download link; nothing is sent anywhere.
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};

  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  // A file name from the scenario's title: "Belady's anomaly" -> "beladys-anomaly".
  function baseName(title) {
    return (title || 'memsim').toLowerCase().replace(/['\u2019]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'memsim';
  }

  function table(memsim) {
    const t = memsim.runTable(null);
    if (!t.ok) embed.notice('Nothing to export: ' + t.errors[0].message, { kind: 'error' });
    else if (t.truncated) embed.notice(`The export holds the first ${embed.formatCount(t.rows.length)} of ${embed.formatCount(t.totalSteps)} steps (the export limit).`, { kind: 'warning' });
    return t.ok ? t : null;
  }

  // {memsim, title, scenario, totalSteps, truncated, steps: [{step, line, ...}]}
  embed.runJson = function (memsim = window.memsim) {
    const t = table(memsim);
    if (!t) return null;
    const steps = t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c, row[i]])));
    return { memsim: memsim.version(), title: t.title, scenario: memsim.source().text, totalSteps: t.totalSteps,
             truncated: t.truncated, columns: t.columns, steps };
  };

  // RFC 4180 CSV: a header row, then one row per step.
  embed.runCsv = function (memsim = window.memsim) {
    const t = table(memsim);
    if (!t) return null;
    const cell = (v) => { const s = String(v); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
    return [t.columns, ...t.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  };

  // The canvas as a PNG data URL. WebGL clears its buffer after showing a frame, so the
  // pixels are read in the animation frame right after the app has drawn.
  embed.canvasPng = function () {
    return new Promise((resolve) => {
      requestAnimationFrame(() => resolve(document.getElementById('canvas').toDataURL('image/png')));
    });
  };

  embed.exportScenario = function () {
    const memsim = window.memsim;
    if (!memsim) return;
    const draft = memsim.draft();
    const source = memsim.source();
    download(baseName(source.title) + '.msim', new Blob([draft.editing ? draft.text : source.text], { type: 'text/plain' }));
  };

  embed.exportJson = function () {
    const run = embed.runJson();
    if (run) download(baseName(run.title) + '-run.json', new Blob([JSON.stringify(run, null, 1)], { type: 'application/json' }));
  };

  embed.exportCsv = function () {
    const csv = embed.runCsv();
    if (csv) download(baseName(window.memsim.source().title) + '-run.csv', new Blob([csv], { type: 'text/csv' }));
  };

  embed.exportPng = async function () {
    const url = await embed.canvasPng();
    const binary = atob(url.slice(url.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const blob = new Blob([bytes], { type: 'image/png' });
    download(baseName(window.memsim.source().title) + '-step' + window.memsim.state().step + '.png', blob);
  };
})();
