// The algorithm lives in core (the callback inspector verifies and re-signs with it too).
export * from '../core/signatures/plivoSignatures';
