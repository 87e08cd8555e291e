// A worker thread does not inherit the TypeScript loader of the thread that starts it: register it, then
// load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./console-worker.ts');
