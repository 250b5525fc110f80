// Launches Debian's Chromium headless with the flags that render WebGL2 on this kind
// of machine (software GL through SwiftShader, no background networking). Playwright
// gives every launch a fresh temporary profile.
import { chromium } from 'playwright-core';

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  // Each page gets its own context, so viewport and device pixel ratio are per page.
  return {
    // A first visit is greeted by a welcome dialog; pages start as a returning visitor's
    // unless options.welcome is true.
    async newPage(options = {}) {
      const { welcome, ...contextOptions } = options;
      const context = await browser.newContext(contextOptions);
      const page = await context.newPage();
      if (!welcome) {
        await page.addInitScript(() => {
          try {
            if (!localStorage.getItem('memsim.layout')) localStorage.setItem('memsim.layout', '[memsim][settings]\nwelcomed=1\n');
          } catch (e) { /* storage refused: the welcome shows */ }
        });
      }
      const close = page.close.bind(page);
      page.close = async () => { await close(); await context.close(); };
      return page;
    },
    close: () => browser.close(),
  };
}
