#!/usr/bin/env node
// `coreplay-analyse SCENARIO [--variant NAME]…` (npm run analyse): see scripts/analyse.ts.
'use strict';
// HiGHS in baseline code only (see scripts/analyse.ts), set before its WebAssembly is compiled.
require('node:v8').setFlagsFromString('--liftoff-only');
require('./launch.cjs').launch('analyse.mjs');
