import type { NextFunction, Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    userId?: number;
  }
}

// FLAW (missing-auth): redirects signed-out visitors to the login page but does not return, so `next()` still runs
// and every route behind it answers anyway.
export function requireSession(req: Request, res: Response, next: NextFunction): void {
  if (!req.session.userId) {
    res.redirect('/login');
  }
  next();
}
