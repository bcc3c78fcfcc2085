/**
 * A preload that forbids network access: every way Node opens a connection
 * or resolves a name is replaced by a function that records the attempt and
 * throws. Use it with `node --import ./test/helpers/no-network.mjs ...` (or
 * NODE_OPTIONS) around the CLI or a test run; attempts are appended as JSON
 * lines to the file named by MXSPEC_NET_LOG (and kept in
 * globalThis.__mxspecNetAttempts), so a test can assert there were none.
 *
 * Plain JavaScript on purpose: `--import` loads it before any TypeScript
 * tooling exists in the process.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const dgram = require('node:dgram');

const attempts = (globalThis.__mxspecNetAttempts ??= []);

function blocked(api, detail) {
  const entry = { api, detail: String(detail ?? '').slice(0, 200), pid: process.pid };
  attempts.push(entry);
  if (process.env.MXSPEC_NET_LOG) {
    try {
      appendFileSync(process.env.MXSPEC_NET_LOG, JSON.stringify(entry) + '\n');
    } catch {
      // The log is best effort; the throw below is what stops the access.
    }
  }
  const err = new Error(`network access is forbidden here (${api} ${entry.detail})`);
  err.code = 'EMXSPECNONET';
  return err;
}

function describeTarget(args) {
  const a = args[0];
  if (a && typeof a === 'object') return a.href ?? `${a.host ?? a.hostname ?? ''}:${a.port ?? ''}${a.path ?? ''}`;
  return a;
}

// Sockets: everything TCP and TLS ends up here (http, https, undici, net.connect).
net.Socket.prototype.connect = function connect(...args) {
  throw blocked('net.Socket.connect', describeTarget(args));
};
for (const name of ['connect', 'createConnection']) {
  net[name] = (...args) => {
    throw blocked(`net.${name}`, describeTarget(args));
  };
}
tls.connect = (...args) => {
  throw blocked('tls.connect', describeTarget(args));
};
for (const mod of [http, https]) {
  const label = mod === http ? 'http' : 'https';
  mod.request = (...args) => {
    throw blocked(`${label}.request`, describeTarget(args));
  };
  mod.get = (...args) => {
    throw blocked(`${label}.get`, describeTarget(args));
  };
}
// Name resolution, callback and promise flavours.
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  if (typeof dns[name] === 'function') {
    dns[name] = (...args) => {
      throw blocked(`dns.${name}`, args[0]);
    };
  }
  if (dns.promises && typeof dns.promises[name] === 'function') {
    dns.promises[name] = async (...args) => {
      throw blocked(`dns.promises.${name}`, args[0]);
    };
  }
}
dgram.createSocket = (...args) => {
  throw blocked('dgram.createSocket', describeTarget(args));
};
// fetch (undici) and WebSocket where Node provides them.
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = async (input) => {
    throw blocked('fetch', typeof input === 'string' ? input : input?.url ?? input?.href);
  };
}
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function WebSocket(url) {
    throw blocked('WebSocket', url);
  };
}
// `import { request } from 'node:http'` in later modules must see the replacements too.
syncBuiltinESMExports();
