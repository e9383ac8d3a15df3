'use strict';
/**
 * A small seeded PRNG (mulberry32): the same seed gives the same data set on every machine and run.
 * Math.random is never used for data.
 */
const createRng = (seed) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sample = (list, count) => {
    const copy = list.slice();
    const out = [];
    while (out.length < count && copy.length)
      out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  /** A Strapi-like document id (24 lower-case letters and digits), reproducible. */
  const id = (length = 24) => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let out = alphabet[Math.floor(next() * 26)];
    while (out.length < length) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return { next, int, pick, sample, id };
};

module.exports = { createRng };
