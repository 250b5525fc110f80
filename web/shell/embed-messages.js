// iframe messages: a parent page drives an embedded memsim with window.postMessage,
// using the verbs of the JS API (docs/embedding.md):
//   parent -> memsim  {memsim: "call", id: 7, verb: "step", arg: 2}
//   memsim -> parent  {memsim: "reply", id: 7, result: {ok: true, step: 2, totalSteps: 12}}
//   memsim -> parent  {memsim: "ready", version}  once, and {memsim: "step" | "load" | "error", detail}
// Only messages from the parent window, from an allowed origin (?origins=, when given),
// that are plain data of this shape are acted on; anything else is ignored, or answered
// with {ok: false, errors} when it is a call with a usable id. Nothing received is ever
// run as code: the verb picks one of a fixed set of API functions.
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  const verbs = ['load', 'loadBuiltin', 'builtins', 'step', 'back', 'seek', 'runToEnd', 'state', 'set',
                 'play', 'pause', 'speed', 'view', 'source', 'quizMode'];
  const pending = [];
  let memsim = null;
  let allowed = null;       // null = any origin
  let parentOrigin = null;  // where notifications go: the first allowed caller's origin

  const failure = (message) => ({ ok: false, errors: [{ line: 0, column: 0, message }] });
  const validId = (id) => (typeof id === 'string' && id.length > 0 && id.length <= embed.limits.messageIdChars) ||
                          (typeof id === 'number' && Number.isFinite(id));

  // The call's problem in words, or '' when it is well-formed.
  function problem(data) {
    if (!verbs.includes(data.verb)) return `unknown verb "${String(data.verb).slice(0, 40)}" (${verbs.join(', ')})`;
    const keys = Object.keys(data).filter((k) => !['memsim', 'id', 'verb', 'arg'].includes(k));
    if (keys.length) return `unexpected field "${keys[0].slice(0, 40)}" (a call has memsim, id, verb, arg)`;
    let size = 0;
    try { size = JSON.stringify(data.arg === undefined ? null : data.arg).length; } catch (e) { return 'arg is not plain JSON data'; }
    if (size > embed.limits.messageChars) return `the message is too large (${embed.formatCount(size)} characters as JSON, at most ${embed.formatCount(embed.limits.messageChars)})`;
    return '';
  }

  function reply(target, origin, message) {
    try { target.postMessage(message, origin === 'null' ? '*' : origin); } catch (e) { /* the parent went away */ }
  }

  function handle(event) {
    if (!memsim) {
      if (pending.length < embed.limits.pendingMessages) pending.push(event);
      return;
    }
    if (allowed && !allowed.includes(event.origin)) return;  // (queued calls are checked here, once the list is known)
    const data = event.data;
    const answer = (result) => reply(event.source, event.origin, { memsim: 'reply', id: data.id, result });
    const why = problem(data);
    if (why) { answer(failure(why)); return; }
    if (parentOrigin === null) parentOrigin = event.origin;
    const arg = data.arg === undefined ? null : data.arg;
    let result;
    try {
      result = data.verb === 'runToEnd' || data.verb === 'state' || data.verb === 'builtins' || data.verb === 'pause' || data.verb === 'source'
        ? memsim[data.verb]() : memsim[data.verb](arg);
    } catch (e) {
      result = failure('memsim could not do this: ' + String(e && e.message || e));
    }
    answer(result);
  }

  window.addEventListener('message', (event) => {
    if (window.parent === window || event.source !== window.parent) return;   // only the embedding page
    const origins = allowed || (embed.params && embed.params.origins);        // (embed-start.js reads ?origins= at load)
    if (origins && !origins.includes(event.origin)) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || Array.isArray(data) || data.memsim !== 'call' || !validId(data.id)) return;
    handle(event);
  });

  // Called once the module is ready: answers queued calls and forwards notifications.
  embed.startMessages = function (api, origins) {
    if (window.parent === window) return;
    allowed = origins && origins.length ? origins : null;
    if (allowed && allowed.length === 1) parentOrigin = allowed[0];
    memsim = api;
    for (const name of ['step', 'load', 'error']) {
      api.on(name, (detail) => { if (parentOrigin) reply(window.parent, parentOrigin, { memsim: name, detail }); });
    }
    reply(window.parent, allowed && allowed.length === 1 ? allowed[0] : '*', { memsim: 'ready', version: api.version() });
    for (const event of pending.splice(0)) handle(event);
  };
})();
