// Builds ../../docs/assets/javascripts/vendor/plotly-scatter-bar.min.js from plotly.js's sources,
// the way plotly.js builds its own partial bundles (esbuild; attribute descriptions stripped).
// Run: npm ci && node build.mjs   (see README.md)
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { version } = require('plotly.js/package.json');
const OUT = '../../docs/assets/javascripts/vendor/plotly-scatter-bar.min.js';

// Plotly's attribute metadata (descriptions for its schema) is dead weight in a browser bundle.
const META = [
  /\s*description: '.*',?/g,
  /\s*description: \[[\s\S]*?\]\.join\([\s\S]*?\),?/g,
  /\s*requiredOpts: \[[\s\S]*?\],?/g,
  /\s*otherOpts: \[[\s\S]*?\],?/g,
  /\s*hrName: '.*',?/g,
];
const stripMeta = {
  name: 'strip-meta',
  setup(b) {
    b.onLoad({ filter: /plotly\.js[\\/]src[\\/].*\.js$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      for (const pattern of META) text = text.replace(pattern, '');
      return { contents: text, loader: 'js' };
    });
  },
};

// The only stylesheet plotly.js imports is maplibre's, for map traces this bundle leaves out.
const noStylesheets = {
  name: 'no-stylesheets',
  setup(b) {
    b.onResolve({ filter: /\.css$/ }, () => ({ path: 'css', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

await build({
  entryPoints: ['entry.cjs'],
  outfile: OUT,
  format: 'iife',
  globalName: 'Plotly',
  bundle: true,
  minify: true,
  legalComments: 'none',
  banner: {
    js: `/**\n* plotly.js v${version}, partial bundle: scatter, bar\n* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/`,
  },
  plugins: [stripMeta, noStylesheets],
  alias: { stream: 'stream-browserify' },
  // Node's process.env.NODE_DEBUG is read by a dependency; a browser has none.
  define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
  target: 'es2016',
  logLevel: 'warning',
});
