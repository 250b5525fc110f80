// The page never dies silently: a WebAssembly trap, a lost WebGL context or a module that
// stopped shows a readable notice with a Reload button, and the user's text is saved
// first (embed-storage.js brings it back after the reload). A restored WebGL context
// reloads the page by itself, since the app's GL objects died with the old one.
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  let shown = false;

  embed.trouble = function (message) {
    let saved = false;
    try { saved = embed.saveWork ? embed.saveWork() : false; } catch (e) { saved = false; }
    try { saved = saved || (!embed.embedded && !!window.localStorage.getItem('memsim.work')); } catch (e) { /* storage off */ }
    if (shown) return;
    shown = true;
    const status = document.getElementById('status');
    if (status) status.classList.add('hidden');  // the notice says it, with a button
    embed.notice(message + (saved ? ' Your text is saved and comes back when you reload.' : ' Reload the page to continue.'),
                 { kind: 'error', actions: [{ label: 'Reload', run: () => window.location.reload() }] });
  };

  window.addEventListener('memsim:trouble', (event) => embed.trouble(event.detail.message));
  // A trap inside the module's frame loop reaches the page as an uncaught error.
  window.addEventListener('error', (event) => {
    if (event.error instanceof WebAssembly.RuntimeError) embed.trouble('memsim stopped on an internal error (' + event.error.message + ').');
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason instanceof WebAssembly.RuntimeError) embed.trouble('memsim stopped on an internal error (' + event.reason.message + ').');
  });
  document.getElementById('canvas').addEventListener('webglcontextrestored', () => {
    try { if (embed.saveWork) embed.saveWork(); } catch (e) { /* reload anyway */ }
    window.location.reload();
  });
})();
