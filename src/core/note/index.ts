// The note layer's public entry: other folders import from here, never from its files.
export * from './blockClassifier';
export * from './blocks';
export * from './body';
export * from './bodyTree';
export * from './fieldLocator';
export * from './frontmatter';
export * from './growthConfig';
export * from './note';
export * from './noteSummary';
export * from './privacyClassifier';
export * from './privacyWords';
export * from './questionScript';
export * from './questionScriptFile';
export * from './sections';
export * from './tags';
export * from './validate';
export * from './visibleBlockText';
