#!/usr/bin/env node
// The jtai command: runs the bundled CLI. CommonJS, because Node starts a CommonJS program
// several milliseconds sooner than an ES module one (see README, "Performance").
'use strict';
require('../dist/bundle/jtai.cjs').run();
