/**
 * The admin is served as a production bundle however it was built (`npm run demo`, `npm run build`, the
 * e2e runner): React's development build works but is several times slower for editors.
 */
import { baseUrl, openBrowser, Session } from './harness/browser';

let session: Session;

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

test('the served admin runs React’s production build', async () => {
  // React announces itself to the developer tools' hook, telling whether it is a development bundle
  // (bundleType 1) or a production one (0): a stand-in hook records what it is told.
  await session.context.addInitScript(`
    window.__pishkhanReactBundleTypes = [];
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject(renderer) { window.__pishkhanReactBundleTypes.push(renderer.bundleType); return 1; },
      onCommitFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    };
  `);
  const { page } = session;
  await page.goto(`${baseUrl()}/admin`);
  await page.locator('input[name=email], input[name=firstname]').first().waitFor();
  expect(await page.evaluate<number[]>('window.__pishkhanReactBundleTypes')).toEqual([0]);
});
