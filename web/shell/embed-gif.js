// Export: the steps between two marks as an animated GIF of the canvas, for slides that
// cannot play a video. gifenc (window.gifenc, vendored into the site by web/CMakeLists.txt)
// quantizes each frame to its own 256 colours and encodes it; the UI's flat colours keep.
(function () {
  'use strict';
  const embed = window.memsimEmbed = window.memsimEmbed || {};
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  // The canvas's pixels once the app has drawn the current step. WebGL clears its buffer
  // after showing a frame, so they are copied in the animation frame right after a drawn
  // one; a copy that came out blank (no opaque pixel) is taken again a frame later.
  async function capture(canvas, memsim) {
    const drawn = memsim.framesDrawn();
    while (memsim.framesDrawn() < drawn + 2) await nextFrame();
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      const image = await new Promise((resolve) => requestAnimationFrame(() => {
        context.clearRect(0, 0, copy.width, copy.height);
        context.drawImage(canvas, 0, 0);
        resolve(context.getImageData(0, 0, copy.width, copy.height));
      }));
      for (let i = 3; i < image.data.length; i += 4 * 97) if (image.data[i] === 255) return image;
    }
    return null;
  }

  // The steps from `from` to `to`, both shown, one GIF frame each, every frame on screen for
  // 1/stepsPerSecond seconds, looping. Resolves to {ok, bytes (a Uint8Array), width, height,
  // frames}, or {ok: false, message}.
  embed.gifSteps = async function (from, to, stepsPerSecond = 2, memsim = window.memsim) {
    const lib = window.gifenc;
    if (!lib) return { ok: false, message: 'the GIF encoder is not loaded' };
    const total = memsim.state().totalSteps;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > total || to - from > 200)
      return { ok: false, message: `pick steps from 0 to ${total}, the first not after the last, at most 200 apart` };
    const canvas = document.getElementById('canvas');
    const gif = lib.GIFEncoder();
    const delay = Math.round(1000 / Math.min(Math.max(stepsPerSecond, 0.25), 50));
    // Questions must not hold the recorded steps; the learner's quiz mode comes back after.
    const quizWas = memsim.quiz().mode === true;
    memsim.quizMode(false);
    let width = 0, height = 0;
    try {
      for (let step = from; step <= to; step++) {
        memsim.seek(step);
        const image = await capture(canvas, memsim);
        if (!image) return { ok: false, message: 'the canvas could not be read' };
        if (step === from) ({ width, height } = image);
        else if (image.width !== width || image.height !== height) return { ok: false, message: 'the page changed size while recording' };
        const palette = lib.quantize(image.data, 256);
        gif.writeFrame(lib.applyPalette(image.data, palette), width, height, { palette, delay });
      }
    } finally {
      if (quizWas) memsim.quizMode(true);
    }
    gif.finish();
    return { ok: true, bytes: gif.bytes(), width, height, frames: to - from + 1 };
  };

  embed.exportGif = async function () {
    const memsim = window.memsim;
    const range = embed.askSteps('an animated GIF');
    if (!range) return;
    const made = await embed.gifSteps(range.from, range.to);
    if (!made.ok) { embed.notice('No GIF was made: ' + made.message + '.', { kind: 'error' }); return; }
    embed.download(`${embed.baseName(memsim.source().title)}-steps${range.from}-${range.to}.gif`,
                   new Blob([made.bytes], { type: 'image/gif' }));
  };
})();
