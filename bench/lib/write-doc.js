'use strict';
const fs = require('fs');
const path = require('path');

/**
 * A generated report: its markdown at `doc` and its charts in `chartDir`, whose old charts go first so
 * that none from an earlier run is left linked to nothing. Returns the files written.
 */
const writeDoc = (doc, chartDir, { markdown, charts }) => {
  fs.mkdirSync(chartDir, { recursive: true });
  for (const file of fs.readdirSync(chartDir))
    if (file.endsWith('.svg')) fs.rmSync(path.join(chartDir, file));
  const written = [doc];
  for (const [name, svg] of charts) {
    fs.writeFileSync(path.join(chartDir, name), svg);
    written.push(path.join(chartDir, name));
  }
  fs.writeFileSync(doc, markdown);
  return written;
};

module.exports = { writeDoc };
