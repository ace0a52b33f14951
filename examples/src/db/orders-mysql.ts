// Order lookups on the legacy MySQL shop database (mysql2/promise).
import { Router, type Request, type Response } from 'express';
import mysql from 'mysql2/promise';

const shop = mysql.createPool({ uri: process.env.SHOP_DATABASE_URL });

export const ordersRouter = Router();

// Flaw: LIKE pattern built from the request (the fix moves the % wildcards into the bound value).
ordersRouter.get('/orders/search', async (req: Request, res: Response) => {
  const [rows] = await shop.execute(`SELECT id, reference FROM orders WHERE reference LIKE '%${req.query.q}%' AND shop_id = ?`, [req.query.shop]);
  res.json(rows);
});

// Flaw, through a helper in the same file: the route passes request data to a function that builds SQL.
async function ordersForEmail(email: string) {
  const [rows] = await shop.query('SELECT id, total FROM orders WHERE email = "' + email + '"');
  return rows;
}

ordersRouter.get('/orders/by-email', async (req: Request, res: Response) => {
  res.json(await ordersForEmail(String(req.query.email)));
});

// Safe: one `?` per id, and the ids are bound.
ordersRouter.post('/orders/bulk-status', async (req: Request, res: Response) => {
  const ids: string[] = Array.isArray(req.body.ids) ? req.body.ids : [];
  if (ids.length === 0) {
    res.json({ updated: 0 });
    return;
  }
  const [result] = await shop.execute(`UPDATE orders SET status = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [req.body.status, ...ids]);
  res.json(result);
});
