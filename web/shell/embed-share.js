// Permalinks: "Share" puts the scenario text (deflate-raw compressed, base64url) and the
// step into the URL fragment, so the link holds everything and no server is needed:
//   index.html#v=1&s=<text>&step=7
// Opening such a link restores that text at that step. The fragment never reaches a
// server. Limits (embed-limits.js): the link's fragment at most permalinkChars; the
// text it unpacks to at most scenarioBytes (checked while unpacking).
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};

  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function readAll(stream, maxBytes) {
    const reader = stream.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) { reader.cancel().catch(() => {}); return null; }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  const pipe = (bytes, transform) => new Blob([bytes]).stream().pipeThrough(transform);

  // The fragment for `text` at `step`: {ok, fragment} or {ok: false, message}.
  embed.makePermalink = async function (text, step) {
    if (typeof CompressionStream !== 'function') return { ok: false, message: 'This browser cannot compress text (no CompressionStream), so it cannot make a link. Export the scenario file instead.' };
    const packed = await readAll(pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')), Infinity);
    const fragment = `v=1&s=${toBase64Url(packed)}&step=${step}`;
    if (fragment.length > embed.limits.permalinkChars) {
      return { ok: false, message: `This scenario is too long for a link: ${embed.formatCount(fragment.length)} characters after compression, at most ${embed.formatCount(embed.limits.permalinkChars)}. Use Export \u2192 Scenario file to share it as a file.` };
    }
    return { ok: true, fragment };
  };

  // The fragment's scenario: null when it holds none, else {ok, text, step} or {ok: false, message}.
  embed.readPermalink = async function (hash) {
    const fragment = hash.replace(/^#/, '');
    if (!/(^|&)s=/.test(fragment)) return null;
    const broken = (why) => ({ ok: false, message: `This link's scenario cannot be opened: ${why}. The default lesson is shown.` });
    if (fragment.length > embed.limits.permalinkChars + 100) return broken(`it is longer than ${embed.formatCount(embed.limits.permalinkChars)} characters`);
    const fields = new URLSearchParams(fragment);
    if (fields.get('v') !== '1') return broken('it was made by a newer memsim (unknown link version)');
    const packed = fields.get('s') || '';
    if (!/^[A-Za-z0-9_-]+$/.test(packed)) return broken('it is damaged (not base64url)');
    const step = /^\d{1,10}$/.test(fields.get('step') || '') ? Number(fields.get('step')) : 0;
    if (typeof DecompressionStream !== 'function') return broken('this browser cannot decompress (no DecompressionStream)');
    let bytes;
    try {
      bytes = await readAll(pipe(fromBase64Url(packed), new DecompressionStream('deflate-raw')), embed.limits.scenarioBytes);
    } catch (e) {
      return broken('it is damaged (cut short or changed)');
    }
    if (bytes === null) return broken(`its text is longer than ${embed.formatCount(embed.limits.scenarioBytes)} bytes`);
    let text;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (e) { return broken('its text is not UTF-8'); }
    return { ok: true, text, step };
  };

  // The whole link for the app's current text and step: {ok, url} or {ok: false, message}.
  embed.shareLink = async function () {
    const memsim = await window.memsimReady;
    const made = await embed.makePermalink(memsim.source().text, memsim.state().step);
    if (!made.ok) return made;
    const url = new URL(window.location.href);
    url.hash = made.fragment;
    return { ok: true, url: url.href };
  };

  // The Share button: puts the link in the address bar, copies it, shows it.
  embed.share = async function () {
    const link = await embed.shareLink();
    if (!link.ok) { embed.notice(link.message, { kind: 'error' }); return link; }
    history.replaceState(null, '', link.url);
    let copied = false;
    try { await navigator.clipboard.writeText(link.url); copied = true; } catch (e) { copied = false; }
    embed.notice(copied ? 'Link copied. It holds this scenario and this step; anyone who opens it sees the same.'
                        : 'The address bar now holds the link to this scenario and step: copy it from there.', { kind: 'info', timeout: 8000 });
    return link;
  };
})();
