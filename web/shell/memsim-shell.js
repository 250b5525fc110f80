// The page around the WebAssembly module: checks for WebGL2, shows a loading line, loads
// memsim.js, and exposes window.memsimReady (a Promise of window.memsim) once the app
// has drawn its first frame. It runs no code it receives from elsewhere.
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
  const api = {
    version: () => Module.ccall('memsim_version', 'string', [], []),
    framesDrawn: () => framesDrawn,
  };

  // Called by the module (platform/web_canvas.cpp) after every frame.
  window.memsimShell = {
    onFrame(frames) {
      framesDrawn = frames;
      if (frames === 1) {
        statusLine.classList.add('hidden');
        window.memsim = api;
        resolveReady(api);
      }
    },
  };

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
