// Reports for the admin dashboard (node-postgres). Mixes the injectable patterns API Guard reports with the
// parameterized versions next to them.
import { Router, type Request, type Response } from 'express';
import { Pool } from 'pg';

const reportsDb = new Pool({ connectionString: process.env.REPORTS_DATABASE_URL });
const SORTABLE_COLUMNS = ['created_at', 'total', 'customer_name'];
const PAGE_SIZE = 50;

export const reportsRouter = Router();

// Flaw: the customer name from the query string is pasted into the SQL text (error, fix: $1 + values array).
reportsRouter.get('/reports/by-customer', async (req: Request, res: Response) => {
  const result = await reportsDb.query(`SELECT id, total, created_at FROM invoices WHERE customer_name = '${req.query.customer}' LIMIT ${PAGE_SIZE}`);
  res.json(result.rows);
});

// Flaw: filters assembled over several statements (the fix collects the values as it goes).
reportsRouter.get('/reports/invoices', async (req: Request, res: Response) => {
  let sql = 'SELECT id, total, status FROM invoices WHERE deleted_at IS NULL';
  if (req.query.status) sql += " AND status = '" + req.query.status + "'";
  if (req.query.minTotal) sql += ' AND total >= ' + req.query.minTotal;
  const result = await reportsDb.query(sql);
  res.json(result.rows);
});

// Flaw: a sort direction from the request is an identifier, not a value (fix: allow-list guard).
reportsRouter.get('/reports/latest', async (req: Request, res: Response) => {
  const direction = String(req.query.direction ?? 'DESC');
  const result = await reportsDb.query(`SELECT id, total FROM invoices ORDER BY created_at ${direction} LIMIT 10`);
  res.json(result.rows);
});

// Safe: the column is checked against an allow-list, the value is bound.
reportsRouter.get('/reports/sorted', async (req: Request, res: Response) => {
  const column = String(req.query.sort ?? 'created_at');
  if (!SORTABLE_COLUMNS.includes(column)) {
    res.status(400).json({ error: 'unknown sort column' });
    return;
  }
  const result = await reportsDb.query(`SELECT id, total FROM invoices WHERE owner_id = $1 ORDER BY ${column}`, [req.query.owner]);
  res.json(result.rows);
});

// Safe: a log line that looks like SQL never reaches the database.
export async function archiveInvoice(invoiceId: string): Promise<void> {
  console.info(`UPDATE invoices SET archived = true WHERE id = '${invoiceId}' (requested)`);
  await reportsDb.query('UPDATE invoices SET archived = true WHERE id = $1', [invoiceId]);
}
