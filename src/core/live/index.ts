// The live layer's public entry: other folders import from here, never from its files.
export * from './frontmatterAssist';
export * from './frontmatterEdit';
export * from './guide';
export * from './liveHints';
export * from './prepare';
export * from './prereadImport';
export * from './scaffold';
