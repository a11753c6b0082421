// Administration → Permissions: the role × action matrix, read-only, rendered from the permission table in lib/auth/policy.
import { requirePageUser } from '@/lib/auth/page'
import { ACTIONS, can, type Action } from '@/lib/auth/policy'
import { ROLES } from '@/lib/auth/user'

export const dynamic = 'force-dynamic'

export default async function PermissionsPage() {
  await requirePageUser('users.manage')
  const actions = Object.keys(ACTIONS) as Action[]
  return (
    <>
      <h1>Permissions</h1>
      <p className="subtitle">What each role may do. Generated from the permission table the server enforces; read-only.</p>
      <div className="panel">
        <table className="data permission-matrix" aria-label="Permission matrix">
          <thead>
            <tr>
              <th>Action</th>
              {ROLES.map((role) => (
                <th key={role} className="center">
                  {role}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action}>
                <td>
                  {ACTIONS[action]} <code className="muted">{action}</code>
                </td>
                {ROLES.map((role) => (
                  <td key={role} className="center" aria-label={`${role}: ${can({ role }, action) ? 'allowed' : 'not allowed'}`}>
                    {can({ role }, action) ? <span className="allowed">✓</span> : <span className="denied">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
