// The pure core: no `vscode` import may appear anywhere under src/core.
export * from './destinations/types';
