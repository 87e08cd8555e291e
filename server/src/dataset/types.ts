import type { Firmness, PartyType, PositionKind } from '../../../shared/vocabulary.ts';

/** A negotiation as authored in a dataset file (data/schema.json); ids are the file's slugs. */
export interface Dataset {
  negotiation: { id: string; title: string; summary?: string; date: string; place?: string };
  sides: Array<{ id: string; label: string; color?: string }>;
  parties: Array<{
    id: string;
    label: string;
    type: PartyType;
    side?: string;
    color?: string;
    summary?: string;
  }>;
  people: Array<{ id: string; name: string; party: string; role?: string }>;
  events: Array<{ id: string; label: string; date: string; place?: string; summary?: string }>;
  sources: Array<{ id: string; outlet: string; title: string; date: string; url?: string }>;
  issues: Array<{
    id: string;
    label: string;
    summary?: string;
    options: Array<{ id: string; label: string; summary?: string }>;
  }>;
  positions: Array<{
    id: string;
    label?: string;
    holders: string[];
    issue: string;
    kind: PositionKind;
    summary: string;
    stated: string;
    since?: string;
    firmness: Firmness;
    for?: string[];
    against?: string[];
    counters?: string[];
    rejects?: string[];
    conditionalOn?: string[];
  }>;
  statements: Array<{
    id: string;
    quote: string;
    paraphrase?: boolean;
    speaker?: string;
    party?: string;
    date: string;
    source: string;
    event?: string;
    positions: string[];
  }>;
}
