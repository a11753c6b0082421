// What the Free fallback changes, wired to their owners: profiles (lowered to 24 h) and jobs (disabled), each audited as `system` there.
import { disableEnabledJobs } from './jobs-system'
import { applyFreeTierToProfiles } from './profiles'
import type { FallbackEffects } from './subscription-fallback'

export const subscriptionFallbackEffects: FallbackEffects = { applyFreeTierToProfiles, disableEnabledJobs }
