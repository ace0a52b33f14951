// Product catalogue queries (knex).
import { Router, type Request, type Response } from 'express';
import knex from 'knex';

const catalogue = knex({ client: 'pg', connection: process.env.CATALOGUE_DATABASE_URL });

export const catalogueRouter = Router();

// Flaw: a raw WHERE fragment with the request value inside (fix: `?` + bindings).
catalogueRouter.get('/products', async (req: Request, res: Response) => {
  const products = await catalogue('products').select('id', 'name', 'price').whereRaw(`lower(name) = lower('${req.query.name}')`);
  res.json(products);
});

// Safe: query-builder calls bind their values; raw SQL with bindings is fine too.
catalogueRouter.get('/products/:id', async (req: Request, res: Response) => {
  const product = await catalogue('products').where('id', req.params.id).first();
  const related = await catalogue.raw('SELECT id, name FROM products WHERE category_id = ? LIMIT 5', [product?.category_id]);
  res.json({ product, related: related.rows });
});
