// Visible notices at the top of the page: a bad URL parameter, a permalink that is too
// long, full storage, a crash. Each is plain text (never HTML from elsewhere), can be
// dismissed, and is announced to screen readers. Other embed-*.js files use
// window.memsimEmbed.notice(text, {kind, actions}).
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  let box = null;

  function container() {
    if (box) return box;
    box = document.createElement('div');
    box.id = 'notices';
    box.setAttribute('role', 'alert');
    document.body.appendChild(box);
    return box;
  }

  // kind: 'warning' (default), 'error' or 'info'; actions: [{label, run}] buttons.
  // Returns the notice element (tests and callers may remove it).
  embed.notice = function (text, options = {}) {
    const item = document.createElement('div');
    item.className = 'notice ' + (options.kind || 'warning');
    const message = document.createElement('span');
    message.textContent = String(text);
    item.appendChild(message);
    for (const action of options.actions || []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', () => action.run(item));
      item.appendChild(button);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', 'Dismiss this notice');
    close.textContent = '\u00d7';
    close.addEventListener('click', () => item.remove());
    item.appendChild(close);
    container().appendChild(item);
    if (options.timeout) setTimeout(() => item.remove(), options.timeout);
    return item;
  };

  // The texts of the notices shown now (for tests and the text mirror).
  embed.notices = () => Array.from(document.querySelectorAll('#notices .notice span')).map((s) => s.textContent);
})();
