// URL parameters for course pages: which lesson, where, how fast, which panels, and
// settings overrides (docs/embedding.md). Reading is a pure function; a bad or unknown
// value becomes a readable problem and the default is kept: a URL never breaks the page.
//   ?scenario=belady-fifo&step=5&autoplay=1&speed=4&panels=vm,events&embed=1&theme=light
//   &frames=4&policy=lru&allocator=implicit-best&pagesize=4096&origins=https://course.example
//   ?ostep=paging-policy.py%20-s%203%20-p%20LRU   (an OSTEP homework problem instead of ?scenario=)
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};

  const yesNo = { '1': true, 'true': true, 'yes': true, 'on': true, '0': false, 'false': false, 'no': false, 'off': false };
  const wholeNumber = (text, low, high) => (/^\d{1,10}$/.test(text) && Number(text) >= low && Number(text) <= high ? Number(text) : null);
  const word = (text) => (/^[a-z0-9][a-z0-9_-]{0,39}$/i.test(text) ? text : null);
  const origin = (text) => {
    try { const u = new URL(text); return u.origin === text.replace(/\/$/, '') && u.origin !== 'null' ? u.origin : null; } catch (e) { return null; }
  };

  // name: [check(text) -> value or null, what a good value looks like]
  const known = {
    scenario: [word, 'a built-in scenario name such as belady-fifo'],
    ostep: [(t) => (/^[\x20-\x7e]{1,300}$/.test(t) ? t : null), 'an OSTEP homework command such as paging-policy.py -s 3 -p LRU'],
    step: [(t) => wholeNumber(t, 0, 10000000), 'a whole number of steps, 0 or more'],
    autoplay: [(t) => (t in yesNo ? yesNo[t] : null), '1 or 0'],
    speed: [(t) => (/^\d+(\.\d+)?$/.test(t) && Number(t) >= 0.25 && Number(t) <= 1000 ? Number(t) : null), 'steps per second from 0.25 to 1000'],
    panels: [(t) => (/^[a-z-]+(,[a-z-]+)*$/.test(t) ? t : null), 'a list such as stack,heap (source, stack, heap, vm, events, statistics)'],
    embed: [(t) => (t in yesNo ? yesNo[t] : null), '1 or 0'],
    theme: [(t) => (t === 'dark' || t === 'light' ? t : null), 'dark or light'],
    frames: [(t) => wholeNumber(t, 1, 1048576), 'a whole number of frames from 1 to 1048576'],
    policy: [word, 'a replacement policy such as fifo, lru, clock or opt'],
    allocator: [word, 'an allocator such as implicit-best, explicit-lifo, segregated or buddy'],
    pagesize: [(t) => { const n = wholeNumber(t, 1, 1073741824); return n !== null && (n & (n - 1)) === 0 ? n : null; }, 'a power of two up to 1073741824'],
    origins: [(t) => { const list = t.split(',').map((o) => origin(o.trim())); return list.every((o) => o) ? list : null; }, 'a comma-separated list of origins such as https://course.example'],
  };
  embed.knownParams = Object.keys(known);
  embed.settingParams = ['frames', 'policy', 'allocator', 'pagesize'];

  // The parameters of a query string: {params: {name: value}, problems: [text]}.
  embed.readParams = function (search) {
    const params = {};
    const problems = [];
    if (search.length > embed.limits.urlChars) {
      return { params, problems: [`The address is too long (${embed.formatCount(search.length)} characters, at most ${embed.formatCount(embed.limits.urlChars)}); its parameters are ignored.`] };
    }
    let query;
    try { query = new URLSearchParams(search); } catch (e) { return { params, problems: ['The address has malformed parameters; they are ignored.'] }; }
    for (const [name, text] of query) {
      const shown = name.length > 40 ? name.slice(0, 40) + '\u2026' : name;
      if (!Object.prototype.hasOwnProperty.call(known, name)) {
        problems.push(`Unknown URL parameter "${shown}" is ignored (known: ${embed.knownParams.join(', ')}).`);
        continue;
      }
      const [check, expected] = known[name];
      const value = check(text.trim());
      if (value === null) {
        const shownValue = text.length > 60 ? text.slice(0, 60) + '\u2026' : text;
        problems.push(`URL parameter ${name}="${shownValue}" is not valid: it needs ${expected}. The default is used.`);
      } else {
        params[name] = value;
      }
    }
    return { params, problems };
  };

  // The scenario of ?scenario=, the settings overrides and ?step=, on a loaded app.
  // Returns the problems found (a bad value is undone, so the default stays).
  embed.applyScenarioParams = function (memsim, params) {
    const problems = [];
    if (params.scenario !== undefined) {
      const names = memsim.builtins();
      if (names.includes(params.scenario)) memsim.loadBuiltin(params.scenario);
      else problems.push(`There is no built-in scenario "${params.scenario}"; the default lesson is shown. Built-ins: ${names.join(', ')}.`);
    }
    if (params.ostep !== undefined) {
      const reply = memsim.ostep(params.ostep);
      if (!reply.ok) problems.push(`URL parameter ostep="${params.ostep}" makes no problem here: ${reply.errors[0].message}. The default lesson is shown.`);
    }
    for (const name of embed.settingParams) {
      if (params[name] === undefined) continue;
      const before = memsim.source();
      const reply = memsim.set({ [name]: params[name] });
      if (reply.ok) continue;
      problems.push(`URL parameter ${name}=${params[name]} cannot be used here: ${reply.errors[0].message}. The scenario's own value is kept.`);
      if (before.builtin) memsim.loadBuiltin(before.builtin); else memsim.load(before.text);  // undo the failed edit
    }
    if (params.step !== undefined) {
      memsim.quizMode(false);  // a link to a step is a jump: a lesson's questions must not hold it
      const reply = memsim.seek(params.step);
      if (reply.ok && reply.step < params.step) problems.push(`Step ${params.step} is past the end of this run (${reply.totalSteps} steps); showing the last step.`);
    }
    return problems;
  };

  // ?embed=, ?panels=, ?theme=, then ?speed= and ?autoplay=.
  embed.applyViewParams = function (memsim, params) {
    const problems = [];
    for (const name of ['embed', 'panels', 'theme']) {
      if (params[name] === undefined) continue;
      const reply = memsim.view({ [name]: params[name] });
      if (!reply.ok) problems.push(`URL parameter ${name}: ${reply.errors[0].message}. The default is used.`);
    }
    if (params.autoplay) memsim.quizMode(false);  // playing by itself: no question holds the run
    if (params.autoplay) memsim.play(params.speed !== undefined ? { speed: params.speed } : null);
    else if (params.speed !== undefined) memsim.speed(params.speed);
    return problems;
  };
})();
