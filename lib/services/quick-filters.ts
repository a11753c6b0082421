// The quick filters of each list (PRODUCT.md): ready-made QQL clauses, checked by a test to compile.
/** A named, ready-made clause that a click toggles in the list's query. */
export interface QuickFilter {
  label: string
  clause: string
}

export const ASSET_QUICK_FILTERS: QuickFilter[] = [
  { label: 'Missing patches', clause: 'missingPatchCount > 0' },
  { label: 'Installed patches', clause: 'installedPatchCount > 0' },
  { label: 'Only latest missing', clause: 'patch.status: Missing and patch.isSuperseded: false' },
  { label: 'Missing critical', clause: 'missingCriticalCount > 0' },
  { label: 'Windows', clause: 'osFamily: Windows' },
  { label: 'Linux', clause: 'osFamily: Linux' },
  { label: 'Scanned', clause: 'scanStatus: Scanned' },
  { label: 'Not scanned recently', clause: 'scanStatus: "Not Scanned Recently"' },
  { label: 'Scan overdue', clause: 'scanOverdue: true' },
  { label: 'Not licensed', clause: 'licensed: false' },
]

export const PATCH_QUICK_FILTERS: QuickFilter[] = [
  { label: 'Critical', clause: 'vendorSeverity: Critical' },
  { label: 'Important', clause: 'vendorSeverity: Important' },
  { label: 'Security patches', clause: 'category: "Security Patches"' },
  { label: 'Security', clause: 'isSecurity: true' },
  { label: 'Not superseded', clause: 'isSuperseded: false' },
  { label: 'Superseded', clause: 'isSuperseded: true' },
  { label: 'Missing somewhere', clause: 'missingCount > 0' },
]

export const FINDING_QUICK_FILTERS: QuickFilter[] = [
  { label: 'Missing', clause: 'status: Missing' },
  { label: 'Installed', clause: 'status: Installed' },
  { label: 'Critical', clause: 'patch.vendorSeverity: Critical' },
  { label: 'Not superseded', clause: 'patch.isSuperseded: false' },
  { label: 'Reboot required', clause: 'patch.rebootRequired: true' },
]
