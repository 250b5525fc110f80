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

  let framesDrawn = 0;
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

  function call(verb, arg) {
    const result = rawCall(verb, arg);
    notify();
    return result;
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
    // memsim.on('step' | 'load' | 'error', callback): returns a function that unsubscribes.
    on(name, callback) {
      if (!listeners[name]) throw new Error('memsim.on: unknown event "' + name + '" (step, load, error)');
      if (typeof callback !== 'function') throw new Error('memsim.on: the callback must be a function');
      listeners[name].push(callback);
      return () => { listeners[name] = listeners[name].filter((c) => c !== callback); };
    },
  };

  // Called by the module (platform/web_canvas.cpp) after every frame.
  window.memsimShell = {
    onFrame(frames) {
      framesDrawn = frames;
      if (frames === 1) {
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
    file.text().then((text) => api.load(text));
  }
  const fileInput = document.getElementById('open-file-input');
  if (fileInput) fileInput.addEventListener('change', () => { openFile(fileInput.files[0]); fileInput.value = ''; });
  document.addEventListener('dragover', (event) => { event.preventDefault(); });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) openFile(event.dataTransfer.files[0]);
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
  });

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => { if (text && framesDrawn === 0) statusLine.textContent = text; },
    onAbort: (what) => {
      showNotice('memsim stopped unexpectedly (' + what + '). Reload the page to start again.');
      rejectReady(new Error(String(what)));
    },
  };

  const script = document.createElement('script');
  script.src = 'memsim.js';
  script.async = true;
  script.onerror = () => {
    showNotice('memsim.js could not be loaded. Serve this folder over http (see README).');
    rejectReady(new Error('memsim.js failed to load'));
  };
  document.body.appendChild(script);
})();
