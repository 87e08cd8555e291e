import assert from 'node:assert/strict';
import { DEFAULT_RESTART_POLICY, nextAttempt, restartDelay } from '../../scripts/local-neo4j/supervisor.ts';

describe('restarts of the local Neo4j', () => {
  it('wait twice as long after each crash in a row, up to a cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => restartDelay(attempt, DEFAULT_RESTART_POLICY));
    assert.deepEqual(delays, [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('count crashes soon after a start, and start again from the first once a server has stayed up a while', () => {
    const policy = DEFAULT_RESTART_POLICY;
    assert.equal(nextAttempt(0, 500, policy), 1, 'the first crash');
    assert.equal(nextAttempt(3, policy.healthyAfterMs - 1, policy), 4);
    assert.equal(nextAttempt(5, policy.healthyAfterMs, policy), 1);
  });
});
