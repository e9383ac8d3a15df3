import { setImmediate as nextTurn } from 'timers/promises';
import type { Core } from '@strapi/strapi';

/** The longest stretch a write keeps the event loop before other requests get a turn. */
const TURN_MS = 10;

let turnStarted = performance.now();

/** Lets waiting requests run when this stretch of work has held the event loop for TURN_MS. */
export const giveTurnWhenDue = async (): Promise<void> => {
  if (performance.now() - turnStarted < TURN_MS) return;
  await nextTurn();
  turnStarted = performance.now();
};

/**
 * Strapi writes a body's components one statement at a time, and better-sqlite3 answers synchronously:
 * a 1,000-block save was one unbroken stretch of a second or more in which not even `/_health` was
 * answered. Each row written is a point where the write may give other requests a turn.
 */
export const giveTurnsDuringWrites = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    beforeCreate: giveTurnWhenDue,
    beforeUpdate: giveTurnWhenDue,
    beforeDelete: giveTurnWhenDue,
  } as never);
};
