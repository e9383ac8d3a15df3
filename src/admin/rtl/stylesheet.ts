/**
 * The admin's own stylesheets, added to the page from JavaScript. Strapi renders the admin's index.html
 * itself, so a stylesheet that Vite extracts from the entry chunk is written to the build but never
 * linked; importing the CSS as a string (`?inline`, asset URLs resolved by Vite) and adding a <style>
 * element avoids that. The Vazirmatn @font-face rules (Arabic-script subset, weights the design
 * system uses) come from @fontsource/vazirmatn; the font files are bundled with the admin.
 */
import vazirmatn400 from '@fontsource/vazirmatn/arabic-400.css?inline';
import vazirmatn500 from '@fontsource/vazirmatn/arabic-500.css?inline';
import vazirmatn600 from '@fontsource/vazirmatn/arabic-600.css?inline';
import vazirmatn700 from '@fontsource/vazirmatn/arabic-700.css?inline';
import rtl from './styles.css?inline';

export const addStylesheets = (): void => {
  if (document.getElementById('pishkhan-admin-styles')) return;
  const style = document.createElement('style');
  style.id = 'pishkhan-admin-styles';
  style.textContent = [vazirmatn400, vazirmatn500, vazirmatn600, vazirmatn700, rtl].join('\n');
  document.head.appendChild(style);
};
