import { closeSync, openSync, writeSync } from 'fs';
import path from 'path';
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import type { Core } from '@strapi/strapi';
import { displayName, expandInputs, readInput } from './files';
import { ArchiveImporter, ImportSetupError } from './importer';
import type { DryRunDocument, ImportedDocument, ImportSummary } from './report';
import { waitForIdleDatabase } from '../lib/idle-database';

/**
 * Exit codes: 0 every document imported (or parsed, in a dry run); 1 some document failed or some
 * argument matched no file; 2 the run could not start; 130 interrupted.
 */
export const EXIT = { OK: 0, DOCUMENT_FAILED: 1, USAGE: 2, INTERRUPTED: 130 } as const;

/** Files handed to the importer at once: new stories of a batch are written together (ArchiveImporter.importFiles). */
const BATCH_FILES = 100;
const BATCH_BYTES = 8 * 1024 * 1024;

export interface CliIo {
  /** The real standard output (the entry script sends everything else that writes to stdout, such as logs, to stderr). */
  stdout: (text: string) => void;
  stderr: NodeJS.WriteStream;
  /** Where relative paths and globs are resolved: the directory `npm run import` was started in. */
  cwd: string;
  /** The app root (holding package.json and dist/). */
  appDir: string;
}

interface CliOptions {
  section?: string;
  locale?: string;
  publish?: boolean;
  createOfficials?: boolean;
  dryRun?: boolean;
  progress?: boolean;
  json?: boolean;
  output?: string;
  verbose?: boolean;
}

const program = (): Command =>
  new Command('import')
    .description('Import archived stories (text or markdown files) as Articles.')
    .argument('<inputs...>', 'files, directories (their *.txt/*.md files, recursively) or globs')
    .option('--section <slug>', 'file every article under this section (its slug in the locale)')
    .option(
      '--locale <code>',
      'locale of the articles and officials (default: the default locale, fa)'
    )
    .option('--publish', 'publish the articles (and officials created); otherwise drafts')
    .option('--create-officials', 'create unknown quoted people as officials and link their quotes')
    .option('--dry-run', 'write nothing; print the parsed documents as JSON on stdout')
    .option('--progress', 'show the progress bar even when stderr is not a terminal')
    .option('--no-progress', 'never show the progress bar')
    .option('--json', 'print the report of a real run as JSON on stdout instead of the summary')
    .option(
      '-o, --output <file>',
      'write the JSON (dry run, or --json) to this file instead of stdout'
    )
    .option('--verbose', 'print a line (and the warnings) for every document on stderr')
    .option(
      '--build',
      'compile the server (dist/) before importing (done anyway when it is missing or stale)'
    )
    .option('--no-build', 'never compile the server, even when dist/ looks stale')
    .addHelpText(
      'after',
      '\nExit codes: 0 all documents imported, 1 some document failed (or an argument matched nothing),\n' +
        '2 bad arguments or setup, 130 interrupted.\n' +
        'Each file may be at most 2 MiB. Re-importing a story updates or skips it (keyed on its content hash).'
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stderr.write(text),
      writeErr: (text) => process.stderr.write(text),
    });

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

export const formatSummary = (
  summary: ImportSummary,
  total: number,
  ms: number,
  dryRun: boolean
): string => {
  const rate = ms > 0 ? (total * 1000) / ms : 0;
  const head = dryRun
    ? `Dry run: ${total - summary.failed} parsed, ${summary.failed} failed`
    : `Imported ${summary.imported}, updated ${summary.updated}, skipped ${summary.skipped}, failed ${summary.failed}`;
  return `${head} (${total} document${total === 1 ? '' : 's'} in ${seconds(ms)} s, ${rate.toFixed(1)}/s)`;
};

const describeFailure = (document: {
  file: string;
  error: { code: string; message: string; line: number | null };
}): string =>
  `✗ ${document.file}${document.error.line !== null ? `:${document.error.line}` : ''} ${document.error.code}: ${document.error.message}`;

const bootStrapi = async (appDir: string): Promise<Core.Strapi> => {
  // Resolved only now: the entry script has set the working directory (for .env) and the log level.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const instance = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  try {
    return await instance.load();
  } catch (error) {
    await instance.destroy().catch(() => undefined);
    throw error;
  }
};

/**
 * `npm run import -- <inputs...> [--section <slug>] [--locale fa] [--publish] [--create-officials] [--dry-run]`.
 * Boots Strapi headless (no HTTP server) on the app's database, imports every file in a transaction of
 * its own and returns the exit code.
 */
