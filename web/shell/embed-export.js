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

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  async function frames(n) { for (let i = 0; i < n; i++) await nextFrame(); }

  // The panel windows of the last frame, without the app's own strips.
  function panelRects(memsim) {
    const rects = memsim.debugWidgets();
    const strips = new Set(['window:Controls', 'window:##panel-tabs', 'window:##status', 'window:##MainMenuBar',
                            'window:Debug##Default']);
    return Object.entries(rects).filter(([k]) => k.startsWith('window:') && !strips.has(k));
  }

  // A slide of one panel: presentation mode (the focused panel fills the window with
  // large text) drawn at `scale` times the screen's resolution, cropped to the panel.
  // Resolves to {ok, name, width, height, url} (a PNG data URL), or {ok: false, message}.
  embed.panelSlide = async function (scale = 2, memsim = window.memsim) {
    const wasPresenting = memsim.view().present;
    memsim.view({ present: true });
    window.memsimExportScale = scale * (window.devicePixelRatio || 1);
    try {
      await frames(4);  // the canvas grows, fonts are rebuilt, the panel is placed
      const panels = panelRects(memsim);
      if (!panels.length) return { ok: false, message: 'no panel is shown' };
      const [key, r] = panels[0];
      const canvas = document.getElementById('canvas');
      // debugWidgets() gives CSS pixels; the canvas's own pixels are what is cropped.
      const box = canvas.getBoundingClientRect();
      const px = canvas.width / box.width;
      const x = (r.x - box.left) * px, y = (r.y - box.top) * px, w = r.width * px, h = r.height * px;
      const url = await new Promise((resolve) => requestAnimationFrame(() => {
        const crop = document.createElement('canvas');
        crop.width = Math.round(w);
        crop.height = Math.round(h);
        crop.getContext('2d').drawImage(canvas, x, y, w, h, 0, 0, crop.width, crop.height);
        resolve(crop.toDataURL('image/png'));
      }));
      return { ok: true, name: key.slice('window:'.length), width: Math.round(w), height: Math.round(h), url };
    } finally {
      window.memsimExportScale = undefined;
      if (!wasPresenting) memsim.view({ present: false });
      await frames(2);
    }
  };

  function dataUrlBlob(url, type) {
    const binary = atob(url.slice(url.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type });
  }

  embed.exportPanelPng = async function (scale = 2) {
    const slide = await embed.panelSlide(scale);
    if (!slide.ok) { embed.notice('No slide was made: ' + slide.message + '.', { kind: 'warning' }); return; }
    download(`${baseName(window.memsim.source().title)}-${baseName(slide.name)}-step${window.memsim.state().step}@${scale}x.png`,
             dataUrlBlob(slide.url, 'image/png'));
  };

  // The steps from `from` to `to` as a WebM video of the canvas (MediaRecorder), one step
  // every 1/stepsPerSecond seconds: an animation for slides. Resolves to {ok, blob} or
  // {ok: false, message} (a browser that cannot record the canvas).
  embed.recordSteps = async function (from, to, stepsPerSecond = 2, memsim = window.memsim) {
    const canvas = document.getElementById('canvas');
    if (!canvas.captureStream || typeof MediaRecorder === 'undefined') return { ok: false, message: 'this browser cannot record the canvas' };
    const stream = canvas.captureStream(30);
    const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks = [];
    recorder.ondataavailable = (e) => { if (e.data && e.data.size) chunks.push(e.data); };
    const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
    // Questions must not hold the recorded steps; the learner's quiz mode comes back after.
    const quizWas = memsim.quiz().mode === true;
    memsim.quizMode(false);
    try {
      memsim.seek(from);
      recorder.start(250);
      const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      for (let step = from; ; step++) {
        await wait(1000 / stepsPerSecond);
        if (step >= to) break;
        memsim.seek(step + 1);
      }
      // A busy machine's encoder can start late: keep the last step on screen until the
      // first piece of video arrives (up to 5 s) rather than hand out an empty file.
      for (const until = Date.now() + 5000; !chunks.length && Date.now() < until;) await wait(100);
      recorder.stop();
      await stopped;
    } finally {
      stream.getTracks().forEach((t) => t.stop());
      if (quizWas) memsim.quizMode(true);
    }
    if (!chunks.length) return { ok: false, message: 'the browser delivered no video frames' };
    return { ok: true, blob: new Blob(chunks, { type: 'video/webm' }) };
  };

  // Asks for the steps to export, "from-to" (at most 200 apart); null when cancelled or wrong.
  embed.askSteps = function (what, memsim = window.memsim) {
    const now = memsim.state().step;
    const text = window.prompt(`Record which steps as ${what}? (from-to)`, `${Math.max(0, now - 3)}-${now}`);
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text || '');
    if (!m) return null;
    const from = Number(m[1]), to = Math.min(Number(m[2]), memsim.state().totalSteps);
    if (to <= from || to - from > 200) { embed.notice('Pick up to 200 steps, the first smaller than the last.', { kind: 'warning' }); return null; }
    return { from, to };
  };
  embed.download = download;
  embed.baseName = baseName;

  embed.exportSteps = async function () {
    const memsim = window.memsim;
    const range = embed.askSteps('a video');
    if (!range) return;
    const { from, to } = range;
    const recorded = await embed.recordSteps(from, to);
    if (!recorded.ok) { embed.notice('Recording failed: ' + recorded.message + '.', { kind: 'error' }); return; }
    download(`${baseName(memsim.source().title)}-steps${from}-${to}.webm`, recorded.blob);
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
