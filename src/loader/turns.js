// First draws, one per task, in order. Charts waiting for the wasm all become ready at once;
// drawn in one task, none would show (nor would input be handled) until the last was drawn.
// A cancelled turn (its chart destroyed meanwhile) leaves the queue without taking a task.
// A draw in steps (`inTurns`) takes one turn a step, behind the turns queued meanwhile.

var queue = [];
var turnTaken = false; // a turn ran in this task
var channel; // made on first use: importing this module starts nothing

/** A message channel yields to the event loop without the 4 ms clamp of nested timeouts. */
function yieldingChannel() {
  if (typeof MessageChannel !== 'function') return null;
  var made = new MessageChannel();
  made.port1.onmessage = nextTurn;
  // In Node (the unit tests) an open port would keep the process alive.
  if (made.port1.unref) made.port1.unref();
  return made;
}

/** Runs `job` in a task of its own, after the turns queued before it; resolves with its result. */
export function inTurn(cancelled, job) {
  return inTurns(cancelled, job);
}

/** What a step of `inTurns` returns to be called again in a later turn. */
export var AGAIN = {};

/** Runs `step` in tasks of its own, one a turn, until it returns something else than AGAIN. */
export function inTurns(cancelled, step) {
  return new Promise(function (resolve, reject) {
    var turn = {
      cancelled: cancelled,
      run: function () {
        try {
          var result = step();
          if (result === AGAIN) queue.push(turn); else resolve(result);
        } catch (error) { reject(error); }
      },
    };
    queue.push(turn);
    if (!turnTaken) nextTurn();
  });
}

function nextTurn() {
  while (queue.length && queue[0].cancelled()) queue.shift().run();
  var turn = queue.shift();
  turnTaken = !!turn;
  if (!turn) return;
  turn.run();
  if (channel === undefined) channel = yieldingChannel();
  if (channel) channel.port2.postMessage(0); else setTimeout(nextTurn, 0);
}
