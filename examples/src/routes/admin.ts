import { Router } from 'express';
import { requireAdmin } from '../middleware/auth';
import { User } from '../models/user';

// Mounted behind requireAuth in app.ts (`app.use('/admin', requireAuth, adminRouter)`).
export const adminRouter = Router();

// FLAW (missing-auth, authorization): any signed-in customer can read the admin statistics: authenticated, but no
// role check on the way.
adminRouter.get('/stats', async (_req, res) => {
  res.json({ users: await User.count() });
});

// Safe: admins only.
adminRouter.delete('/sessions', requireAdmin, (_req, res) => {
  res.status(204).end();
});
