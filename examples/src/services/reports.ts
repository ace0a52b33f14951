// Calls the internal reporting service.

// FLAW: a long-lived service token (a JWT) in source.
const REPORTS_HEADERS = {
  Authorization:
    'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyZXBvcnRzLXNlcnZpY2UiLCJzY29wZSI6InJlcG9ydHM6cmVhZCIsImlhdCI6MTczMDQxOTIwMH0.xOrRI9MutQtJpqxA7ruwkCj-12YBBzlXZMmlHUxEHhY',
  Accept: 'application/json',
};

const REPORTS_URL = process.env.REPORTS_URL ?? 'http://reports.internal:8080';

export async function fetchSalesReport(month: string): Promise<unknown> {
  const response = await fetch(`${REPORTS_URL}/sales?month=${encodeURIComponent(month)}`, { headers: REPORTS_HEADERS });
  if (!response.ok) throw new Error(`reports service answered ${response.status}`);
  return response.json();
}

// Safe: the token comes from the environment.
export async function fetchInventoryReport(): Promise<unknown> {
  const response = await fetch(`${REPORTS_URL}/inventory`, {
    headers: { Authorization: `Bearer ${process.env.REPORTS_TOKEN ?? ''}` },
  });
  return response.json();
}
