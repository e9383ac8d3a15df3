/**
 * The editors' names and hints of every content type, component and field, English and Persian, from the
 * admin's own translations (src/admin/translations/content-types.ts, not part of the server build), so the
 * document describes a field as the admin names it.
 */
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('typescript');

const loadLabels = (appDir) => {
  const file = path.join(appDir, 'src/admin/translations/content-types.ts');
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  });
  const loaded = new Module(file);
  loaded._compile(outputText, file);
  const { CONTENT_TYPES, COMPONENTS } = loaded.exports;
  const byUid = new Map([...CONTENT_TYPES, ...COMPONENTS].map((entry) => [entry.uid, entry]));
  return {
    typeDescription: (uid) => {
      const entry = byUid.get(uid);
      return (
        entry &&
        (entry.descriptionEn
          ? `${entry.descriptionEn} ${entry.descriptionFa}`
          : `${entry.en} (${entry.fa})`)
      );
    },
    fieldDescription: (uid, field) => {
      const label = byUid.get(uid)?.fields[field];
      if (!label) return undefined;
      return [
        `${label.en} (${label.fa})`,
        label.hintEn && `${label.hintEn} ${label.hintFa ?? ''}`.trim(),
      ]
        .filter(Boolean)
        .join(': ');
    },
  };
};

module.exports = { loadLabels };
