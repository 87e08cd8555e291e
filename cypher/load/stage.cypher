// Starts a staged load: the negotiation node under the load's own key ($stage), labelled LoadingNegotiation
// so that no reader lists or opens it. It is the load's marker until reveal.cypher publishes it: it says
// what the load is doing (`phase`: staging, retiring, renaming), when it last wrote (a load idle for long
// has crashed), and which negotiation it loads. $row: the negotiation's properties.
CREATE (n:LoadingNegotiation)
SET n = $row,
    n.id = $stage,
    n.date = date($row.date),
    n.loadOf = $negotiation,
    n.phase = 'staging',
    n.startedAt = datetime(),
    n.touchedAt = datetime()
