/**
 * Preloaded in the API process (support/http-api.ts, when BENCH_API_METER names a file): every
 * 250 ms it records the process' CPU time and how many HTTP requests arrived, with and without an
 * `Authorization` header, and writes the samples there as JSON when the process exits. The
 * Express-or-Fastify comparison (compare.ts) derives the API CPU per request of the vote scenario
 * from them (votes carry Bearer tokens, the concurrent anonymous list reads do not). The cost
 * while serving is one counter increment per request, the same with either HTTP adapter.
 */
'use strict';
const { writeFileSync } = require('node:fs');
const http = require('node:http');

const file = process.env.BENCH_API_METER;
if (file) {
  let requests = 0;
  let authorized = 0;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === 'request') {
      requests++;
      if (req.headers.authorization) authorized++;
    }
    return emit.call(this, event, req, ...rest);
  };
  /** [ms since epoch, CPU ms (user + system), requests, requests with Authorization] */
  const samples = [];
  const sample = () => {
    const cpu = process.cpuUsage();
    samples.push([Date.now(), (cpu.user + cpu.system) / 1000, requests, authorized]);
  };
  sample();
  setInterval(sample, 250).unref();
  process.on('exit', () => {
    sample();
    writeFileSync(file, JSON.stringify(samples));
  });
}
