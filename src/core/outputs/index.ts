// The outputs layer's public entry: other folders import from here, never from its files.
export * from './collate';
export * from './collateReport';
export * from './digest';
export * from './exportNames';
export * from './html';
export * from './orgRepo';
export * from './preread';
export * from './report';
export * from './share';
export * from './calendar';
export * from './subjectAccess';
export * from './handover';
