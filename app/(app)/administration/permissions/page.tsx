// Administration → Permissions: the role × action matrix, read-only, rendered from the permission table in lib/auth/policy.
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { requirePageUser } from '@/lib/auth/page'
import { ACTIONS, can, type Action } from '@/lib/auth/policy'
import { ROLES } from '@/lib/auth/user'

export const dynamic = 'force-dynamic'

export default async function PermissionsPage() {
  const user = await requirePageUser('users.manage')
  const actions = Object.keys(ACTIONS) as Action[]
  const columns: ColumnDef<Action>[] = [
    { id: 'action', header: 'Action', hideable: false, cell: (action) => <>{ACTIONS[action]} <code className="muted">{action}</code></> },
    ...ROLES.map(
      (role): ColumnDef<Action> => ({
        id: role,
        header: role,
        center: true,
        cell: (action) =>
          can({ role }, action) ? (
            <span className="allowed" aria-label={`${role}: allowed`}>✓</span>
          ) : (
            <span className="denied" aria-label={`${role}: not allowed`}>—</span>
          ),
      }),
    ),
  ]
  return (
    <>
      <h1>Permissions</h1>
      <p className="subtitle">What each role may do. Generated from the permission table the server enforces; read-only.</p>
      <div className="permission-matrix">
        <DataGrid tableId="permissions" userId={user.id} label="Permission matrix" noun="actions" {...gridData(columns, actions, (action) => action)} bounded={false} />
      </div>
    </>
  )
}
