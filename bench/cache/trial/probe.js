#!/usr/bin/env node
'use strict';
/**
 * Probes one running trial app (start.sh) for the "never stale after a publish returned" requirement.
 *   node probe.js <label> [a,a2,b,c,d,e,f]     (default: a,a2,b,c,d,e)
 * State (token, documentId) from run/state.json; results to results/<label>.json.
 * A read is "from the cache" when GET /_trial/reads (article reads that reached Strapi's document
 * service, counted by a document-service middleware in the app) did not move; X-Cache is recorded too.
 */
const http = require('http');
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const BASE = { host: '127.0.0.1', port: Number(process.env.PORT || 1399) };
const label = process.argv[2] || 'unnamed';
const only = (process.argv[3] || 'a,a2,b,c,d,e').split(',');
const state = JSON.parse(fs.readFileSync(path.join(__dirname, 'run', 'state.json'), 'utf8'));
const AUTH = { Authorization: `Bearer ${state.token}` };
const DOC = state.documentId;
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const request = (method, urlPath, { headers = {}, body } = {}) =>
  new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        ...BASE,
        agent,
        method,
        path: urlPath,
        headers: {
          ...headers,
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({
            status: res.statusCode,
            headers: res.headers,
            json,
            text,
            end: performance.now(),
          });
        });
      }
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });

const reads = async () => {
  const { json } = await request('GET', '/_trial/reads');
  return json.findMany + json.findOne + json.findFirst + json.count;
};
/** GET and tell whether Strapi's document service was reached (false = answered by the cache). */
const tracedGet = async (urlPath, headers) => {
  const before = await reads();
  const res = await request('GET', urlPath, { headers });
  const after = await reads();
  return { ...res, origin: after !== before, xcache: res.headers['x-cache'] || null };
};
const tracedGraphql = async (query, headers = {}) => {
  const before = await reads();
  const res = await request('POST', '/graphql', { headers, body: { query } });
  const after = await reads();
  return { ...res, origin: after !== before };
};

const LIST = `/api/articles${process.env.LIST_QUERY || ''}`;
const ONE = `/api/articles/${DOC}`;
const titleOfList = (res) => {
  const d =
    res.json && Array.isArray(res.json.data) && res.json.data.find((a) => a.documentId === DOC);
  return d && d.title;
};
const titleOfOne = (res) => res.json && res.json.data && res.json.data.title;
const publish = (title) => request('PUT', ONE, { headers: AUTH, body: { data: { title } } });
const versionOf = (title) =>
  title && /-(\d+)$/.test(title) ? Number(/-(\d+)$/.exec(title)[1]) : -1;

const results = { label, startedAt: new Date().toISOString() };

/** a. warm, publish through REST, read as soon as the publish call returned; again 200 ms later. */
const probeA = async (N = 50, via = 'rest') => {
  const out = {
    N,
    via,
    warmHits: 0,
    staleListImmediate: 0,
    staleOneImmediate: 0,
    staleList200ms: 0,
    staleOne200ms: 0,
    publishFailures: 0,
  };
  for (let i = 0; i < N; i++) {
    await request('GET', LIST);
    await request('GET', ONE); // warm
    const l = await tracedGet(LIST);
    const o = await tracedGet(ONE);
    if (!l.origin && !o.origin) out.warmHits += 1;
    const title = `${via}${label.replace(/\W/g, '')}a-${i}`;
    let ok;
    if (via === 'rest') ok = (await publish(title)).status === 200;
    else if (via === 'docservice')
      ok = (await request('POST', `/_trial/publish/${DOC}/${title}`)).status === 200;
    else {
      const r = await request('POST', '/graphql', {
        headers: AUTH,
        body: {
          query: `mutation { updateArticle(documentId: "${DOC}", data: { title: "${title}" }) { title } }`,
        },
      });
      ok = r.status === 200 && !(r.json && r.json.errors);
      if (!ok && i === 0) out.firstError = r.text.slice(0, 300);
    }
    if (!ok) {
      out.publishFailures += 1;
      continue;
    }
    if (titleOfList(await request('GET', LIST)) !== title) out.staleListImmediate += 1;
    if (titleOfOne(await request('GET', ONE)) !== title) out.staleOneImmediate += 1;
    await sleep(200);
    if (titleOfList(await request('GET', LIST)) !== title) out.staleList200ms += 1;
    if (titleOfOne(await request('GET', ONE)) !== title) out.staleOne200ms += 1;
  }
  const l = await tracedGet(LIST);
  out.lastListXCache = l.xcache;
  return out;
};

