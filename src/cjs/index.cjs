'use strict';
// The CommonJS entry of sciatica-screen (`require('sciatica-screen')`), copied by the build
// (src/build/build-dist.mjs) to dist/index.cjs, beside the ES module it loads. The package is an ES
// module; Node 20.19+ and 22.12+ can require() an ES module, so this hands over to it. Older Node
// (20.17, 20.18, or --no-experimental-require-module) cannot: say so plainly instead of Node's
// "No exports main defined". See docs/library.md § CommonJS.
if (!(process.features && process.features.require_module)) {
  const e = new Error(
    `sciatica-screen is an ES module, and this Node.js (${process.version}) cannot require() one. ` +
      "Load it with `const screen = await import('sciatica-screen')`, or use Node 20.19+ / 22.12+.",
  );
  e.code = 'ERR_REQUIRE_ESM';
  throw e;
}
module.exports = require('./index.js');
