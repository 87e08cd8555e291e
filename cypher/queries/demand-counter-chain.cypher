// title: From a demand through its answers
// description: The chain of answers to each demand: counter-offers and rejections, and the answers to those, up to four steps.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
MATCH chain = (demand:Position {kind: 'demand', negotiation: $negotiation})<-[:COUNTERS|REJECTS*1..4]-(answer:Position)
RETURN demand.label AS demand, [step IN relationships(chain) | type(step)] AS steps, answer.label AS lastAnswer,
       length(chain) AS length, chain
ORDER BY demand, length
