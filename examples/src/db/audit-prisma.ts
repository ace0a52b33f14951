// Audit log endpoints (Prisma raw queries).
import { Router, type Request, type Response } from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export const auditRouter = Router();

// Flaw: $queryRawUnsafe with an interpolated request value (fix: the $queryRaw tagged template).
auditRouter.get('/audit/:userId', async (req: Request, res: Response) => {
  const entries = await prisma.$queryRawUnsafe(`SELECT * FROM "AuditEntry" WHERE "userId" = '${req.params.userId}' ORDER BY "at" DESC`);
  res.json(entries);
});

// Safe: the tagged template sends the value as a parameter.
auditRouter.get('/audit/:userId/count', async (req: Request, res: Response) => {
  const [row] = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "AuditEntry" WHERE "userId" = ${req.params.userId}`;
  res.json({ count: Number(row?.count ?? 0) });
});
