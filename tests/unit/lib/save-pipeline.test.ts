import { mergePopulate, orderSteps, SaveStep } from '../../../src/lib/save-pipeline';
import { SAVE_ORDER } from '../../../src/save-pipeline';

const step = (name: string, phase: SaveStep['phase'], more: Partial<SaveStep> = {}): SaveStep =>
  ({ name, phase, serves: () => true, run: async () => undefined, ...more }) as SaveStep;

describe('the order of the save steps', () => {
  const offered = [
    step('a.wrap', 'around'),
    step('a.clean', 'before', { gives: ['clean-text'] }),
    step('b.slug', 'before', { needs: ['clean-text'], gives: ['slug'] }),
    step('b.code', 'after', { gives: ['row:code'] }),
    step('c.index', 'after', { needs: ['row:code', 'row:from-an-absent-plugin'] }),
  ];
  const order = ['a.wrap', 'a.clean', 'b.slug', 'b.code', 'c.index'];

  it('is the app list, each name resolved to the step its plugin offers', () => {
    expect(orderSteps(offered, order).map((found) => found.name)).toEqual(order);
  });

  it('refuses a name no plugin offers', () => {
    expect(() => orderSteps(offered, [...order, 'd.gone'])).toThrow(
      'no plugin offers the step(s) d.gone'
    );
  });

  it('refuses a step offered and not placed', () => {
    expect(() =>
      orderSteps(
        offered,
        order.filter((name) => name !== 'b.code')
      )
    ).toThrow('b.code are offered but not placed');
  });

  it('refuses a step placed before a step that gives what it needs', () => {
    expect(() => orderSteps(offered, ['a.wrap', 'b.slug', 'a.clean', 'b.code', 'c.index'])).toThrow(
      'b.slug needs clean-text'
    );
  });

  it('refuses phases out of their order', () => {
    expect(() => orderSteps(offered, ['a.clean', 'a.wrap', 'b.slug', 'b.code', 'c.index'])).toThrow(
      'a.wrap (around) is placed after a.clean (before)'
    );
  });

  it('lists each step of the app once', () => {
    expect(new Set(SAVE_ORDER).size).toBe(SAVE_ORDER.length);
  });
});

describe('the one read after a write', () => {
  it('merges what the steps read: an object over true, selects and dynamic-zone fragments added up', () => {
    const merged = mergePopulate(
      { section: { select: ['id'] }, body: true },
      {
        section: { select: ['documentId'] },
        body: { on: { 'article.quote': { populate: { official: { select: ['id'] } } } } },
      }
    );
    expect(merged).toEqual({
      section: { select: ['id', 'documentId'] },
      body: { on: { 'article.quote': { populate: { official: { select: ['id'] } } } } },
    });
  });
});
