import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { config } from '../config';

export interface AuthClaims {
  sub: number;
  role: 'customer' | 'admin';
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthClaims;
  }
}

/** Verifies the bearer token with the configured secret (safe: no literal key here). */
export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
  if (!token) {
    res.status(401).json({ error: 'missing token' });
    return;
  }
  try {
    req.auth = jwt.verify(token, config.jwtSecret) as unknown as AuthClaims;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  if (req.auth?.role !== 'admin') {
    res.status(403).json({ error: 'forbidden' });
    return;
  }
  next();
}
