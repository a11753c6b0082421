// Typed database errors with messages a person can act on (busy data directory, unreachable server).

/** The embedded data directory is locked by another process (usually the running Patchboard server). */
export class DataDirectoryBusyError extends Error {
  readonly code = 'DATA_DIR_BUSY'
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another process (most likely the running Patchboard server). ` +
        'Stop that process first, or send the work to the running server over its HTTP API.',
    )
  }
}

/** The configured ClickHouse server cannot be reached or refused the credentials. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE'
  constructor(target: string, reason: string) {
    super(`Cannot reach ClickHouse at ${target}: ${reason}`)
  }
}

/** The engine lock failure surfaces as a connection error whose cause or message mentions the status lock. */
export function isDataDirectoryLockError(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? '') + String((error as { cause?: unknown })?.cause ?? '')
  return /Cannot lock file|Failed to create connection for path|already running/i.test(text)
}
