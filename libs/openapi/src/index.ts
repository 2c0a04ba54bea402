export * from './document';
export * from './domain-schemas';
export * from './log-files.dto';
export * from './polymorphic';
export * from './protocol.dto';
export * from './tidy-document';
export * from './write-document';
export * from './log-file-answers';
