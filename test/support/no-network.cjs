// Preloaded into a CLI run (node --require) to prove it never touches the network:
// any socket, DNS lookup or fetch fails loudly and the process exits non-zero.
'use strict';
const net = require('node:net');
const dns = require('node:dns');
const tls = require('node:tls');

function refuse(what) {
  return () => {
    process.stderr.write(`NETWORK ACCESS ATTEMPTED: ${what}\n`);
    process.exit(99);
  };
}
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
globalThis.fetch = refuse('fetch');
