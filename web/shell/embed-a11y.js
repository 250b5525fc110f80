// A text mirror for screen readers: ImGui draws pixels only, which assistive technology
// cannot read. An off-canvas live region announces each step's explanation, and
// Alt+Shift+S opens a plain-text summary of the state (stack frames, heap blocks,
// resident pages) that a screen reader reads; Escape closes it and returns to the canvas.
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  const hex = (n) => '0x' + Number(n).toString(16);

  // "Step 3 of 12: <what happened>".
  embed.stepAnnouncement = function (state) {
    const said = (state.events || []).map((e) => e.text).filter(Boolean).join(' ');
    return `Step ${state.step} of ${state.totalSteps}: ${said || (state.step === 0 ? 'the start, nothing has run yet.' : 'nothing to report.')}`;
  };

  // The state in plain lines of text.
  embed.stateSummary = function (state) {
    const lines = [`${state.title || 'memsim'}, step ${state.step} of ${state.totalSteps}.`];
    for (const p of state.processes || []) {
      const frames = p.stack.frames;
      lines.push(`Process ${p.pid} (${p.state}). Stack: ${frames.length} frame${frames.length === 1 ? '' : 's'}${frames.length ? ', newest last' : ''}.`);
      for (const f of frames) {
        const slots = f.slots.filter((s) => s.kind === 'argument' || s.kind === 'register argument' || s.kind === 'local')
          .map((s) => `${s.name || s.kind} = ${s.initialized ? s.value : 'uninitialised'}`);
        lines.push(`  ${f.function}, frame at ${hex(f.frame_pointer)}${slots.length ? ': ' + slots.join(', ') : ''}.`);
      }
      const blocks = p.heap.blocks;
      const used = blocks.filter((b) => b.allocated).length;
      lines.push(`Heap: ${blocks.length} block${blocks.length === 1 ? '' : 's'}, ${used} allocated, ${blocks.length - used} free.`);
      for (const b of blocks) lines.push(`  ${b.allocated ? 'allocated' : 'free'} block at ${hex(b.block)}, ${b.size} bytes${b.allocated ? `, ${b.requested} requested` : ''}.`);
    }
    if (state.vm) {
      const resident = state.vm.frames.map((f, i) => (f ? `frame ${i}: page ${f.page}${f.owner ? ` of process ${f.owner}` : ''}${f.dirty ? ', dirty' : ''}` : `frame ${i}: empty`));
      lines.push(`Virtual memory (${state.vm.policy}): ${state.vm.faults} page faults, ${state.vm.hits} hits so far. Resident pages:`);
      for (const r of resident) lines.push('  ' + r + '.');
    }
    if (state.output) lines.push('Program output: ' + state.output);
    return lines.join('\n');
  };

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
    document.getElementById('state-summary-text').textContent = embed.stateSummary(memsim.state());
    box.hidden = false;
    box.focus();
  }

  embed.startTextMirror = function (memsim) {
    live = document.getElementById('live-step');
    memsim.on('step', () => announce(memsim));
    memsim.on('load', () => { lastSpoken = -1; announce(memsim); });
    const box = document.getElementById('state-summary');
    document.getElementById('state-summary-close').addEventListener('click', () => toggleSummary(memsim));
    document.addEventListener('keydown', (event) => {
      if (event.altKey && event.shiftKey && event.code === 'KeyS') { event.preventDefault(); toggleSummary(memsim); }
      else if (event.key === 'Escape' && !box.hidden) { event.preventDefault(); toggleSummary(memsim); }
    }, true);
  };
})();
