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

let queue = [];

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
  if (self.smacalcSimulate) {
    self.smacalcSimulate(msg);
  } else {
    queue.push(msg);
  }
};

async function start(module) {
  const go = new Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance); // main registers self.smacalcSimulate, then waits
  for (const msg of queue) {
    self.smacalcSimulate(msg);
  }
  queue = [];
}
