// Command line for QQL: `npx tsx lib/qql/cli.ts [--entity assets|patches|findings|jobs] [--version 1|2] [--migrate] "<query>"`.
import { runQqlCli } from './cli-program'

const { stdout, stderr, exitCode } = runQqlCli(process.argv.slice(2))
process.stdout.write(stdout)
process.stderr.write(stderr)
process.exitCode = exitCode