/** b. readers as fast as they can, a publisher every ~200 ms; a read is stale if it started after a
 *  publish returned and shows an older version. Then, 2 s after the last publish, is anything still stale? */
const probeB = async ({
  seconds = Number(process.env.B_SECONDS || 15),
  readers = Number(process.env.B_READERS || 2),
  maxReads = Number(process.env.B_MAX_READS || 3000),
  every = Number(process.env.B_EVERY ?? 200),
} = {}) => {
  const returned = []; // returned[k] = time the publish of version k returned
  const readLog = [];
  let stop = false;
  const prefix = `b${label.replace(/\W/g, '')}-`;
  const pub0 = await publish(`${prefix}0`);
  returned[0] = pub0.end;
  const reader = async (n) => {
    let i = 0;
    while (!stop && readLog.length < maxReads) {
      const which = (i++ + n) % 2 === 0 ? LIST : ONE;
      const t0 = performance.now();
      const res = await request('GET', which);
      readLog.push({
        t0,
        which,
        v: versionOf(which === LIST ? titleOfList(res) : titleOfOne(res)),
        x: res.headers['x-cache'],
      });
    }
  };
  const publisher = async () => {
    const until = performance.now() + seconds * 1000;
    let k = 0;
    while (performance.now() < until && readLog.length < maxReads) {
      if (every > 0) await sleep(every);
      k += 1;
      const res = await publish(`${prefix}${k}`);
      if (res.status !== 200) throw new Error(`publish ${k}: ${res.status} ${res.text}`);
      returned[k] = res.end;
    }
    stop = true;
  };
  await Promise.all([publisher(), ...Array.from({ length: readers }, (_, n) => reader(n))]);
  const expectedAt = (t0) => {
    let v = -1;
    for (let k = 0; k < returned.length; k++) if (returned[k] < t0) v = k;
    return v;
  };
  const stale = readLog.filter((r) => r.v < expectedAt(r.t0));
  const publishesWithStale = new Set(stale.map((r) => expectedAt(r.t0)));
  const staleSeen = stale.slice(0, 8).map((r) => ({
    which: r.which === LIST ? 'list' : 'one',
    want: expectedAt(r.t0),
    got: r.v,
    xcache: r.x || null,
    msAfterReturn: Math.round(r.t0 - returned[expectedAt(r.t0)]),
  }));
  const last = returned.length - 1;
  await sleep(2000);
  const finalList = versionOf(titleOfList(await request('GET', LIST)));
  const finalOne = versionOf(titleOfOne(await request('GET', ONE)));
  const maxLagMs = stale.reduce((m, r) => Math.max(m, r.t0 - returned[expectedAt(r.t0)]), 0);
  return {
    seconds,
    readers,
    everyMs: every,
    publishes: last,
    reads: readLog.length,
    hitsByXCache: readLog.filter((r) => r.x === 'HIT').length,
    staleReads: stale.length,
    staleList: stale.filter((r) => r.which === LIST).length,
    staleOne: stale.filter((r) => r.which === ONE).length,
    publishesFollowedByStaleRead: publishesWithStale.size,
    maxStaleMsAfterPublishReturned: Math.round(maxLagMs),
    staleSeen,
    after2s: {
      expected: last,
      list: finalList,
      one: finalOne,
      stillStale: finalList !== last || finalOne !== last,
    },
  };
};

/** b2. persistence: per round, two publishes back to back while readers refill the cache; 1 s after the
 *  second publish returned (no further writes), does the cache still serve the first one? */
