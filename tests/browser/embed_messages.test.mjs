// Browser test of the iframe message protocol and the offline builds: the sample course
// page is served from a second port (another origin) and drives an embedded memsim with
// postMessage; malformed calls are refused, an origin allow-list is obeyed; the
// single-file build opens from file:// with no server.
//   node embed_messages.test.mjs --dist DIR --single FILE.html --artifacts DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { describePixels, looksDrawn } from './png_check.mjs';
import { createChecks, withBrowser } from './harness.mjs';
import { startServer } from '../../tools/static_server.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, single: { type: 'string' }, artifacts: { type: 'string' } } });
mkdirSync(values.artifacts, { recursive: true });
const { check, finish } = createChecks();

const parentServer = await startServer(values.dist);
const parentUrl = `http://127.0.0.1:${parentServer.address().port}/`;
try {
  await withBrowser(values.dist, async (browser, url) => {
    const errors = [];
    const watch = (page) => {
      page.on('pageerror', (err) => errors.push(String(err)));
      page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    };

    // The course page on one origin, memsim on another.
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1 });
    watch(page);
    await page.goto(`${parentUrl}examples/course-page.html?memsim=${encodeURIComponent(url)}`);
    await page.waitForFunction(() => /step 0 of 12/.test(document.getElementById('readout').textContent), null, { timeout: 30000 });
    check('the course page and memsim are on different origins', new URL(url).origin !== new URL(parentUrl).origin);
    await page.click('#step');
    await page.click('#step');
    await page.waitForFunction(() => /step 2 of 12/.test(document.getElementById('readout').textContent), null, { timeout: 5000 });
    const readout = await page.textContent('#readout');
    check('buttons in the page step the embedded memsim (step notifications update it)', /step 2 of 12, 3 frames, 2 page faults/.test(readout), readout);
    const frame = page.frames().find((f) => f.url().includes('scenario=belady-fifo'));
    const inside = await frame.evaluate(() => window.memsim.state().step);
    check('the frame itself is at step 2', inside === 2, `${inside}`);
    await page.click('#frames4');
    await page.click('#end');
    await page.waitForFunction(() => /4 frames, 10 page faults/.test(document.getElementById('readout').textContent), null, { timeout: 5000 });
    check("set {frames: 4} and runToEnd by message: 10 faults (Belady's anomaly)", true);
    await page.waitForTimeout(700);
    const shot = await page.screenshot({ fullPage: true });
    writeFileSync(join(values.artifacts, 'embed-course-page.png'), shot);
    check('the course page screenshot shows both simulators', looksDrawn(describePixels(shot)));

    // Replies to well-formed and malformed calls, from the parent page.
    const replies = await page.evaluate(async () => {
      const iframe = document.getElementById('belady');
      const origin = new URL(iframe.src).origin;
      const got = [];
      // (The page's own client asks with numeric ids; this test's calls use strings.)
      const listener = (event) => {
        if (event.source === iframe.contentWindow && event.data.memsim === 'reply' && typeof event.data.id === 'string') got.push(event.data);
      };
      window.addEventListener('message', listener);
      const post = (message) => iframe.contentWindow.postMessage(message, origin);
      post({ memsim: 'call', id: 'a', verb: 'loadBuiltin', arg: 'textbook-lru' });
      post({ memsim: 'call', id: 'b', verb: 'seek', arg: 3 });
      post({ memsim: 'call', id: 'c', verb: 'eval', arg: 'document.title = "pwned"' });
      post({ memsim: 'call', id: 'd', verb: 'step', arg: 1, extra: true });
      post({ memsim: 'call', id: 'e', verb: 'load', arg: 'x'.repeat(2200000) });
      post({ memsim: 'call', verb: 'step', arg: 1 });                      // no id: ignored
      post({ memsim: 'call', id: { not: 'an id' }, verb: 'step' });        // bad id: ignored
      post('step');                                                         // not an object: ignored
      post({ memsim: 'call', id: 'f', verb: 'state' });
      await new Promise((r) => setTimeout(r, 800));
      window.removeEventListener('message', listener);
      return got;
    });
    const byId = Object.fromEntries(replies.map((r) => [r.id, r.result]));
    check('loadBuiltin and seek by message are answered', byId.a && byId.a.ok === true && byId.b.step === 3, JSON.stringify([byId.a, byId.b]));
    check('an unknown verb is refused, nothing runs', byId.c && byId.c.ok === false && /unknown verb "eval"/.test(byId.c.errors[0].message), JSON.stringify(byId.c));
    check('an unexpected field is refused', byId.d && byId.d.ok === false && /unexpected field "extra"/.test(byId.d.errors[0].message), JSON.stringify(byId.d));
    check('a message over the size limit is refused', byId.e && byId.e.ok === false && /too large/.test(byId.e.errors[0].message), JSON.stringify(byId.e).slice(0, 200));
    check('calls without a usable id get no reply', replies.length === 6, replies.map((r) => r.id).join(','));
    check('state by message', byId.f && byId.f.step === 3 && byId.f.title.includes('LRU'), byId.f && byId.f.title);
    check('the frame ran no received code', (await frame.evaluate(() => document.title)) !== 'pwned');
    await page.close();

    // ?origins= allows only the named parent origins.
    const guarded = await browser.newPage();
    watch(guarded);
    await guarded.goto(`${parentUrl}examples/course-page.html?memsim=${encodeURIComponent(url)}`);
    // Adds a memsim frame that allows `allowed`, waits for "ready", asks for the state.
    const ask = (allowed, tries) => guarded.evaluate(async ([memsimUrl, origins, limit]) => {
      const iframe = document.createElement('iframe');
      iframe.src = `${memsimUrl}?scenario=belady-fifo&embed=1&origins=${encodeURIComponent(origins)}`;
      document.body.prepend(iframe);  // in view: browsers pause animation frames of hidden frames
      let ready = false;
      let replied = false;
      window.addEventListener('message', (event) => {
        if (event.source !== iframe.contentWindow) return;
        if (event.data.memsim === 'ready') ready = true;
        if (event.data.memsim === 'reply') replied = true;
      });
      iframe.addEventListener('load', () => {
        // Calls sent before the module is ready are queued and answered once it is.
        iframe.contentWindow.postMessage({ memsim: 'call', id: 1, verb: 'state' }, new URL(memsimUrl).origin);
      });
      for (let i = 0; i < limit && !(ready && replied); i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
      return { ready, replied };
    }, [url, allowed, tries]);
    let answered = await ask('https://course.example', 60);
    check('with ?origins= a call from another origin is ignored', answered.ready === false && answered.replied === false, JSON.stringify(answered));
    answered = await ask(new URL(parentUrl).origin, 300);
    check('with ?origins= naming the parent, its early call is queued and answered', answered.ready === true && answered.replied === true, JSON.stringify(answered));
    await guarded.close();

    // The single-file build from file://: no server, no network.
    const single = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch(single);
    const requests = [];
    single.on('request', (r) => requests.push(r.url()));
    await single.goto(pathToFileURL(values.single).href + '?scenario=belady-fifo&step=4');
    await single.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
    const s = await single.evaluate(() => window.memsim.state());
    check('the single-file build runs from file://', s.title === "Belady's anomaly with FIFO" && s.step === 4, `${s.title} ${s.step}`);
    check('the single-file build loads nothing else', requests.every((r) => r.startsWith('file://') && r.includes('memsim-single.html') || r.startsWith('data:')), requests.join(' '));
    // The GIF encoder is inlined too: one step pair as a GIF, made offline.
    const gif = await single.evaluate(async () => {
      const made = await window.memsimEmbed.gifSteps(4, 5, 2);
      return made.ok ? String.fromCharCode(...made.bytes.slice(0, 6)) + ' ' + made.frames : made.message;
    });
    check('the single-file build makes a GIF offline', gif === 'GIF89a 2', gif);
    await single.waitForTimeout(700);
    const png = await single.screenshot();
    writeFileSync(join(values.artifacts, 'embed-single-file.png'), png);
    check('the single-file page draws the UI', looksDrawn(describePixels(png)));
    await single.close();

    check('no console or page errors', errors.length === 0, errors.join(' | '));
  });
} finally {
  parentServer.close();
}
finish();
