#!/usr/bin/env node
// `coreplay-solve [--method M] FILE.nfg` (npm run solve): see scripts/solve.ts.
'use strict';
require('./launch.cjs').launch('solve.cjs');