const probeB2 = async (rounds = Number(process.env.B2_ROUNDS || 30), readers = 6) => {
  const prefix = `g${label.replace(/\W/g, '')}-`;
  let staleReads = 0;
  let reads = 0;
  let persistentRounds = 0;
  const persistent = [];
  const staleSeen = [];
  for (let r = 0; r < rounds; r++) {
    await request('GET', LIST);
    await request('GET', ONE);
    let stop = false;
    let returnedAt = Infinity;
    const want = 2 * r + 1;
    const reader = async (n) => {
      let i = n;
      while (!stop) {
        const which = i++ % 2 === 0 ? LIST : ONE;
        const t0 = performance.now();
        const res = await request('GET', which);
        reads += 1;
        const v = versionOf(which === LIST ? titleOfList(res) : titleOfOne(res));
        if (t0 > returnedAt && v < want) {
          staleReads += 1;
          if (staleSeen.length < 10)
            staleSeen.push({
              round: r,
              which: which === LIST ? 'list' : 'one',
              want,
              got: v,
              xcache: res.headers['x-cache'] || null,
              startedMsAfterReturn: Math.round(t0 - returnedAt),
              body: res.text.slice(0, 120),
            });
        }
      }
    };
    const writer = async () => {
      await sleep(20);
      await publish(`${prefix}${2 * r}`);
      const res = await publish(`${prefix}${want}`);
      returnedAt = res.end;
      await sleep(100);
      stop = true;
    };
    await Promise.all([writer(), ...Array.from({ length: readers }, (_, n) => reader(n))]);
    await sleep(1000);
    const l = versionOf(titleOfList(await request('GET', LIST)));
    const o = versionOf(titleOfOne(await request('GET', ONE)));
    if (l !== want || o !== want) {
      persistentRounds += 1;
      persistent.push({ round: r, want, list: l, one: o });
    }
  }
  return {
    rounds,
    readers,
    reads,
    staleReadsAfterSecondPublishReturned: staleReads,
    roundsStillStale1sAfter: persistentRounds,
    examples: persistent.slice(0, 5),
    staleSeen,
  };
};

/** c. GraphQL: cached at all? invalidated by a REST publish? */
const probeC = async (N = 20) => {
  const q = `{ articles { documentId title } }`;
  const out = { N, cached: false, staleImmediate: 0, stale200ms: 0 };
  await tracedGraphql(q);
  const second = await tracedGraphql(q);
  out.cached = !second.origin;
  out.secondXCache = second.headers['x-cache'] || null;
  for (let i = 0; i < N; i++) {
    await request('POST', '/graphql', { body: { query: q } }); // warm
    const title = `c${label.replace(/\W/g, '')}-${i}`;
    await publish(title);
    const gqlTitle = (r) => {
      const found =
        r.json &&
        r.json.data &&
        r.json.data.articles &&
        r.json.data.articles.find((a) => a.documentId === DOC);
      if (!found) {
        out.errors = (out.errors || 0) + 1;
        out.firstError = out.firstError || r.text.slice(0, 300);
      }
      return found && found.title;
    };
    const r1 = await request('POST', '/graphql', { body: { query: q } });
    if (gqlTitle(r1) !== title) out.staleImmediate += 1;
    await sleep(200);
    const r2 = await request('POST', '/graphql', { body: { query: q } });
    if (gqlTitle(r2) !== title) out.stale200ms += 1;
  }
  // the same query with different whitespace: a separate entry?
  const spaced = await tracedGraphql(`{\n  articles {\n    documentId\n    title\n  }\n}`);
  await tracedGraphql(`{\n  articles {\n    documentId\n    title\n  }\n}`);
  out.whitespaceVariantFirstFromOrigin = spaced.origin;
  // an answer with errors: stored?
  const bad = `{ articles { documentId nosuchfield } }`;
  const b1 = await request('POST', '/graphql', { body: { query: bad } });
  out.errorAnswerStatus = b1.status;
  return out;
};

