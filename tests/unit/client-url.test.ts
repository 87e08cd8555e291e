/** A link carries the negotiation, the filters and the selection, and gives them back. */
import assert from 'node:assert/strict';
import { emptyFilters } from '../../client/src/core/state/filters.ts';
import { readUrl, writeUrl } from '../../client/src/core/url.ts';

describe('the client URL', () => {
  it('writes and reads back the negotiation, the filters and the selection', () => {
    const shared = {
      negotiation: 'nato-russia-2022',
      filters: {
        ...emptyFilters(),
        parties: ['nato', 'russia'],
        kinds: ['red-line'],
        asOf: '2022-01-11',
        evidence: true,
      },
      selected: 'nato-russia-2022:enlargement',
    };
    const url = writeUrl(shared);
    assert.equal(
      url,
      '?negotiation=nato-russia-2022&party=nato,russia&kind=red-line&asOf=2022-01-11&evidence=1&node=nato-russia-2022:enlargement',
    );
    assert.deepEqual(readUrl(url), shared);
  });

  it('leaves out what is empty, and ignores a date that is not one', () => {
    assert.equal(writeUrl({ negotiation: 'n', filters: emptyFilters(), selected: null }), '?negotiation=n');
    const read = readUrl('?negotiation=n&asOf=tomorrow&node=');
    assert.equal(read.filters.asOf, '');
    assert.equal(read.selected, null);
  });
});
