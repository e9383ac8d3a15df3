/**
 * Precision and recall of the importer's candidate officials over a labelled set of Persian news
 * stories (tests/fixtures/officials/candidates.json): written for this project, every person invented,
 * positives in the patterns agencies use and negatives that name no speaker. The figures are in
 * src/importer/README.md.
 */
import { readFileSync } from 'fs';
import { parseStory } from '../../../src/importer/core';
import { CANDIDATES_PATH } from '../../fixtures/paths';
import { miniStory } from './helpers';

interface Person {
  fullName: string;
  role: string | null;
}
interface Labelled {
  id: string;
  set: 'development' | 'held-out' | 'fresh' | 'final' | 'held-out-2';
  lead?: string;
  paragraphs: string[];
  expected: Person[];
}

const { stories } = JSON.parse(readFileSync(CANDIDATES_PATH, 'utf8')) as { stories: Labelled[] };

const read = stories.map((story) => {
  const found = parseStory(miniStory(story.paragraphs, story.lead)).officials.filter(
    (official) => !official.matched
  );
  const right = found.filter((person) =>
    story.expected.some((expected) => expected.fullName === person.fullName)
  );
  const rolesRight = right.filter((person) =>
    story.expected.some(
      (expected) => expected.fullName === person.fullName && expected.role === person.role
    )
  );
  return { story, found: found.length, right: right.length, rolesRight: rolesRight.length };
});

const measure = (set?: Labelled['set']) => {
  const of = read.filter((result) => set === undefined || result.story.set === set);
  const sum = (pick: (result: (typeof read)[number]) => number) =>
    of.reduce((total, result) => total + pick(result), 0);
  const right = sum((result) => result.right);
  return {
    precision: right / sum((result) => result.found),
    recall: right / sum((result) => result.story.expected.length),
    roles: sum((result) => result.rolesRight) / right,
  };
};
const shown = ({ precision, recall, roles }: ReturnType<typeof measure>) =>
  `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, roles right ${roles.toFixed(3)}`;

describe('candidate officials over the labelled set', () => {
  it('holds at least 40 stories, with positives and negatives', () => {
    expect(stories.length).toBeGreaterThanOrEqual(40);
    expect(stories.filter((story) => story.expected.length === 0).length).toBeGreaterThanOrEqual(
      15
    );
  });

  it(`all: ${shown(measure())}; development: ${shown(measure('development'))}; held-out: ${shown(measure('held-out'))}; fresh: ${shown(measure('fresh'))}; final: ${shown(measure('final'))}; held-out-2: ${shown(measure('held-out-2'))}`, () => {
    const { precision, recall } = measure();
    const wrong = read
      .filter(
        (result) => result.right !== result.found || result.right !== result.story.expected.length
      )
      .map((result) => result.story.id);
    expect({ precision: precision >= 0.9, recall: recall >= 0.9, wrong }).toMatchObject({
      precision: true,
      recall: true,
    });
  });
});
