// The demo and test server (.ci/serve.py) stays quiet when a browser closes a connection early:
// a page closed mid-download must not fill the test log with Python tracebacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function startServer() {
  const server = spawn('python3', [path.join(ROOT, '.ci/serve.py'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (match) resolve({ port: Number(match[1]), stderr: () => stderr, stop: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error('server exited ' + code)));
  });
}

/** Asks for a large file and resets the connection after the first bytes, as a closed tab does. */
function abandon(port, file) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${file} HTTP/1.1\r\nHost: x\r\n\r\n`));
    socket.once('data', () => { socket.resetAndDestroy(); resolve(); });
    socket.on('error', resolve);
  });
}

test('a connection reset mid-download prints nothing on the server\'s stderr', async () => {
  const server = await startServer();
  try {
    // The largest file the server has (dev node_modules may be absent): the dataset, many times.
    for (let i = 0; i < 20; i++) await abandon(server.port, '/seeds/000_00c55887bd7f2de9.txt');
    for (let i = 0; i < 20; i++) await abandon(server.port, '/seeds/indicators.json');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(server.stderr(), '');
  } finally {
    server.stop();
  }
});
