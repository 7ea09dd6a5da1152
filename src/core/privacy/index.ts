// The privacy layer's public entry: other folders import from here, never from its files.
export * from './effectiveRules';
export * from './groupPrivacy';
export * from './nameScrubber';
export * from './privacyGate';
export * from './noteStore';