/** d. drafts through the public API (status=draft): cached and served publicly? */
const probeD = async () => {
  await request('PUT', `${ONE}?status=draft`, {
    headers: AUTH,
    body: { data: { title: 'draft-secret-1' } },
  });
  const first = await tracedGet(`${LIST}?status=draft`);
  const second = await tracedGet(`${LIST}?status=draft`);
  const one1 = await tracedGet(`${ONE}?status=draft`);
  const one2 = await tracedGet(`${ONE}?status=draft`);
  // a draft-only change after that: does the public draft URL show it, or the cached older draft?
  await request('PUT', `${ONE}?status=draft`, {
    headers: AUTH,
    body: { data: { title: 'draft-secret-2' } },
  });
  const third = await tracedGet(`${LIST}?status=draft`);
  return {
    publicDraftListStatus: first.status,
    publicDraftListShowsDraft:
      titleOfList(first) === 'draft-secret-1' &&
      first.json.data.find((a) => a.documentId === DOC).publishedAt === null,
    draftListSecondFromCache: !second.origin,
    draftListXCache: second.xcache,
    draftOneSecondFromCache: !one2.origin,
    draftOneShowsDraft: titleOfOne(one1) === 'draft-secret-1',
    afterDraftEditListTitle: titleOfList(third),
    afterDraftEditFromCache: !third.origin,
  };
};

/** e. requests with Authorization (and with a Cookie): served from / stored into the cache? */
const probeE = async () => {
  const out = {};
  // stored from an authenticated request, then served to the public?
  const a1 = await tracedGet(`${LIST}?e=stored`, AUTH);
  const p1 = await tracedGet(`${LIST}?e=stored`);
  out.authAnswerStoredAndServedPublicly = a1.origin && !p1.origin;
  out.authXCache = a1.xcache;
  // a public entry, then an authenticated request: served from the cache?
  await request('GET', `${LIST}?e=served`);
  await request('GET', `${LIST}?e=served`);
  const a2 = await tracedGet(`${LIST}?e=served`, AUTH);
  out.authRequestServedFromCache = !a2.origin;
  // an authenticated draft read, then the same URL without a token
  await request('PUT', `${ONE}?status=draft`, {
    headers: AUTH,
    body: { data: { title: 'draft-secret-e' } },
  });
  const a3 = await tracedGet(`${ONE}?status=draft&e=preview`, AUTH);
  const p3 = await tracedGet(`${ONE}?status=draft&e=preview`);
  out.authDraftPreviewServedPublicly =
    !p3.origin && titleOfOne(p3) === 'draft-secret-e' && a3.status === 200;
  // admin-session-like cookie
  await request('GET', `${LIST}?e=cookie`);
  await request('GET', `${LIST}?e=cookie`);
  const c1 = await tracedGet(`${LIST}?e=cookie`, { Cookie: 'strapi_admin_refresh=x' });
  out.cookieRequestServedFromCache = !c1.origin;
  const c2 = await tracedGet(`${LIST}?e=cookie2`, { Cookie: 'strapi_admin_refresh=x' });
  const c3 = await tracedGet(`${LIST}?e=cookie2`);
  out.cookieAnswerStoredAndServedPublicly = c2.origin && !c3.origin;
  return out;
};

/** f. memory bound: fill with `entries` distinct URLs, then count how many are still cached. */
const probeF = async (entries = 300) => {
  const big = 'x'.repeat(10000);
  await publish('f-0');
  await request('PUT', ONE, { headers: AUTH, body: { data: { title: 'f-0', body: big } } });
  for (let i = 0; i < entries; i++) await request('GET', `${LIST}?f=${i}`);
  let cached = 0;
  // most recent first, so that an LRU scan does not evict what is about to be checked
  for (let i = entries - 1; i >= 0; i--)
    if (!(await tracedGet(`${LIST}?f=${i}`)).origin) cached += 1;
  const one = await request('GET', `${LIST}?f=0`);
  return {
    entries,
    answerBytes: one.text.length,
    stillCachedAfterFill: cached,
    approxCachedBytes: cached * one.text.length,
  };
};

(async () => {
  const probes = {
    a: () => probeA(50, 'rest'),
    a2: () => probeA(20, 'graphql'),
    a3: () => probeA(20, 'docservice'),
    b: () => probeB(),
    b2: () => probeB2(),
    c: () => probeC(),
    d: probeD,
    e: probeE,
    f: () => probeF(),
  };
  for (const name of only) {
    const t = performance.now();
    results[name] = await probes[name]();
    results[name].ms = Math.round(performance.now() - t);
    console.log(name, JSON.stringify(results[name]));
  }
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(__dirname, 'results', `${label}.json`),
    JSON.stringify(results, null, 2)
  );
  agent.destroy();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
