// The page around the WebAssembly module: checks for WebGL2, shows a loading line, loads
// memsim.js, and exposes window.memsimReady (a Promise of window.memsim) once the app
// has drawn its first frame. window.memsim is the JS API (see docs/ui.md): every verb is
// one call of the module's memsim_call(verb, JSON argument) returning JSON. Files opened
// with the button or dropped on the page are loaded as scenario text. The page runs no
// code it receives from elsewhere: scenario text and settings are data only.
(function () {
  'use strict';
  const statusLine = document.getElementById('status');
  const canvas = document.getElementById('canvas');

  function showNotice(text) {
    statusLine.textContent = text;
    statusLine.classList.remove('hidden');
    statusLine.classList.add('error');
  }

  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  let resolveReady;
  let rejectReady;
  window.memsimReady = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  // A page that never awaits memsimReady must not see an unhandled rejection.
  window.memsimReady.catch(() => {});

  // Trouble is announced to the page's other scripts (shell/embed-recovery.js saves the
  // user's text and offers a reload) as well as shown.
  const trouble = (kind, message) => window.dispatchEvent(new CustomEvent('memsim:trouble', { detail: { kind, message } }));

  let framesDrawn = 0;
  let firstFrameMs = null;  // performance.now() at the first drawn frame (ms since navigation)
  const listeners = { step: [], load: [], error: [] };

  // One verb of the module's API. The argument goes through the heap (not the stack), so
  // a long scenario text cannot overflow the stack.
  function rawCall(verb, arg) {
    const text = JSON.stringify(arg === undefined ? null : arg);
    const size = Module.lengthBytesUTF8(text) + 1;
    const buffer = Module._malloc(size);
    try {
      Module.stringToUTF8(text, buffer, size);
      return JSON.parse(Module.ccall('memsim_call', 'string', ['string', 'number'], [verb, buffer]));
    } finally {
      Module._free(buffer);
    }
  }

  // Hands the module's step/load/error notifications to memsim.on() listeners.
  function notify() {
    for (const n of rawCall('notifications', null)) {
      for (const callback of listeners[n.name] || []) {
        try { callback(n.detail); } catch (e) { console.warn('memsim.on(' + n.name + ') listener failed:', e); }
      }
    }
  }

  const refusal = (message) => ({ ok: false, errors: [{ line: 0, column: 0, message }] });
  // The page's limits (embed-limits.js), with the same values when that script is absent.
  const limits = () => (window.memsimEmbed && window.memsimEmbed.limits) ||
                       { scenarioBytes: 1024 * 1024, messageChars: 2 * 1024 * 1024 };
  const count = (n) => Number(n).toLocaleString('en-US');

  // Sizes are checked here, before anything is copied into the module's memory: a 400 MB
  // string copied first would abort the module. A string's UTF-8 form has at least one
  // byte per UTF-16 unit, so a text longer than the limit in units is over it in bytes;
  // a shorter one is at most three times the limit, and the module checks its exact size.
  function tooLarge(arg) {
    const l = limits();
    if (typeof arg === 'string') {
      if (arg.length > l.scenarioBytes) {
        return `the text is too large (${count(arg.length)} characters; a scenario may have at most ${count(l.scenarioBytes)} bytes)`;
      }
      return null;
    }
    if (arg === null || typeof arg !== 'object') return null;
    let text;
    try {
      text = JSON.stringify(arg);
    } catch (e) {
      return 'the argument cannot be written as JSON (' + e.message + ')';
    }
    if (text !== undefined && text.length > l.messageChars) {
      return `the argument is too large (${count(text.length)} characters as JSON, at most ${count(l.messageChars)})`;
    }
    return null;
  }

  // A trap inside the module becomes an {ok: false} result and a notice, not a throw.
  function call(verb, arg) {
    const problem = tooLarge(arg);
    if (problem) return refusal('memsim.' + verb + ': ' + problem);
    let result;
    try {
      result = rawCall(verb, arg);
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      trouble('trap', 'memsim stopped on an internal error (' + e.message + ').');
      return { ok: false, errors: [{ line: 0, column: 0, message: 'memsim stopped on an internal error: ' + e.message }] };
    }
    notify();
    return result;
  }

  // memsim.perf({reset}): the UI's CPU time per frame over the last (up to 120) frames,
  // {frame_ms_mean, frame_ms_p95, frame_ms_max, frames, total_frames, first_frame_ms};
  // reset: true starts a new window after reading (see BENCHMARKS.md).
  function framePerf(options) {
    const reset = options && options.reset ? 1 : 0;
    const stats = JSON.parse(Module.ccall('memsim_perf', 'string', ['number'], [reset]));
    stats.first_frame_ms = firstFrameMs;
    return stats;
  }

  const api = {
    version: () => Module.ccall('memsim_version', 'string', [], []),
    framesDrawn: () => framesDrawn,
    load: (text) => call('load', text),
    loadBuiltin: (name) => call('loadBuiltin', name),
    builtins: () => call('builtins', null),
    step: (n = 1) => call('step', n),
    back: (n = 1) => call('back', n),
    seek: (step) => call('seek', step),
    runToEnd: () => call('runToEnd', null),
    state: () => call('state', null),
    set: (settings) => call('set', settings),
    course: () => call('course', null),
    quiz: () => call('quiz', null),
    answer: (text) => call('answer', text),
    skipQuestion: () => call('skipQuestion', null),
    quizMode: (on) => call('quizMode', on),
    quizProblem: (kind, seed = 1) => call('quizProblem', {kind, seed}),
    ostep: (commandLine) => call('ostep', commandLine),
    perf: (options) => framePerf(options),
    // For UI tests: {name: {x, y, width, height}} in page CSS pixels of the last frame's
    // windows ("window:Events", "title:Events") and named widgets ("source.edit", ...).
    debugWidgets() {
      const raw = rawCall('debugWidgets', null);
      const box = document.getElementById('canvas').getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;  // the module draws in device pixels
      const out = {};
      for (const [name, r] of Object.entries(raw)) {
        out[name] = { x: box.left + r.x / ratio, y: box.top + r.y / ratio, width: r.width / ratio, height: r.height / ratio };
      }
      return out;
    },
    // Around the simulation (web/ui/embed_api.hpp): view, playing, the text, export.
    view: (options) => call('view', options),
    play: (options) => call('play', options),
    pause: () => call('pause', null),
    speed: (stepsPerSecond) => call('speed', stepsPerSecond),
    source: () => call('source', null),
    draft: () => call('draft', null),
    runTable: (options) => call('runTable', options),
    // memsim.on('step' | 'load' | 'error', callback): returns a function that unsubscribes
    // (its .ok is true); misuse returns {ok: false, errors: [...]} like every other verb.
    on(name, callback) {
      const refuse = (message) => ({ ok: false, errors: [{ line: 0, column: 0, message }] });
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(listeners, name)) {
        return refuse('memsim.on: unknown event "' + String(name) + '" (step, load, error)');
      }
      if (typeof callback !== 'function') return refuse('memsim.on: the callback must be a function');
      listeners[name].push(callback);
      const off = () => { listeners[name] = listeners[name].filter((c) => c !== callback); };
      off.ok = true;
      return off;
    },
  };

  // Called by the module (platform/web_canvas.cpp) after every frame.
  window.memsimShell = {
    onFrame(frames) {
      framesDrawn = frames;
      if (frames === 1) {
        firstFrameMs = performance.now();
        statusLine.classList.add('hidden');
        rawCall('notifications', null);  // the default lesson's load is not news
        window.memsim = api;
        resolveReady(api);
        return;
      }
      notify();  // changes made in the UI (buttons, keys, the scrubber)
    },
  };

  // Open a scenario file: the button and drag and drop.
  function openFile(file) {
    if (!file || !window.memsim) return;
    // A large file is refused before it is read, let alone copied into the module.
    if (file.size > limits().scenarioBytes) {
      const message = `${file.name} is too large to open (${count(file.size)} bytes; a scenario may have at most ${count(limits().scenarioBytes)} bytes).`;
      if (window.memsimEmbed && window.memsimEmbed.notice) window.memsimEmbed.notice(message, { kind: 'error' });
      else showNotice(message);
      return;
    }
    file.text().then((text) => api.load(text));
  }
  const fileInput = document.getElementById('open-file-input');
  if (fileInput) fileInput.addEventListener('change', () => { openFile(fileInput.files[0]); fileInput.value = ''; });
  document.addEventListener('dragover', (event) => { event.preventDefault(); });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) openFile(event.dataTransfer.files[0]);
  });

  // Ctrl+V: the browser's paste event, right after the key, hands the app the text it
  // then pastes into the focused field; page controls with their own text fields keep
  // their paste.
  const pasteLimit = 1 << 20;
  document.addEventListener('paste', (event) => {
    const target = event.target;
    if (!window.memsim || (target && target !== canvas && target !== document.body &&
                           (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))) return;
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (!text) return;
    event.preventDefault();
    if (text.length > pasteLimit) {
      showNotice('That text is too long to paste (' + text.length + ' characters; the editor takes up to ' +
                 pasteLimit + '). Open it as a file instead.');
      return;
    }
    Module.ccall('memsim_paste', null, ['string'], [text]);
  });

  if (!hasWebGL2()) {
    showNotice('memsim needs WebGL2, which this browser or device does not offer. ' +
               'Try a current Firefox, Chrome, Edge or Safari, or turn on hardware acceleration.');
    rejectReady(new Error('WebGL2 is not available'));
    return;
  }

  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    showNotice('The graphics context was lost. Reload the page to continue.');
    trouble('webgl', 'The graphics context was lost.');
  });

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => { if (text && framesDrawn === 0) statusLine.textContent = text; },
    onAbort: (what) => {
      showNotice('memsim stopped unexpectedly (' + what + '). Reload the page to start again.');
      trouble('abort', 'memsim stopped unexpectedly (' + what + ').');
      rejectReady(new Error(String(what)));
    },
  };

  // The single-file build (tools/single_file.mjs) carries the module inline: the wasm as
  // base64 here, memsim.js in a script element after this one.
  if (window.memsimInline) {
    const bytes = atob(window.memsimInline.wasm);
    const wasm = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) wasm[i] = bytes.charCodeAt(i);
    window.Module.wasmBinary = wasm;
    delete window.memsimInline;
    return;
  }
  const script = document.createElement('script');
  script.src = 'memsim.js';
  script.async = true;
  script.onerror = () => {
    showNotice('memsim.js could not be loaded. Serve this folder over http (see README).');
    rejectReady(new Error('memsim.js failed to load'));
  };
  document.body.appendChild(script);
})();
