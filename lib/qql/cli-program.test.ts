// CLI tests: reading, SQL and params on success (jobs too); errors with carets and exit 1; migration output; usage errors.
import { describe, expect, it } from 'vitest'
import { runQqlCli } from './cli-program'

describe('runQqlCli', () => {
  it('prints the reading, source, WHERE and params', () => {
    expect(runQqlCli(['--entity', 'patches', 'vendorSeverity: critical AND missingCount > 2'])).toEqual({
      stdout: [
        'Reading: Patches where vendorSeverity is Critical and missingCount is greater than 2',
        'FROM:    patches AS p FINAL',
        "WHERE:   p.vendor_severity = {q1:String} AND p.patch_id IN (SELECT f.patch_id FROM findings AS f FINAL WHERE f.is_deleted = 0 AND f.status = 'Missing' GROUP BY f.patch_id HAVING count() > {q2:Int64})",
        'Params:  {"q1":"Critical","q2":2}',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  it('compiles for a tag scope and time zone when asked', () => {
    const { stdout } = runQqlCli(['--tags', 'Prod,EU', '--time-zone', 'Europe/Paris', 'scanDateTime: 2026-01-31'])
    expect(stdout).toContain('WHERE:   hasAny(a.tags, {scopeTags:Array(String)}) AND a.last_scan_at >= ')
    expect(stdout).toContain('"scopeTags":["Prod","EU"],"q1":"2026-01-30 23:00:00.000"')
  })

  it('prints errors with a caret under the position and exits 1', () => {
    expect(runQqlCli(['vendorSeverity: '])).toEqual({
      stdout: '',
      stderr: 'error: expected a value after `vendorSeverity:` at 16\n  vendorSeverity: \n                  ^\n',
      exitCode: 1,
    })
    expect(runQqlCli(['name: x AND nmae: y']).stderr).toBe(
      'error: unknown token `nmae` for assets at 12, did you mean `name`?\n  name: x AND nmae: y\n              ^^^^\n',
    )
  })

  it('prints the current form of an old query with --migrate', () => {
    expect(runQqlCli(['--migrate', 'os: windows AND patch.isLatest: true'])).toEqual({
      stdout: [
        'operatingSystem: windows AND patch.isSuperseded: false',
        'Changes:',
        '  os: windows  →  operatingSystem: windows   (token version 2: spelled out, as in the asset details)',
        '  patch.isLatest: true  →  patch.isSuperseded: false   (token version 2: the meaning is inverted: isLatest:true is isSuperseded:false)',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
    expect(runQqlCli(['--migrate', '--entity', 'patches', 'isRollup: true'])).toMatchObject({ exitCode: 1, stdout: '' })
  })

  it('compiles an old query when given its version, with deprecation warnings', () => {
    const result = runQqlCli(['--version', '1', 'os: windows'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('WHERE:   a.operating_system ILIKE {q1:String}')
    expect(result.stderr).toBe('warning: `os` was renamed `operatingSystem` in token version 2; `os` is deprecated at 0\n  os: windows\n  ^^\n')
  })

  it('lists the tokens of an entity at a version', () => {
    const current = runQqlCli(['--tokens', '--entity', 'patches'])
    expect(current.exitCode).toBe(0)
    expect(current.stdout).toContain('vendorSeverity  enum       The vendor\'s severity rating. (Critical, Important, Moderate, Low, None) [since v1; v2: now the vendor\'s own rating words')
    expect(current.stdout).toContain('missingCount    integer    Number of assets in your scope missing the patch. [since v1]')
    const old = runQqlCli(['--tokens', '--entity', 'patches', '--version', '1']).stdout
    expect(old).toContain('isRollup        boolean    Whether the patch is an update rollup. [since v1; removed in v2]')
    expect(old).toContain('severity        enum       The vendor\'s severity rating. (Critical, High, Medium, Low, None)')
  })

  it('compiles and lists jobs', () => {
    expect(runQqlCli(['--entity', 'jobs', '--tags', 'Prod', 'status: enabled AND targetTag: prod'])).toEqual({
      stdout: [
        'Reading: Jobs where status is Enabled and any targetTag is "prod"',
        'FROM:    jobs AS j FINAL',
        'WHERE:   j.is_deleted = 0 AND j.status = {q1:String} AND arrayExists(x -> x ILIKE {q2:String}, j.target_tags)',
        'Params:  {"q1":"Enabled","q2":"prod"}',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
    const tokens = runQqlCli(['--tokens', '--entity', 'jobs'])
    expect(tokens.exitCode).toBe(0)
    expect(tokens.stdout.split('\n')).toHaveLength(21 + 1)
    expect(tokens.stdout).toContain('scheduleType           enum       How the job is scheduled. (On-demand, Once, Daily, Weekly, Monthly, Patch Tuesday) [since v1]')
    expect(tokens.stdout).toContain('coAuthor               keyword[]  Emails of the job\'s co-authors; matches when any does. [since v1]')
  })

  it('explains usage mistakes', () => {
    expect(runQqlCli([])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('missing the query') })
    expect(runQqlCli(['--entity', 'licenses', 'x:1'])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--entity must be one of assets, patches, findings, jobs, audit, not licenses'),
    })
    expect(runQqlCli(['--bogus'])).toMatchObject({ exitCode: 2 })
    expect(runQqlCli(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('usage:') })
  })
})
