#!/usr/bin/env node
// The jtai command: runs the bundled CLI. CommonJS, because Node starts a CommonJS program
// several milliseconds sooner than an ES module one (docs/performance.md).
'use strict';
require('./code-cache.cjs').useCodeCache(require('node:path').join(__dirname, '..', 'dist', 'bundle'));
require('../dist/bundle/jtai.cjs').run();
