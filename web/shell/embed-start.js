// Starts the page's course features once the module is ready, in this order: a shared
// link (#s=...) restores exactly its text and step; else ?scenario= or ?ostep=, the settings
// overrides and ?step= apply; a plain address opens the saved work instead. Then the
// view (?embed=, ?panels=, ?theme=), playing, the text mirror, saving and iframe
// messages. Every problem becomes a notice. window.memsimEmbed.ready resolves when done.
(function () {
  'use strict';
  const embed = window.memsimEmbed;
  const { params, problems } = embed.readParams(window.location.search);
  embed.params = params;
  embed.embedded = params.embed === true;
  if (embed.embedded) document.documentElement.classList.add('embed');

  // The toolbar: Share, Export, Recent (Open file is wired by memsim-shell.js).
  const on = (id, run) => { const el = document.getElementById(id); if (el) el.addEventListener('click', run); };
  on('share-button', () => embed.share());
  for (const button of document.querySelectorAll('[data-export]')) {
    const run = { scenario: 'exportScenario', json: 'exportJson', csv: 'exportCsv', png: 'exportPng', panel: 'exportPanelPng',
                  steps: 'exportSteps', gif: 'exportGif' }[button.dataset.export];
    button.addEventListener('click', () => { embed[run](); button.closest('details').open = false; });
  }

  async function start(memsim) {
    const found = [...problems];
    const link = await embed.readPermalink(window.location.hash);
    if (link && link.ok) {
      const loaded = memsim.load(link.text);
      if (!loaded.ok) found.push('The shared scenario has errors (see Source): ' + loaded.errors[0].message);
      memsim.quizMode(false);  // the shared step is shown as it was, past any question
      memsim.seek(link.step);
    } else {
      if (link) found.push(link.message);
      const plain = !embed.embedded && !link && ['scenario', 'ostep', 'step', ...embed.settingParams].every((n) => params[n] === undefined);
      if (plain) embed.restoreWork(memsim);
      found.push(...embed.applyScenarioParams(memsim, params));
    }
    found.push(...embed.applyViewParams(memsim, params));
    // A plain first visit (no link, no parameters) is greeted once by the app.
    if (!link && Object.keys(params).length === 0) memsim.view({ welcome: true });
    for (const text of found) embed.notice(text);
    embed.startTextMirror(memsim);
    embed.startSaving(memsim);
    embed.startMessages(memsim, params.origins);
  }

  embed.ready = window.memsimReady.then(start).catch((e) => {
    if (window.memsim) embed.notice('Starting the course features failed: ' + String(e && e.message || e), { kind: 'error' });
  });
})();
