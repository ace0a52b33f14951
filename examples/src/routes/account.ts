import { Router } from 'express';
import { requireSession } from '../middleware/session';
import { User } from '../models/user';

export const accountRouter = Router();

// FLAW (missing-auth): requireSession forgets to return after its redirect (see middleware/session.ts).
accountRouter.post('/delete', requireSession, async (req, res) => {
  await User.destroy({ where: { id: req.session.userId } });
  res.status(204).end();
});
