import fs from 'fs';
import path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium, as the CI image installs it (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

export const baseUrl = (): string => {
  const url = process.env.E2E_BASE_URL;
  if (!url)
    throw new Error('E2E_BASE_URL is not set: run the browser tests through `npm run test:e2e`');
  return url.replace(/\/$/, '');
};

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Errors the page threw, for the failure message of a test that went wrong. */
  errors: string[];
  close(): Promise<void>;
}

export const openBrowser = async (): Promise<Session> => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  // A Persian editor's browser: Tehran time and Persian as the browser language.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
  });
  context.setDefaultTimeout(30000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { browser, context, page, errors, close: () => browser.close() };
};

/** Writes docs/screenshots/<name>.png; the README shows the latest ones. */
export const screenshot = async (
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {}
): Promise<void> => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let fonts and transitions settle so the pictures show what an editor sees.
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(300);
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: options.fullPage ?? false,
  });
};
