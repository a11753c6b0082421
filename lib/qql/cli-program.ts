// The QQL command line as a function of its arguments (cli.ts runs it), so it is tested without spawning a process.
import { parseArgs } from 'node:util'
import { compileQql, CURRENT_TOKEN_VERSION, ENTITIES, ENTITY_SOURCES, explainQql, migrateQuery, tokensFor, type Entity, type QqlError, type QqlToken } from './index'

const ENTITY_CHOICES = ENTITIES.join('|')
const USAGE = `usage: npx tsx lib/qql/cli.ts [--entity ${ENTITY_CHOICES}] [--version 1|2] [--migrate]
                               [--tags Tag1,Tag2] [--time-zone Europe/Paris] "<query>"
       npx tsx lib/qql/cli.ts --tokens [--entity ${ENTITY_CHOICES}] [--version 1|2]

Prints the plain-English reading, the SQL WHERE and its parameters, or the errors with a caret under each.
--migrate prints the current-version form of a query written for --version (default 1).
--tags compiles for a user whose tag scope is those tags (default: a user who sees every asset); jobs are not tag-scoped.
--tokens lists the entity's tokens at the version (default: current) with their types and history.
`

export interface CliResult {
  stdout: string
  stderr: string
  exitCode: number
}

export function runQqlCli(args: string[]): CliResult {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        entity: { type: 'string', short: 'e', default: 'assets' },
        version: { type: 'string', short: 'v' },
        migrate: { type: 'boolean', short: 'm', default: false },
        tags: { type: 'string' },
        'time-zone': { type: 'string', default: 'UTC' },
        tokens: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) return { stdout: USAGE, stderr: '', exitCode: 0 }
  const entity = ENTITIES.find((candidate) => candidate === values.entity)
  if (entity === undefined) return usageError(`--entity must be one of ${ENTITIES.join(', ')}, not ${values.entity}`)
  const version = values.version === undefined ? undefined : Number(values.version)
  if (version !== undefined && !Number.isInteger(version)) return usageError(`--version must be a whole number, not ${values.version}`)
  if (values.tokens) return { stdout: listTokens(tokensFor(entity, version ?? CURRENT_TOKEN_VERSION)), stderr: '', exitCode: 0 }
  if (positionals.length === 0) return usageError('missing the query')
  const query = positionals.join(' ')

  if (values.migrate) return migrate(query, entity, version ?? 1)
  const user = {
    scope: values.tags === undefined ? { all: true, tags: [] } : { all: false, tags: values.tags.split(',').filter((tag) => tag !== '') },
    timeZone: values['time-zone'],
  }
  const result = compileQql({ query, entity, user, version })
  if (!result.ok) return failure(query, result.errors)
  const lines = [
    `Reading: ${explainQql(result.ast, entity)}`,
    `FROM:    ${ENTITY_SOURCES[entity]}`,
    `WHERE:   ${result.where}`,
    `Params:  ${JSON.stringify(result.params)}`,
  ]
  return { stdout: `${lines.join('\n')}\n`, stderr: report(query, 'warning', result.warnings), exitCode: 0 }
}

function migrate(query: string, entity: Entity, from: number): CliResult {
  const result = migrateQuery(query, from, CURRENT_TOKEN_VERSION, entity)
  if (result.query === null) return failure(query, result.errors)
  const changes = result.changes.map((change) => `  ${change.from}  →  ${change.to}   (${change.message})`)
  const summary = changes.length === 0 ? `(no changes from token version ${from})` : `Changes:\n${changes.join('\n')}`
  return { stdout: `${result.query}\n${summary}\n`, stderr: '', exitCode: 0 }
}

/** One line per token: name, type, description, then what changed between versions. */
function listTokens(tokens: readonly QqlToken[]): string {
  if (tokens.length === 0) return ''
  const width = Math.max(...tokens.map((token) => token.name.length))
  return tokens
    .map((token) => {
      const type = token.type === 'array' ? `${token.elementType}[]` : token.type
      const values = token.type === 'enum' && token.values !== null ? ` (${token.values.join(', ')})` : ''
      const changes = token.history.changes.map((change) => `v${change.in}: ${change.note}`)
      const history = [`since v${token.history.addedIn}`, ...changes, ...(token.history.removed ? [`removed in v${token.history.removed.in}`] : [])]
      return `${token.name.padEnd(width)}  ${type.padEnd(10)} ${token.description}${values} [${history.join('; ')}]\n`
    })
    .join('')
}

function usageError(message: string): CliResult {
  return { stdout: '', stderr: `${message}\n\n${USAGE}`, exitCode: 2 }
}

function failure(query: string, errors: QqlError[]): CliResult {
  return { stdout: '', stderr: report(query, 'error', errors), exitCode: 1 }
}

function report(query: string, label: string, diagnostics: QqlError[]): string {
  return diagnostics.map((diagnostic) => `${label}: ${diagnostic.message}\n${underline(query, diagnostic)}\n`).join('')
}

/** The query line holding the problem, with carets under its span (one caret for a point such as the end of text). */
function underline(query: string, { start, end }: QqlError): string {
  const lineStart = query.lastIndexOf('\n', start - 1) + 1
  const lineEnd = query.indexOf('\n', start) === -1 ? query.length : query.indexOf('\n', start)
  const width = Math.max(1, Math.min(end, lineEnd) - start)
  return `  ${query.slice(lineStart, lineEnd)}\n  ${' '.repeat(start - lineStart)}${'^'.repeat(width)}`
}
