// What earlier loads left behind, to clean up before a new load: staged loads of the same negotiation (a
// crashed or concurrent load of it, which this one undoes) or idle for longer than $idle (crashed), and
// old versions whose replacement was published but not yet removed.
MATCH (n:LoadingNegotiation)
WHERE n.loadOf = $negotiation OR n.touchedAt < datetime() - duration($idle)
RETURN n.id AS key, n.loadOf AS negotiation, 'load' AS kind
UNION
MATCH (n:RetiredNegotiation)
WHERE n.obsolete
RETURN n.id AS key, null AS negotiation, 'retired' AS kind
