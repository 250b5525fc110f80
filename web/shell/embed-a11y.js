// A text mirror for screen readers: ImGui draws pixels only, which assistive technology
// cannot read. An off-canvas live region announces each step's explanation, and
// Alt+Shift+S opens a plain-text summary of the state (stack frames, heap blocks,
// resident pages) that a screen reader reads; Escape closes it and returns to the canvas.
// And the keyboard between the canvas and the page's own controls.
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  const hex = (n) => '0x' + Number(n).toString(16);

  // "Step 3 of 12: <what happened>".
  embed.stepAnnouncement = function (state) {
    const said = (state.events || []).map((e) => e.text).filter(Boolean).join(' ');
    return `Step ${state.step} of ${state.totalSteps}: ${said || (state.step === 0 ? 'the start, nothing has run yet.' : 'nothing to report.')}`;
  };

  // A slot's value as a person would say it: the C text where the engine gives one.
  const valueText = (s) => (!s.initialized ? 'uninitialised' : s.text !== undefined ? s.text : String(s.value));

  // The state in plain lines of text, as a person would read it: the line about to run,
  // the frames with their values, the blocks, the resident pages in hex (empty frames
  // counted, not listed), the output, and the question waiting for an answer.
  embed.stateSummary = function (state, quiz) {
    const lines = [`${state.title || 'memsim'}, step ${state.step} of ${state.totalSteps}.`];
    if (state.line > 0) lines.push(`Next to run: line ${state.line}.`);
    for (const p of state.processes || []) {
      const frames = p.stack.frames;
      lines.push(`Process ${p.pid} (${p.state}). Stack: ${frames.length} frame${frames.length === 1 ? '' : 's'}${frames.length ? ', newest last' : ''}.`);
      for (const f of frames) {
        const slots = f.slots.filter((s) => s.kind === 'argument' || s.kind === 'register argument' || s.kind === 'local')
          .map((s) => `${s.type ? s.type + ' ' : ''}${s.name || s.kind} = ${valueText(s)}`);
        lines.push(`  ${f.function}, frame at ${hex(f.frame_pointer)}${slots.length ? ': ' + slots.join(', ') : ''}.`);
      }
      const blocks = p.heap.blocks;
      const used = blocks.filter((b) => b.allocated).length;
      lines.push(`Heap: ${blocks.length} block${blocks.length === 1 ? '' : 's'}, ${used} allocated, ${blocks.length - used} free.`);
      const shownBlocks = blocks.slice(0, 40);
      for (const b of shownBlocks) {
        const what = b.allocated ? `allocated${b.type ? ' ' + b.type : ''} block` : 'free block';
        const leak = b.reach && b.reach !== 'reachable' ? `, ${b.reach.replace(/_/g, ' ')}` : '';
        lines.push(`  ${what} at ${hex(b.block)}, ${b.size} bytes${b.allocated ? `, ${b.requested} requested` : ''}${leak}.`);
      }
      if (blocks.length > shownBlocks.length) lines.push(`  and ${blocks.length - shownBlocks.length} more blocks.`);
    }
    if (state.vm) {
      const frames = state.vm.frames;
      const empty = frames.filter((f) => !f).length;
      lines.push(`Virtual memory (${state.vm.policy}): ${state.vm.faults} page faults, ${state.vm.hits} hits so far; ` +
        `${frames.length - empty} of ${frames.length} frames hold a page${empty ? `, ${empty} empty` : ''}.`);
      frames.forEach((f, i) => {
        if (f) lines.push(`  frame ${i}: page ${hex(f.page)}${f.owner ? ` of process ${f.owner}` : ''}${f.dirty ? ', dirty' : ''}.`);
      });
    }
    if (state.output) lines.push('Program output: ' + state.output);
    if (quiz && quiz.pending) {
      lines.push(`A question waits before step ${quiz.pending.step}: ${quiz.pending.ask}`);
      if (quiz.pending.choices && quiz.pending.choices.length) {
        lines.push('  Choices: ' + quiz.pending.choices.map((c, i) => `${i + 1}: ${c}`).join(', ') + '. Press the number to answer, S to skip.');
      } else {
        lines.push('  Type the answer in the Lesson panel.');
      }
    }
    return lines.join('\n');
  };

  // Emscripten's GLFW listens for keys on the whole window. Registered before the module
  // starts, this listener runs first and decides what reaches the app:
  // - a page control reached by keyboard (the toolbar, the state summary) keeps its keys:
  //   Space on Share no longer also plays the run (a control clicked with the mouse
  //   leaves the keys to the app, as before);
  // - Tab leaves the canvas for the page's buttons (GLFW would cancel it), unless the app
  //   is taking text (the Source editor, an answer box), where Tab is typed;
  // - F6 moves the keyboard between the app's panels (ui/keyboard_nav.hpp), not to the
  //   browser's address bar.
  let pageKeys = null;  // the state summary's keys, once the text mirror runs
  const onPageControl = () => {
    const e = document.activeElement;
    return !!e && e !== document.body && e.id !== 'canvas' && e.matches(':focus-visible');
  };
  window.addEventListener('keydown', (event) => {
    if (pageKeys && pageKeys(event)) { event.stopImmediatePropagation(); return; }
    if (onPageControl()) { event.stopImmediatePropagation(); return; }
    if (event.key === 'F6') { event.preventDefault(); return; }
    if (event.key !== 'Tab' || !window.memsim || !window.memsim.view) return;
    let typing = false;
    try { typing = !!window.memsim.view().wantsText; } catch (e) { /* not started yet */ }
    if (!typing) event.stopImmediatePropagation();
  }, true);

  // An Esc that nothing in the app took (platform/canvas.hpp): the keyboard goes to the
  // toolbar's first control; in an embed, which has no toolbar, the canvas lets it go.
  document.addEventListener('memsim-leave-canvas', () => {
    const first = document.querySelector('#toolbar input, #toolbar button, #toolbar summary');
    if (first) first.focus();
    if (document.activeElement !== first) document.getElementById('canvas').blur();
  });

  let live = null;
  let timer = 0;
  let lastSpoken = -1;

  function announce(memsim) {
    clearTimeout(timer);
    // While playing fast, speak the latest step only, at most twice a second.
    timer = setTimeout(() => {
      const state = memsim.state();
      if (state.ok === false || state.step === lastSpoken) return;
      lastSpoken = state.step;
      live.textContent = embed.stepAnnouncement(state);
    }, 150);
  }

  function toggleSummary(memsim) {
    const box = document.getElementById('state-summary');
    if (!box.hidden) { box.hidden = true; document.getElementById('canvas').focus(); return; }
    document.getElementById('state-summary-text').textContent = embed.stateSummary(memsim.state(), memsim.quiz());
    box.hidden = false;
    box.focus();
  }

  embed.startTextMirror = function (memsim) {
    live = document.getElementById('live-step');
    memsim.on('step', () => announce(memsim));
    memsim.on('load', () => { lastSpoken = -1; announce(memsim); });
    const box = document.getElementById('state-summary');
    document.getElementById('state-summary-close').addEventListener('click', () => toggleSummary(memsim));
    // Alt+Shift+S and Esc on the open summary are the page's, not the app's.
    pageKeys = (event) => {
      const toggle = (event.altKey && event.shiftKey && event.code === 'KeyS') || (event.key === 'Escape' && !box.hidden);
      if (toggle) { event.preventDefault(); toggleSummary(memsim); }
      return toggle;
    };
    // The canvas starts with the keyboard, so the first Tab reaches the toolbar; not in an
    // embed, where that would take the keyboard from the host page.
    if (!embed.embedded) document.getElementById('canvas').focus({ preventScroll: true });
  };
})();
