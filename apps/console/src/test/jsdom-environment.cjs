// jsdom leaves out the Fetch API and text codecs that browsers (and Node) have; the console's
// client and react-router need them (and antd's drawers schedule with MessageChannel). Lend
// them from Node's own globals.
const { TestEnvironment } = require('jest-environment-jsdom');

class ConsoleEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    for (const name of [
      'Response',
      'Request',
      'Headers',
      'TextEncoder',
      'TextDecoder',
      'ReadableStream',
      'MessageChannel',
      'MessagePort',
    ]) {
      this.global[name] ??= globalThis[name];
    }
    // antd's forms (Form.useWatch) post to a MessageChannel, which jsdom lacks; Node's would keep
    // jest from exiting. A channel on the window's timers delivers the same macrotask.
    const setTimer = this.global.setTimeout.bind(this.global);
    this.global.MessageChannel ??= class TimerMessageChannel {
      constructor() {
        const port = () => ({ onmessage: null, start() {}, close() {} });
        this.port1 = port();
        this.port2 = port();
        const link = (from, to) => {
          from.postMessage = (data) => setTimer(() => to.onmessage?.({ data }), 0);
        };
        link(this.port1, this.port2);
        link(this.port2, this.port1);
      }
    };
  }
}

module.exports = ConsoleEnvironment;
