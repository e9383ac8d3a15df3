import type { SaveStep } from './step';

/**
 * The steps in the app's order: every name listed must be a step some plugin offers, every step offered
 * must be listed (a plugin's step is never silently left out), a step runs only after the steps that
 * give what it needs, and the phases come in their order (around, before, after). Refused at start with the names at fault.
 */
export const orderSteps = (
  offered: ReadonlyArray<SaveStep>,
  order: ReadonlyArray<string>
): SaveStep[] => {
  const byName = new Map(offered.map((step) => [step.name, step]));
  const unknown = order.filter((name) => !byName.has(name));
  if (unknown.length)
    throw new Error(`save pipeline: no plugin offers the step(s) ${unknown.join(', ')}`);
  const unlisted = offered.filter((step) => !order.includes(step.name)).map((step) => step.name);
  if (unlisted.length)
    throw new Error(
      `save pipeline: the step(s) ${unlisted.join(', ')} are offered but not placed in the order`
    );
  const ordered = order.map((name) => byName.get(name)!);
  // A need no offered step gives is optional (an app without that plugin); one given later is an error.
  const givable = new Set(offered.flatMap((step) => step.gives ?? []));
  const given = new Set<string>();
  for (const step of ordered) {
    const missing = (step.needs ?? []).filter((need) => givable.has(need) && !given.has(need));
    if (missing.length)
      throw new Error(
        `save pipeline: ${step.name} needs ${missing.join(', ')}, which no step before it gives`
      );
    for (const fact of step.gives ?? []) given.add(fact);
  }
  const phases = ['around', 'before', 'after'];
  for (let at = 1; at < ordered.length; at += 1) {
    if (phases.indexOf(ordered[at].phase) < phases.indexOf(ordered[at - 1].phase)) {
      throw new Error(
        `save pipeline: ${ordered[at].name} (${ordered[at].phase}) is placed after ${ordered[at - 1].name} (${ordered[at - 1].phase})`
      );
    }
  }
  return ordered;
};
