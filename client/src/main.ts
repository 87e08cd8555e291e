const status = document.querySelector<HTMLParagraphElement>('#status');

async function showHealth(): Promise<void> {
  if (!status) return;
  try {
    const response = await fetch('/api/health');
    const health = (await response.json()) as {
      status: string;
      neo4j: { version?: string; edition?: string; error?: string };
    };
    status.textContent =
      health.status === 'ok'
        ? `Connected to Neo4j ${health.neo4j.version} (${health.neo4j.edition}).`
        : `The database is unavailable: ${health.neo4j.error}`;
  } catch {
    status.textContent = 'The Common Ground server cannot be reached.';
  }
}

void showHealth();
