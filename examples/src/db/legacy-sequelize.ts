// Reporting queries on the Sequelize connection of the legacy admin app.
import { Router, type Request, type Response } from 'express';
import { QueryTypes, Sequelize } from 'sequelize';

const legacy = new Sequelize(process.env.LEGACY_DATABASE_URL ?? 'sqlite::memory:');

export const legacyRouter = Router();

// Flaw: Sequelize.query with the text built from the request body (fix: `?` + replacements).
legacyRouter.post('/legacy/customers/find', async (req: Request, res: Response) => {
  const rows = await legacy.query(`SELECT id, name FROM customers WHERE country = '${req.body.country}'`, { type: QueryTypes.SELECT });
  res.json(rows);
});

// Safe: named replacements.
legacyRouter.get('/legacy/customers/:id', async (req: Request, res: Response) => {
  const rows = await legacy.query('SELECT id, name FROM customers WHERE id = :id', { replacements: { id: req.params.id }, type: QueryTypes.SELECT });
  res.json(rows[0] ?? null);
});
