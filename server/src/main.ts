/**
 * The app's entry point when Neo4j runs elsewhere (NEO4J_URI set), as in the Docker image.
 * `npm start` goes through scripts/start.ts, which also runs a local Neo4j when NEO4J_URI is not set.
 */
import { runUntilSignalled } from './lifecycle.ts';

await runUntilSignalled();
