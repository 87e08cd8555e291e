// The database schema, applied on every start (each statement is idempotent).
// Every node has a stable `id`: the negotiation's slug for a Negotiation,
// `<negotiation>:<slug>` for everything that belongs to one, so negotiations never share nodes.

CREATE CONSTRAINT negotiation_id IF NOT EXISTS FOR (n:Negotiation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT issue_id IF NOT EXISTS FOR (n:Issue) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT option_id IF NOT EXISTS FOR (n:Option) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;

// Everything of one negotiation is found (and replaced on reload) through this property.
CREATE INDEX party_negotiation IF NOT EXISTS FOR (n:Party) ON (n.negotiation);
CREATE INDEX person_negotiation IF NOT EXISTS FOR (n:Person) ON (n.negotiation);
CREATE INDEX event_negotiation IF NOT EXISTS FOR (n:Event) ON (n.negotiation);
CREATE INDEX source_negotiation IF NOT EXISTS FOR (n:Source) ON (n.negotiation);
CREATE INDEX issue_negotiation IF NOT EXISTS FOR (n:Issue) ON (n.negotiation);
CREATE INDEX option_negotiation IF NOT EXISTS FOR (n:Option) ON (n.negotiation);
CREATE INDEX position_negotiation IF NOT EXISTS FOR (n:Position) ON (n.negotiation);
CREATE INDEX statement_negotiation IF NOT EXISTS FOR (n:Statement) ON (n.negotiation);
CREATE INDEX position_kind IF NOT EXISTS FOR (n:Position) ON (n.kind);

// Full-text search over what people read: names and labels, summaries, quotes.
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Negotiation|Party|Person|Event|Source|Issue|Option|Position|Statement)
ON EACH [n.label, n.summary, n.quote];
