// The note layer's public entry: other folders import from here, never from its files.
export * from './body';
export * from './fieldLocator';
export * from './flatFrontmatter';
export * from './frontmatter';
export * from './note';
export * from './noteSummary';
export * from './questionScript';
export * from './questionScriptFile';
export * from './validate';
