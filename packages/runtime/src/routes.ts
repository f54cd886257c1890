// The routes a service serves, read from fastify's own route table (`printRoutes`), once it is ready:
// logged at start so an operator (and the security tests) can see every one, and used to answer a
// known path asked with another method 405 + Allow instead of 404.

export interface ServedRoute {
  method: string;
  /** The route's pattern as fastify prints it, e.g. `/v1/citizens/:personalId/history`. */
  path: string;
}

const LINE = /^([│ ]*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/u;

/**
 * Reads `app.printRoutes({ commonPrefix: false })`: one line per node, indented four columns per level,
 * each child's text appended to its parent's path, its methods in parentheses when it is a route.
 */
export function routesOfPrintout(printout: string): ServedRoute[] {
  const routes: ServedRoute[] = [];
  const stack: string[] = [];
  for (const line of printout.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods] = match;
    const depth = indent.length / 4;
    stack.length = depth;
    const path = `${stack.join('')}${segment}`;
    stack.push(segment);
    for (const method of methods?.split(',') ?? []) routes.push({ method: method.trim(), path });
  }
  return routes;
}

/** A path pattern as a regular expression: `:name` after a slash is one segment; anything else is literal. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

export interface RouteMatcher {
  /** The methods some route serves at this concrete path (no query), sorted; [] when none does. */
  methodsAt(path: string): string[];
}

export function createRouteMatcher(routes: readonly ServedRoute[]): RouteMatcher {
  const patterns = routes.map((route) => ({ method: route.method, pattern: patternOf(route.path) }));
  return {
    methodsAt: (path) => [...new Set(patterns.filter(({ pattern }) => pattern.test(path)).map(({ method }) => method))].sort(),
  };
}
