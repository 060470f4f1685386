#!/usr/bin/env node
import { run } from '../dist/bundle/jtai.js';

await run();
