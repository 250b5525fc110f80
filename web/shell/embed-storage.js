// Saved work: the scenario being worked on (the editor's unsaved text too) is written to
// localStorage as it changes and when the page goes away, so a reload or a crashed tab
// loses nothing typed; the plain page opens on it again. A Recent list keeps the last
// scenarios. Storage that is full or missing is said in a notice, never silently.
//   localStorage["memsim.work"]   = {text | builtin, step, editing, title, savedAt}
//   localStorage["memsim.recent"] = [{title, text | builtin, savedAt}, ...] newest first
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  const WORK = 'memsim.work';
  const RECENT = 'memsim.recent';
  let warned = false;
  let lastDraftRevision = -1;
  let timer = 0;

  function read(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }

  function warn(text) {
    if (warned) return;
    warned = true;
    embed.notice(text, { kind: 'error', actions: [{ label: 'Export scenario file', run: () => embed.exportScenario && embed.exportScenario() }] });
  }

  // Writes one key; when storage is full, drops the oldest Recent entries and tries again.
  function write(key, value) {
    const text = JSON.stringify(value);
    for (;;) {
      try {
        window.localStorage.setItem(key, text);
        return true;
      } catch (e) {
        const recent = read(RECENT);
        if (key !== RECENT && Array.isArray(recent) && recent.length > 0) {
          recent.pop();
          try { window.localStorage.setItem(RECENT, JSON.stringify(recent)); } catch (e2) { window.localStorage.removeItem(RECENT); }
          continue;
        }
        const full = e && (e.name === 'QuotaExceededError' || e.code === 22);
        warn(full ? 'This browser\u2019s storage for memsim is full, so your text is not being saved. Export it as a file to keep it.'
                  : 'This browser does not let memsim save your text (storage is off). Export it as a file to keep it.');
        return false;
      }
    }
  }

  // The work now: the editor's unsaved text when it is open, else the loaded text; null
  // when the module cannot say (after a trap), so the last good save is kept.
  function currentWork(memsim) {
    const draft = memsim.draft();
    const source = memsim.source();
    const state = memsim.state();
    if (typeof source.text !== 'string' || typeof draft.editing !== 'boolean') return null;
    const work = { step: state.step || 0, title: source.title, editing: draft.editing, savedAt: Date.now() };
    if (draft.editing) work.text = draft.text;
    else if (source.builtin) work.builtin = source.builtin;
    else work.text = source.text;
    return work;
  }

  embed.saveWork = function () {
    const memsim = window.memsim;
    if (!memsim || embed.embedded) return false;  // an embedded lesson is the teacher's, not saved
    const work = currentWork(memsim);
    return work !== null && write(WORK, work);
  };

  embed.recent = () => (Array.isArray(read(RECENT)) ? read(RECENT) : []);

  function remember(memsim) {
    const source = memsim.source();
    if (!source.text || embed.embedded) return;
    const entry = source.builtin ? { title: source.title, builtin: source.builtin } : { title: source.title || 'untitled', text: source.text };
    const same = (e) => (entry.builtin ? e.builtin === entry.builtin : e.text === entry.text);
    const list = [{ ...entry, savedAt: Date.now() }, ...embed.recent().filter((e) => !same(e))].slice(0, embed.limits.recentScenarios);
    write(RECENT, list);
    renderRecent();
  }

  function open(entry, memsim) {
    if (entry.builtin) memsim.loadBuiltin(entry.builtin);
    else memsim.load(entry.text);
  }

  function renderRecent() {
    const list = document.getElementById('recent-list');
    if (!list) return;
    list.textContent = '';
    for (const entry of embed.recent()) {
      const item = document.createElement('button');
      item.type = 'button';
      item.textContent = (entry.title || 'untitled') + (entry.builtin ? ' (built-in)' : '');
      item.title = 'Saved ' + new Date(entry.savedAt).toLocaleString();
      item.addEventListener('click', () => { open(entry, window.memsim); document.getElementById('recent').open = false; });
      list.appendChild(item);
    }
    if (!list.firstChild) list.textContent = 'Nothing yet';
  }

  // The plain page opens on the saved work. Returns true when it restored something.
  embed.restoreWork = function (memsim) {
    const work = read(WORK);
    if (!work || (typeof work.text !== 'string' && typeof work.builtin !== 'string')) return false;
    if (work.builtin) {
      if (!memsim.loadBuiltin(work.builtin).ok) return false;
    } else {
      const loaded = memsim.load(work.text);
      embed.notice(loaded.ok ? 'Your text from ' + new Date(work.savedAt).toLocaleString() + ' is back.'
                             : 'Your text from ' + new Date(work.savedAt).toLocaleString() + ' is back; it has errors (see Source).',
                   { kind: 'info', timeout: 6000 });
    }
    if (work.step) memsim.seek(work.step);
    return true;
  };

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(embed.saveWork, 300);
  }

  embed.startSaving = function (memsim) {
    renderRecent();
    memsim.on('load', () => { remember(memsim); schedule(); });
    memsim.on('error', schedule);
    memsim.on('step', schedule);
    // The editor's text changes without a notification: look at its revision twice a second.
    setInterval(() => {
      const revision = memsim.draft().revision;
      if (revision !== lastDraftRevision) { lastDraftRevision = revision; schedule(); }
    }, 500);
    window.addEventListener('pagehide', embed.saveWork);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') embed.saveWork(); });
  };
})();
