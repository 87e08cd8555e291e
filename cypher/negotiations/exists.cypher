// Whether a negotiation exists (an unknown one is a 404).
RETURN EXISTS { MATCH (:Negotiation {id: $negotiation}) } AS exists
