/**
 * The read side of finished analysis runs, kept in memory.
 *
 * A finished run never changes: its results (dossiers) and stored figures are written before the
 * run is marked done, and a newer run gets a new id. So what the screens read from a finished run
 * can be kept per process without any invalidation, bounded by size (least recently used first).
 * Everything that does change (organisations, official lists, explanations and decisions,
 * observation marks, which run is the latest) is still read from the database on every request.
 */
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/database';
import {
  listFigures,
  listSchoolResults,
  type FiguresRow,
} from '../../db/repositories/objectivityCard';
import type { ScreenResult } from '../../core/objectivity/screen';
import { listRunScreenResults } from '../../db/repositories/objectivityScreen';

type ResultRow = Awaited<ReturnType<typeof listSchoolResults>>[number];

/** A school's (or, with orgId null, the municipality's) share of a run. */
export interface RunShare {
  /** School-year results with dossiers, newest year first (empty for the municipality). */
  results: ResultRow[];
  /** Stored figures of every test, ordered by year, subject, grade. */
  figures: FiguresRow[];
}

type Entry = RunShare | Map<number, ScreenResult>;

interface RunRef {
  id: number;
  status: string;
}

/** Default memory bound of the cache (JSON characters, a little under the bytes it takes). */
const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

export class RunStore {
  /** The loader of a key travels as the fetch context; `fetch` shares one load between callers. */
  private readonly cache: LRUCache<string, Entry, () => Promise<Entry>>;

  constructor(
    private readonly database: Database,
    maxChars = Number(process.env.VSOKO_RUN_CACHE_MB ?? 0) * 1024 * 1024 || DEFAULT_MAX_CHARS,
  ) {
    this.cache = new LRUCache<string, Entry, () => Promise<Entry>>({
      maxSize: maxChars,
      sizeCalculation: (entry) =>
        Math.max(
          1,
          entry instanceof Map
            ? entry.size * 400
            : JSON.stringify(entry.figures).length + JSON.stringify(entry.results).length,
        ),
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  /** Loads through the cache when the run is finished (immutable), directly otherwise. */
  private async through<T extends Entry>(
    run: RunRef,
    key: string,
    load: () => Promise<T>,
  ): Promise<T> {
    if (run.status !== 'done') return load();
    return (await this.cache.fetch(key, { context: load })) as T;
  }

  /** A school's results and figures in a run; orgId null = the municipality's figures. */
  share(run: RunRef, orgId: number | null): Promise<RunShare> {
    const { db } = this.database;
    return this.through(run, `share:${run.id}:${orgId ?? 'm'}`, async () => {
      const [results, figures] = await Promise.all([
        orgId === null ? Promise.resolve([]) : listSchoolResults(db, run.id, orgId),
        listFigures(db, { runId: run.id, orgId }),
      ]);
      return { results, figures };
    });
  }

  /** The screen's compact results of every school of a run in one year, by school. */
  screen(run: RunRef, year: number): Promise<Map<number, ScreenResult>> {
    return this.through(run, `screen:${run.id}:${year}`, async () => {
      const rows = await listRunScreenResults(this.database.db, run.id, year);
      return new Map(rows.map((r) => [r.orgId, r.result]));
    });
  }
}
