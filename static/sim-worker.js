// The simulation Web Worker's script: starts the Go program of the page's
// own app.wasm, which sees that it runs in a worker and serves simulation
// requests (wasm/simworker), and passes the page's requests to it.
//
// The page compiles app.wasm once (static/app-module.js keeps the Module
// go-app's loader compiled) and sends the WebAssembly.Module in an "init"
// message, so a replacement worker starts in milliseconds instead of
// fetching and compiling again. Requests that arrive before Go is running
// wait in a queue. A share link's worker also gets the link's query in
// that message, and starts the link's run itself.
importScripts("../wasm_exec.js");

// The requests received and not yet started, in order. Go takes one per
// task (takeNext): a request runs to its end in the task that starts it (a
// chunk of a run is tens of milliseconds of simulation), and the next one
// starts in a task queued after the messages that came meanwhile, so a
// "withdraw" sent while a chunk ran is read before the chunk it names
// starts.
let pending = [];
let started = false; // the Go program runs and reads requests
const turn = new MessageChannel();
let turnQueued = false;
turn.port1.onmessage = () => {
  turnQueued = false;
  takeNext();
};

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    // A share link's query (static/app-module.js, smacalcStartLink): the
    // Go program simulates the link's first chunk as soon as it runs,
    // without waiting for the page's (wasm/simworker, link.go).
    if (typeof msg.link === "string") self.smacalcLink = msg.link;
    start(msg.module).catch((err) => {
      self.postMessage({ type: "error", id: -1, message: "the simulation could not start: " + err });
    });
    return;
  }
  if (msg.type === "withdraw") {
    withdraw(msg);
    return;
  }
  pending.push(msg);
  queueTurn();
};

// withdraw: the page gave the end of a chunk of run msg.id that this worker
// holds, or the whole chunk, to the other worker (wasm/simclient,
// balance.go): the chunk that starts at path msg.first keeps its first
// msg.count paths (0: it is dropped, and has no reply), if it has not
// started. If it has, the page keeps whichever worker's paths come first.
function withdraw(msg) {
  const i = pending.findIndex((p) => p.type === "run" && p.id === msg.id && p.first === msg.first);
  if (i < 0 || msg.count >= pending[i].count) return;
  if (msg.count > 0) {
    pending[i].count = msg.count;
  } else {
    pending.splice(i, 1);
  }
}

function queueTurn() {
  if (started && !turnQueued && pending.length > 0) {
    turnQueued = true;
    turn.port2.postMessage(null);
  }
}

function takeNext() {
  const msg = pending.shift();
  if (msg) self.smacalcSimulate(msg);
  queueTurn();
}

async function start(module) {
  const go = new Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance); // main registers self.smacalcSimulate, then waits
  started = true;
  queueTurn();
}
