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
    async newPage(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const close = page.close.bind(page);
      page.close = async () => { await close(); await context.close(); };
      return page;
    },
    close: () => browser.close(),
  };
}
