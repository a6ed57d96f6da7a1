import { chromium } from 'playwright-core';

/** The system's headless Chromium (apt's /usr/bin/chromium), as every browser test starts it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
    ],
  });
}
