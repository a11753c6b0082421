// The permission table: nested roles, Security apart, Administrator everything.
import { describe, expect, it } from 'vitest'
import { ACTIONS, authorize, can, ForbiddenError, PERMISSIONS, type Action } from './policy'
import { ROLES } from './user'

const allows = (role: (typeof ROLES)[number]) => [...PERMISSIONS[role]].sort()
const isSubset = (small: string[], big: string[]) => small.every((a) => big.includes(a))

describe('permission table', () => {
  it('nests Reader ⊂ Dashboard Author ⊂ User ⊂ Manager ⊂ Administrator', () => {
    const chain = ['Patch Reader', 'Patch Dashboard Author', 'Patch User', 'Patch Manager', 'Administrator'] as const
    for (let i = 1; i < chain.length; i++) {
      expect(isSubset(allows(chain[i - 1]), allows(chain[i]))).toBe(true)
      expect(allows(chain[i]).length).toBeGreaterThan(allows(chain[i - 1]).length)
    }
  })

  it('gives Administrators every action and keeps user management to them', () => {
    expect(allows('Administrator')).toEqual((Object.keys(ACTIONS) as Action[]).sort())
    for (const role of ROLES) expect(can({ role }, 'users.manage')).toBe(role === 'Administrator')
  })

  it('lets Patch Security create advisories but neither create nor operate jobs', () => {
    expect(can({ role: 'Patch Security' }, 'jobs.createAdvisory')).toBe(true)
    expect(can({ role: 'Patch Security' }, 'jobs.create')).toBe(false)
    expect(can({ role: 'Patch Security' }, 'jobs.operateOwn')).toBe(false)
    expect(can({ role: 'Patch Manager' }, 'jobs.createAdvisory')).toBe(false)
  })

  it('authorize throws a ForbiddenError naming the action', () => {
    expect(() => authorize({ role: 'Patch Reader' }, 'licenses.manage')).toThrow(ForbiddenError)
    expect(() => authorize({ role: 'Patch Reader' }, 'licenses.manage')).toThrow('Your role may not manage licenses.')
    expect(() => authorize({ role: 'Patch Manager' }, 'licenses.manage')).not.toThrow()
  })
})
