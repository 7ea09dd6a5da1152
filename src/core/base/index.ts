// The base layer's public entry: other folders import from here, never from its files.
export * from './commitMessage';
export * from './dates';
export * from './fileFaults';
export * from './lineIndex';
export * from './messages';
export * from './nameFolding';
export * from './noteEncoding';
export * from './noteFolders';
export * from './peopleMatch';
export * from './posixPath';
export * from './problem';
export * from './schema';
export * from './sha256';
export * from './themes';
