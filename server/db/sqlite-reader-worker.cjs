// One read connection of the embedded database's reader pool (server/db/sqlite-readers.ts), on a
// thread of its own: better-sqlite3 runs a query synchronously, so a slow read here holds only this
// thread, not the server's. Plain CommonJS so that every runner (tsx, vitest, node) starts it as is.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);

// Read-only: a write sent here by mistake fails (SQLITE_READONLY) instead of racing the writer.
const db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

// Statements kept by SQL text, least recently used out, as the writer's connection keeps them.
const kept = new Map();
function statement(text) {
  const hit = kept.get(text);
  if (hit) {
    kept.delete(text);
    kept.set(text, hit);
    return hit;
  }
  const prepared = db.prepare(text);
  if (text.length <= workerData.maxSqlLength) {
    kept.set(text, prepared);
    if (kept.size > workerData.cacheSize) kept.delete(kept.keys().next().value);
  }
  return prepared;
}

parentPort.on('message', ({ sql, parameters }) => {
  try {
    const prepared = statement(sql);
    if (!prepared.reader) throw Object.assign(new Error('the read pool runs reads only: write on deps.db'), { code: 'GH_READ_ONLY' });
    parentPort.postMessage({ rows: prepared.all(parameters) });
  } catch (err) {
    parentPort.postMessage({ error: { message: String(err && err.message), code: err && err.code } });
  }
});
