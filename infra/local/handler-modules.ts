export type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/**
 * Imports each function's handler module on its first use and keeps it, as a Lambda execution environment does:
 * the runtime's own thread and each handler thread hold one of these.
 */
export const handlerModules = (): ((module: string) => Promise<Handler>) => {
  const loaded = new Map<string, Promise<Handler>>();
  return (module) => {
    let handler = loaded.get(module);
    if (!handler) {
      handler = import(module).then((imported: { handler: Handler }) => imported.handler);
      loaded.set(module, handler);
    }
    return handler;
  };
};
