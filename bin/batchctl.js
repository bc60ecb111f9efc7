#!/usr/bin/env node
// The installed binary: everything lives in dist/ (built by `npm install` through `prepare`).
await import('../dist/main.js');
