// The documented limits of the page's outside interfaces (docs/embedding.md), in one
// place so the code that enforces them and the messages that name them agree.
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  embed.limits = Object.freeze({
    scenarioBytes: 1024 * 1024,       // a scenario's text (the app's own limit)
    permalinkChars: 32000,            // the #fragment a Share link may carry
    urlChars: 65536,                  // a whole URL the page reads parameters from
    messageChars: 2 * 1024 * 1024,    // one postMessage call, as JSON
    messageIdChars: 100,              // a call's id when it is a string
    pendingMessages: 100,             // calls queued before the module is ready
    recentScenarios: 8,               // entries in the Recent list
  });
  // "1,048,576" for messages.
  embed.formatCount = (n) => Number(n).toLocaleString('en-US');
})();
