// editor.e2e.test.ts registers the first admin through the registration page, which only a server
// without an admin shows: it runs first, the other files log in as that admin.
const Sequencer = require('@jest/test-sequencer').default;

module.exports = class EditorFirst extends Sequencer {
  sort(tests) {
    const first = (test) => (test.path.endsWith('editor.e2e.test.ts') ? 0 : 1);
    return [...tests].sort((a, b) => first(a) - first(b) || a.path.localeCompare(b.path));
  }
};
