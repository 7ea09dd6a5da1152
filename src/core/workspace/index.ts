// The workspace layer's public entry: other folders import from here, never from its files.
export * from './cacheShards';
export * from './canonicalIndex';
export * from './crossNoteViews';
export * from './indexedNote';
export * from './notePipeline';
export * from './openActions';
export * from './peopleIndex';
export * from './personIdentity';
export * from './themeMentions';
export * from './vocabulary';
export * from './workspaceIndex';
export * from './workspaceValidation';
export * from './agreedActions';
export * from './cadence';
