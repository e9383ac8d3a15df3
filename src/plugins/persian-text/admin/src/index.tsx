export default {
  register(app: { registerPlugin(plugin: { id: string; name: string }): void }) {
    app.registerPlugin({ id: 'persian-text', name: 'persian-text' });
  },
};
