// Group commit (issue 19): many callers' single requests to the database done together. When fifty
// tablets send at once, each send's statement costs about as much as fifty rows in one statement
// do, and PGlite runs one statement at a time: the wait, not the work, was most of each answer.

export interface CoalesceOptions<I> {
  /** Runs at once at most (PGlite runs one statement at a time: more would only queue there). */
  concurrency: number;
  /** Items in one run at most. */
  maxItems: number;
  /** An item's weight (e.g. its bytes), and the most one run may carry; one item alone always goes. */
  weight?: (item: I) => number;
  maxWeight?: number;
  /** Two items with the same key never share a run (one statement cannot change a row twice). */
  key?: (item: I) => string;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * A function that does `run` for one item, in a run with every other item waiting for one: items
 * go on the event loop's next turn when fewer than `concurrency` runs are under way, and otherwise
 * wait for one to end, each run taking all that arrived meanwhile, in the order they came. Nothing
 * waits on a timer, so one caller alone is answered a loop turn later than before. `run` answers each item in
 * the order given; when it throws, every item of that run gets its error.
 */
export function coalesce<I, O>(run: (items: I[]) => Promise<O[]>, options: CoalesceOptions<I>): (item: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  let running = 0;

  /** The next run: the longest prefix of the queue within the limits, skipping an item whose key is already in it. */
  const take = (): Waiting<I, O>[] => {
    const batch: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    let weight = 0;
    for (let i = 0; i < queue.length && batch.length < options.maxItems; ) {
      const waiting = queue[i]!;
      const key = options.key?.(waiting.item);
      const itemWeight = options.weight?.(waiting.item) ?? 0;
      if (batch.length > 0 && options.maxWeight !== undefined && weight + itemWeight > options.maxWeight) break;
      if (key !== undefined && keys.has(key)) {
        i += 1;
        continue;
      }
      if (key !== undefined) keys.add(key);
      weight += itemWeight;
      batch.push(waiting);
      queue.splice(i, 1);
    }
    return batch;
  };

  // A run starts on the event loop's next turn, never at once: PGlite runs its statement in this
  // thread, so a run started at once would end before the next request was even read, and every
  // request would run alone. By the next turn, every request that had arrived is waiting here.
  let scheduled = false;
  const start = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (running < options.concurrency && queue.length > 0) {
        const batch = take();
        running += 1;
        void runBatch(batch).finally(() => {
          running -= 1;
          start();
        });
      }
    });
  };

  const runBatch = async (batch: Waiting<I, O>[]) => {
    try {
      const results = await run(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`A coalesced run answered ${results.length} of ${batch.length} items.`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      start();
    });
}
