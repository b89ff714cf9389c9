import postgres from "postgres";

// Two ways postgres.js keeps what a transaction touched alive for as long as
// the process runs, each worked around here. Found by heap snapshot in
// `npm run bench:import`: a 100,000-row preview stayed in memory through the
// whole apply, and raised the garbage collector's threshold with it.

/**
 * postgres.js keeps, for each of its own transaction statements (commit,
 * rollback, savepoint, rollback to), the Error it made at the statement's
 * first use, for stack traces; until formatted, that Error holds the calling
 * frames' closures. Whatever the first such transaction's callback held (an
 * upload's rows) would stay. Running each statement once, from closures that
 * hold nothing, before any other transaction (each waits for it) makes these
 * the frames kept.
 */
async function primeTransactionStatements(begin: postgres.Sql["begin"]): Promise<void> {
  const rolledBack = new Error("rolled back on purpose");
  try {
    await begin(async (sql) => {
      await sql.savepoint(() => Promise.reject(rolledBack)).catch(() => undefined);
      await sql.savepoint(() => Promise.resolve());
    });
    await begin(() => Promise.reject(rolledBack));
  } catch {
    // The database is down or refuses: the transaction that waits on this fails with the real reason.
  }
}

type Box = { value?: unknown };

/**
 * begin() leaves the connection pointing at the transaction's outcome (its
 * onclose handler races the transaction) until that connection's next
 * transaction. The result is handed out through a box emptied on the way, so
 * what stays is the empty box, not a preview's plan; an error stays with its
 * stack formatted (until then a stack holds the closures of its frames).
 */
function boxed(fn: (sql: postgres.TransactionSql) => unknown) {
  return async (sql: postgres.TransactionSql): Promise<Box> => ({ value: await fn(sql) });
}
function unbox(box: Box): unknown {
  const { value } = box;
  delete box.value;
  return value;
}

/** A postgres.js pool for the app's Drizzle handle, with its transactions keeping nothing once done. */
export function openPostgresClient(url: string): postgres.Sql {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const begin = client.begin.bind(client) as (...args: unknown[]) => Promise<Box>;
  // Started here, not from the first caller, so no caller's frames are among those kept.
  const primed = primeTransactionStatements(begin as unknown as postgres.Sql["begin"]);
  client.begin = (async (...args: unknown[]) => {
    await primed;
    const fn = args.pop() as (sql: postgres.TransactionSql) => unknown;
    try {
      return unbox(await begin(...args, boxed(fn)));
    } catch (error) {
      // Kept the same way: reading its stack formats it, and the frames' closures go.
      void (error as Error | undefined)?.stack;
      throw error;
    }
  }) as postgres.Sql["begin"];
  return client;
}
