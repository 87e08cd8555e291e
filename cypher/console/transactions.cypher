// The transactions of one console query (tagged by the console with metadata `consoleRun`) that Neo4j
// still knows: a stopped query's place is freed only once this is empty.
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.consoleRun = $run
RETURN transactionId
