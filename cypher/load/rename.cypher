// Moves up to $limit nodes from one key to another (`<from>:<slug>` becomes `<to>:<slug>`, and their
// `negotiation`); the loader repeats it until fewer than $limit move. Switching uses it to move the old
// version out of the way and the staged one in; undoing uses it the other way round.
MATCH (n:Party|Person|Event|Source|Issue|Option|Position|Statement)
WHERE n.negotiation = $from
WITH n LIMIT $limit
SET n.id = $to + substring(n.id, size($from)),
    n.negotiation = $to
RETURN count(*) AS moved
