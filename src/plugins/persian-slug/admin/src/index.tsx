// Placeholder until the admin slug input lands; registers the plugin so the admin build resolves it.
export default {
  register(app: { registerPlugin(plugin: { id: string; name: string }): void }) {
    app.registerPlugin({ id: 'persian-slug', name: 'persian-slug' });
  },
};
