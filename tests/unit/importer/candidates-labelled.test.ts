/**
 * Precision and recall of the importer's candidate officials over a labelled set of Persian news
 * stories (tests/fixtures/officials/candidates.json): written for this project, every person invented,
 * positives in the patterns agencies use and negatives that name no speaker.
 */
import { readFileSync } from 'fs';
import { parseStory } from '../../../src/importer/core';
import { CANDIDATES_PATH } from '../../fixtures/paths';
import { miniStory } from './helpers';

interface Person { fullName: string; role: string | null }
interface Labelled { id: string; lead?: string; paragraphs: string[]; expected: Person[] }

const { stories } = JSON.parse(readFileSync(CANDIDATES_PATH, 'utf8')) as { stories: Labelled[] };

const results = stories.map((story) => {
  const found = parseStory(miniStory(story.paragraphs, story.lead)).officials.filter((official) => !official.matched);
  const expectedNames = new Set(story.expected.map((person) => person.fullName));
  const right = found.filter((person) => expectedNames.has(person.fullName));
  return {
    story,
    found,
    truePositives: right.length,
    rolesRight: right.filter((person) => story.expected.find((e) => e.fullName === person.fullName)!.role === person.role).length,
  };
});
const sum = (pick: (result: (typeof results)[number]) => number) => results.reduce((total, result) => total + pick(result), 0);
const truePositives = sum((result) => result.truePositives);
const precision = truePositives / sum((result) => result.found.length);
const recall = truePositives / sum((result) => result.story.expected.length);
const roleAgreement = sum((result) => result.rolesRight) / truePositives;
const round = (value: number) => value.toFixed(3);

describe('candidate officials over the labelled set', () => {
  it('holds at least 40 stories, with positives and negatives', () => {
    expect(stories.length).toBeGreaterThanOrEqual(40);
    expect(stories.filter((story) => story.expected.length === 0).length).toBeGreaterThanOrEqual(15);
  });

  it(`precision ${round(precision)} and recall ${round(recall)} are both at least 0.9 (roles right for ${round(roleAgreement)} of the names found)`, () => {
    const wrong = results
      .filter((result) => result.truePositives !== result.found.length || result.truePositives !== result.story.expected.length)
      .map((result) => ({ id: result.story.id, found: result.found.map((person) => person.fullName) }));
    expect({ precision: precision >= 0.9, recall: recall >= 0.9, wrong }).toMatchObject({ precision: true, recall: true });
  });
});