export const main = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const say = (text: string) => io.stderr.write(`${text}\n`);
  let inputs: string[];
  let options: CliOptions;
  try {
    const command = program().parse(argv as string[], { from: 'user' });
    inputs = command.args;
    options = command.opts<CliOptions>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    throw error;
  }

  const { files, unmatched } = await expandInputs(inputs, io.cwd);
  for (const arg of unmatched) say(`No such file, directory or glob match: ${arg}`);
  if (files.length === 0) {
    say('Nothing to import.');
    return EXIT.USAGE;
  }

  // Reports go out as they are made: a long run's output is never held in memory.
  const json = options.dryRun === true || options.json === true;
  let out = io.stdout;
  let outputFd: number | null = null;
  if (json && options.output) {
    try {
      outputFd = openSync(path.resolve(io.cwd, options.output), 'w');
    } catch (error) {
      say(`Cannot write ${options.output}: ${(error as Error).message}`);
      return EXIT.USAGE;
    }
    const fd = outputFd;
    out = (text: string) => {
      writeSync(fd, text);
    };
  }

  const started = Date.now();
  let strapi: Core.Strapi;
  try {
    strapi = await bootStrapi(io.appDir);
  } catch (error) {
    say(`Strapi could not start: ${(error as Error).stack ?? error}`);
    return EXIT.USAGE;
  }

  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(EXIT.INTERRUPTED);
    stopping = true;
    say(
      '\nInterrupted: finishing the current batch of documents (press Ctrl-C again to abort it)…'
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let exitCode: number = EXIT.OK;
  try {
    let importer: ArchiveImporter;
    try {
      importer = await ArchiveImporter.open(
        strapi,
        {
          section: options.section,
          locale: options.locale,
          publish: options.publish ?? false,
          createOfficials: options.createOfficials ?? false,
          dryRun: options.dryRun ?? false,
        },
        {
          onDatabaseUnavailable: ({ file, error, waitMs }) =>
            say(
              `The database is unavailable (${(error as Error).message ?? error}); trying ${file} again in ${seconds(waitMs)} s`
            ),
        }
      );
    } catch (error) {
      if (error instanceof ImportSetupError) {
        say(`${error.code}: ${error.message}`);
        return EXIT.USAGE;
      }
      throw error;
    }

    const dryRun = importer.options.dryRun;
    const showProgress =
      options.progress === true || (options.progress !== false && io.stderr.isTTY === true);
    const bars = showProgress
      ? new cliProgress.MultiBar(
          {
            stream: io.stderr,
            format:
              ' {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} | failed {failed}',
            hideCursor: io.stderr.isTTY === true,
            noTTYOutput: true,
            notTTYSchedule: 2000,
            etaBuffer: 100,
            fps: 5,
          },
          cliProgress.Presets.shades_classic
        )
      : null;
    const bar = bars?.create(files.length, 0, { rate: '0.0', failed: 0 }) ?? null;
    const log = (text: string) => (bars ? bars.log(`${text}\n`) : say(text));

    if (json) out('{"documents":[\n');
    const runStarted = Date.now();
    let done = 0;
    let next = 0;
    // A batch of files for the importer to write together, bounded in count and bytes held.
    const readBatch = async () => {
      const batch: Array<Awaited<ReturnType<typeof readInput>>> = [];
      let bytes = 0;
      while (next < files.length && batch.length < BATCH_FILES && bytes < BATCH_BYTES) {
        const input = await readInput(files[next], displayName(files[next], io.cwd));
        next += 1;
        bytes += input.bytes?.length ?? 0;
        batch.push(input);
      }
      return batch;
    };
    // The next batch is read and parsed (in the worker thread) while this one is written: parsed one
    // after the other, the writes waited for the worker's share of every batch.
    const ahead = (batch: Awaited<ReturnType<typeof readBatch>>) => {
      const parsed = importer.parsesAhead ? importer.parseFiles(batch) : undefined;
      // Not awaited when the run is interrupted: its failure is not the run's.
      parsed?.catch(() => undefined);
      return { batch, parsed };
    };
    const report = (documents: Array<DryRunDocument | ImportedDocument>) => {
      for (const document of documents) {
        if (json) out(`${done > 0 ? ',\n' : ''}${JSON.stringify(document)}`);
        done += 1;
        if (!document.ok) log(describeFailure(document));
        else if (options.verbose) {
          log(
            'action' in document
              ? `${document.action} ${document.file} → ${document.documentId}`
              : `parsed ${document.file}`
          );
          for (const warning of document.warnings) log(`  ! ${warning}`);
        }
      }
      const elapsed = (Date.now() - runStarted) / 1000;
      bar?.update(done, {
        rate: (done / Math.max(elapsed, 0.001)).toFixed(1),
        failed: importer.summary.failed,
      });
    };
    // Batches being written, oldest first (reported in that order). Interrupted, no batch is started and
    // those being written finish.
    const writing: Array<Promise<Array<DryRunDocument | ImportedDocument>>> = [];
    let current = ahead(await readBatch());
    for (;;) {
      if (!stopping && current.batch.length > 0 && writing.length < importer.batchesAtOnce) {
        const { batch, parsed } = current;
        const started = dryRun
          ? Promise.all(batch.map((input) => importer.dryRun(input)))
          : importer.importFiles(batch, parsed);
        // Awaited below, after the batches before it: a failure meanwhile is not unhandled.
        started.catch(() => undefined);
        writing.push(started);
        current = ahead(await readBatch());
        continue;
      }
      const oldest = writing.shift();
      if (!oldest) break;
      report(await oldest);
    }
    bars?.stop();
    const ms = Date.now() - runStarted;
    if (json) {
      const tail = dryRun
        ? ''
        : `,"summary":${JSON.stringify({ ...importer.summary, documents: done, seconds: ms / 1000 })}`;
      out(`\n]${tail}}\n`);
    }
    const summary = formatSummary(importer.summary, done, ms, dryRun);
    if (json && !options.output) say(summary);
    else io.stdout(`${summary}\n`);
    if (stopping && done < files.length)
      say(
        `Stopped after ${done} of ${files.length} documents; run the same command again to finish.`
      );
    if (options.verbose) say(`Strapi started in ${seconds(runStarted - started)} s`);
    if (stopping && done < files.length) exitCode = EXIT.INTERRUPTED;
    else
      exitCode =
        importer.summary.failed > 0 || unmatched.length > 0 ? EXIT.DOCUMENT_FAILED : EXIT.OK;
  } finally {
    if (outputFd !== null) closeSync(outputFd);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await waitForIdleDatabase(strapi);
    await strapi.destroy().catch(() => undefined);
  }
  return exitCode;
};
