// Routes that do not come from containers: NestJS controllers and Next.js file-system routes. Each framework adds
// its routes (with a provisional verdict) to the list; link.ts decides the final verdict for all of them alike.
import type { ApiRoute } from '../../../../rules/support/api-model';
import type { Linker } from '../link';
import { linkNestRoutes } from './nest-link';
import { linkNextRoutes } from './next-link';

export function linkFrameworkRoutes(linker: Linker, routes: ApiRoute[]): void {
  linkNestRoutes(linker, routes);
  linkNextRoutes(linker, routes);
}
