// The fields behind QQL tokens, one definition per table column or derived value, with their version history.
import { DOWNLOAD_METHODS, FINDING_STATUSES, OS_FAMILIES, PATCH_CATEGORIES, VENDOR_SEVERITIES } from '../../../ingest/schema/scan'
import { LICENSED_ASSET_IDS_SQL } from '../licensing'
import { EFFECTIVE_PROFILE_NAME_SQL, SCAN_OVERDUE_SQL } from '../profiles'
import type { FieldGroup, TokenHistory } from './types'

/** Present since the first token-schema version, unchanged. */
const SINCE_V1: TokenHistory = { addedIn: 1, changes: [] }
const SINCE_V2: TokenHistory = { addedIn: 2, changes: [] }

/** An asset counts as scanned recently when its last scan is at most this many days old. */
const RECENT_SCAN_DAYS = 2
const SCAN_STATUSES = ['Scanned', 'Not Scanned Recently'] as const
const [SCANNED, NOT_SCANNED_RECENTLY] = SCAN_STATUSES
const [MISSING, INSTALLED] = FINDING_STATUSES

export const ASSET_FIELDS: FieldGroup = {
  table: 'assets',
  fields: [
    { name: 'id', type: 'keyword', sql: 'a.asset_id', description: 'Asset id, as the agent reports it.', history: SINCE_V1 },
    { name: 'name', type: 'text', sql: 'a.name', valueSource: 'a.name', description: 'Host name.', history: SINCE_V1 },
    {
      name: 'operatingSystem',
      type: 'text',
      sql: 'a.operating_system',
      valueSource: 'a.operating_system',
      description: 'Full operating-system name, e.g. "Windows Server 2022 Datacenter".',
      history: { addedIn: 1, changes: [{ in: 2, renamedFrom: 'os', note: 'spelled out, as in the asset details' }] },
    },
    { name: 'osFamily', type: 'enum', values: OS_FAMILIES, sql: 'a.os_family', description: 'Operating-system family.', history: SINCE_V1 },
    {
      name: 'architecture',
      type: 'keyword',
      sql: 'a.architecture',
      valueSource: 'a.architecture',
      description: 'Processor architecture, e.g. x64.',
      history: SINCE_V1,
    },
    {
      name: 'tags.name',
      type: 'array',
      elementType: 'keyword',
      sql: 'a.tags',
      valueSource: 'arrayJoin(a.tags)',
      description: 'Tags on the asset; matches when any tag does.',
      history: SINCE_V1,
    },
    {
      name: 'lastLoggedOnUser',
      type: 'text',
      sql: 'a.last_logged_on_user',
      valueSource: 'a.last_logged_on_user',
      description: 'The user who last logged on.',
      history: SINCE_V1,
    },
    {
      name: 'interfaces.address',
      type: 'array',
      elementType: 'ip',
      sql: 'a.ip_addresses',
      description: 'IP addresses of the asset: an address, a CIDR block (10.0.0.0/8) or a pattern (10.0.*).',
      history: SINCE_V1,
    },
    { name: 'scanDateTime', type: 'date', sql: 'a.last_scan_at', description: 'When the asset was last scanned.', history: SINCE_V1 },
    { name: 'activatedDate', type: 'date', sql: 'a.activated_at', description: 'When the agent was activated.', history: SINCE_V1 },
    {
      name: 'missingPatchCount',
      type: 'integer',
      sql: 'a.missing_count',
      description: 'Number of patches missing on the asset.',
      history: SINCE_V1,
    },
    {
      name: 'installedPatchCount',
      type: 'integer',
      sql: 'a.installed_count',
      description: 'Number of patches installed on the asset.',
      history: SINCE_V1,
    },
    {
      name: 'missingCriticalCount',
      type: 'integer',
      sql: 'a.missing_critical_count',
      description: 'Number of missing patches of Critical vendor severity.',
      history: SINCE_V2,
    },
    {
      name: 'missingSecurityCount',
      type: 'integer',
      sql: 'a.missing_security_count',
      description: 'Number of missing security patches.',
      history: SINCE_V2,
    },
    {
      name: 'scanStatus',
      type: 'enum',
      values: SCAN_STATUSES,
      sql: `if(a.last_scan_at >= now64(3, 'UTC') - toIntervalDay(${RECENT_SCAN_DAYS}), '${SCANNED}', '${NOT_SCANNED_RECENTLY}')`,
      description: `${SCANNED} when the last scan is at most ${RECENT_SCAN_DAYS} days old, else ${NOT_SCANNED_RECENTLY}.`,
      history: SINCE_V2,
    },
    {
      name: 'profile',
      type: 'keyword',
      sql: EFFECTIVE_PROFILE_NAME_SQL,
      valueSource: EFFECTIVE_PROFILE_NAME_SQL,
      description:
        'Name of the assessment profile that applies to the asset: the enabled custom profile one of whose tags it carries ' +
        '(shortest interval first, then the oldest), else the default profile.',
      history: SINCE_V2,
    },
    {
      name: 'scanOverdue',
      type: 'boolean',
      sql: SCAN_OVERDUE_SQL,
      description: "Whether the asset's last scan is older than the scan interval of its assessment profile.",
      history: SINCE_V2,
    },
    {
      name: 'licensed',
      type: 'boolean',
      sql: `a.asset_id IN (${LICENSED_ASSET_IDS_SQL})`,
      description:
        'Whether the asset holds a licence: on a paid subscription, patchable (an include tag) and not excluded, among the ' +
        'licence count by ascending activation time; every asset does on Free or a trial, or before licences are set up.',
      history: SINCE_V2,
    },
    {
      name: 'timeZone',
      type: 'keyword',
      sql: 'a.time_zone',
      valueSource: 'a.time_zone',
      description: "The asset's IANA time zone as its latest scan reported it (empty when never reported); jobs in the agent's time zone run in it.",
      history: SINCE_V2,
    },
  ],
}

export const PATCH_FIELDS: FieldGroup = {
  table: 'patches',
  fields: [
    { name: 'id', type: 'keyword', sql: 'p.patch_id', description: 'Patch id in the catalog.', history: SINCE_V1 },
    { name: 'title', type: 'text', sql: 'p.title', description: 'Patch title.', history: SINCE_V1 },
    {
      name: 'qid',
      type: 'array',
      elementType: 'integer',
      sql: 'p.qids',
      description: 'QIDs (detection ids) of the patch; matches when any does.',
      history: {
        addedIn: 1,
        changes: [
          {
            in: 2,
            retypedFrom: { type: 'integer', elementType: 'integer' },
            previousDescription: 'QID (detection id) of the patch.',
            note: 'a patch can carry several QIDs',
          },
        ],
      },
    },
    {
      name: 'cve',
      type: 'array',
      elementType: 'keyword',
      sql: 'p.cves',
      description: 'CVE ids the patch fixes, e.g. CVE-2024-38063.',
      history: SINCE_V1,
    },
    { name: 'kb', type: 'keyword', sql: 'p.kb', description: 'Microsoft KB article, e.g. KB5034441.', history: SINCE_V1 },
    { name: 'vendor', type: 'text', sql: 'p.vendor', valueSource: 'p.vendor', description: 'Vendor, e.g. Microsoft.', history: SINCE_V1 },
    {
      name: 'product',
      type: 'array',
      elementType: 'text',
      sql: 'p.products',
      valueSource: 'arrayJoin(p.products)',
      description: 'Products the patch applies to.',
      history: SINCE_V1,
    },
    {
      name: 'appFamily',
      type: 'keyword',
      sql: 'p.app_family',
      valueSource: 'p.app_family',
      description: 'Application family, e.g. Chrome.',
      history: SINCE_V1,
    },
    { name: 'category', type: 'enum', values: PATCH_CATEGORIES, sql: 'p.category', description: 'Patch category.', history: SINCE_V1 },
    {
      name: 'vendorSeverity',
      type: 'enum',
      values: VENDOR_SEVERITIES,
      sql: 'p.vendor_severity',
      description: "The vendor's severity rating.",
      history: {
        addedIn: 1,
        changes: [
          {
            in: 2,
            renamedFrom: 'severity',
            previousValues: ['Critical', 'High', 'Medium', 'Low', 'None'],
            valueMap: { High: 'Important', Medium: 'Moderate' },
            note: "now the vendor's own rating words (High is Important, Medium is Moderate)",
          },
        ],
      },
    },
    { name: 'isSecurity', type: 'boolean', sql: 'p.is_security', description: 'Whether the patch fixes vulnerabilities.', history: SINCE_V1 },
    {
      name: 'isSuperseded',
      type: 'boolean',
      sql: 'p.is_superseded',
      description: 'Whether a newer patch replaces this one.',
      history: {
        addedIn: 1,
        changes: [
          {
            in: 2,
            renamedFrom: 'isLatest',
            previousDescription: 'Whether no newer patch replaces this one.',
            valueMap: { true: 'false', false: 'true' },
            note: 'the meaning is inverted: isLatest:true is isSuperseded:false',
          },
        ],
      },
    },
    {
      name: 'rebootRequired',
      type: 'boolean',
      sql: 'p.reboot_required',
      description: 'Whether installing the patch needs a reboot.',
      history: SINCE_V1,
    },
    {
      name: 'downloadMethod',
      type: 'enum',
      values: DOWNLOAD_METHODS,
      sql: 'p.download_method',
      description: 'Automatic, Acquired (needs a manual download) or Unavailable.',
      history: SINCE_V1,
    },
    {
      name: 'architecture',
      type: 'keyword',
      sql: 'p.architecture',
      valueSource: 'p.architecture',
      description: 'Processor architecture the patch is for.',
      history: SINCE_V1,
    },
    { name: 'publishedDate', type: 'date', sql: 'p.published_at', description: 'When the vendor published the patch.', history: SINCE_V1 },
    { name: 'modifiedDate', type: 'date', sql: 'p.modified_at', description: 'When the catalog entry last changed.', history: SINCE_V1 },
    { name: 'bulletin', type: 'keyword', sql: 'p.bulletin', description: 'Vendor bulletin, e.g. MS17-010.', history: SINCE_V1 },
    {
      name: 'isRollup',
      type: 'boolean',
      sql: "p.category = 'Update Rollups'",
      description: 'Whether the patch is an update rollup.',
      history: { addedIn: 1, removed: { in: 2, note: 'write category: "Update Rollups" instead' }, changes: [] },
    },
  ],
}

/** Per asset × patch: the current finding. */
export const FINDING_FIELDS: FieldGroup = {
  table: 'findings',
  fields: [
    { name: 'status', type: 'enum', values: FINDING_STATUSES, sql: 'f.status', description: 'Missing or Installed.', history: SINCE_V1 },
    { name: 'firstSeenDate', type: 'date', sql: 'f.first_seen_at', description: 'When the finding was first seen.', history: SINCE_V1 },
    { name: 'installedDate', type: 'date', sql: 'f.installed_at', description: 'When the patch was installed.', history: SINCE_V1 },
  ],
}

/** Patches view only: counts of in-scope assets, each `sql` being the finding condition counted. */
export const PATCH_ASSET_COUNT_FIELDS: FieldGroup = {
  table: 'findings',
  fields: [
    {
      name: 'missingCount',
      type: 'integer',
      sql: `f.status = '${MISSING}'`,
      description: 'Number of assets in your scope missing the patch.',
      history: SINCE_V1,
    },
    {
      name: 'installedCount',
      type: 'integer',
      sql: `f.status = '${INSTALLED}'`,
      description: 'Number of assets in your scope with the patch installed.',
      history: SINCE_V1,
    },
  ],
}

export const JOB_TYPES = ['Install', 'Uninstall'] as const
export const JOB_STATUSES = ['Enabled', 'Disabled', 'Completed'] as const
export const JOB_SCHEDULE_TYPES = ['On-demand', 'Once', 'Daily', 'Weekly', 'Monthly', 'Patch Tuesday'] as const
export const JOB_TARGET_TAG_MATCHES = ['Any', 'All'] as const
const [ON_DEMAND] = JOB_SCHEDULE_TYPES

/** A job that lacks any of these cannot run (PRODUCT §5); each is constant SQL over the jobs alias `j`. */
const JOB_HAS_NO_PATCHES = 'empty(j.patch_ids) AND empty(j.dynamic_patch_query)'
const JOB_HAS_NO_TARGETS = 'empty(j.target_asset_ids) AND empty(j.target_tags)'
const JOB_HAS_NO_SCHEDULE = `j.schedule_type != '${ON_DEMAND}' AND empty(j.schedule)`

/** Patch jobs (deployment and uninstall), one row per job. */
export const JOB_FIELDS: FieldGroup = {
  table: 'jobs',
  fields: [
    { name: 'id', type: 'keyword', sql: 'j.job_id', description: 'Job id.', history: SINCE_V1 },
    { name: 'name', type: 'text', sql: 'j.name', valueSource: 'j.name', description: 'Job title.', history: SINCE_V1 },
    { name: 'description', type: 'text', sql: 'j.description', description: 'Job description.', history: SINCE_V1 },
    { name: 'status', type: 'enum', values: JOB_STATUSES, sql: 'j.status', description: 'Enabled, Disabled or Completed.', history: SINCE_V1 },
    { name: 'type', type: 'enum', values: JOB_TYPES, sql: 'j.type', description: 'Install (deployment) or Uninstall.', history: SINCE_V1 },
    {
      name: 'scheduleType',
      type: 'enum',
      values: JOB_SCHEDULE_TYPES,
      sql: 'j.schedule_type',
      description: 'How the job is scheduled.',
      history: SINCE_V1,
    },
    {
      name: 'targetTagMatch',
      type: 'enum',
      values: JOB_TARGET_TAG_MATCHES,
      sql: 'j.target_tag_match',
      description: 'Whether a target asset needs Any or All of the target tags.',
      history: SINCE_V1,
    },
    {
      name: 'owner',
      type: 'keyword',
      sql: 'j.owner_email',
      valueSource: 'j.owner_email',
      description: "Email of the job's owner.",
      history: SINCE_V1,
    },
    {
      name: 'coAuthor',
      type: 'array',
      elementType: 'keyword',
      sql: 'j.co_author_emails',
      valueSource: 'arrayJoin(j.co_author_emails)',
      description: "Emails of the job's co-authors; matches when any does.",
      history: SINCE_V1,
    },
    {
      name: 'isAdvisory',
      type: 'boolean',
      sql: 'j.is_advisory',
      description: 'Whether the job is a job advisory (a patch list from Patch Security, for an operator to complete).',
      history: SINCE_V1,
    },
    {
      name: 'isPartiallyConfigured',
      type: 'boolean',
      sql: `((${JOB_HAS_NO_PATCHES}) OR (${JOB_HAS_NO_TARGETS}) OR (${JOB_HAS_NO_SCHEDULE}))`,
      description:
        'Whether the job cannot run yet: it has no patches (no patch list and no dynamic query), or no targets ' +
        `(no assets and no tags), or no schedule (a schedule type other than ${ON_DEMAND} without schedule details).`,
      history: SINCE_V1,
    },
    {
      name: 'isDynamic',
      type: 'boolean',
      sql: 'notEmpty(j.dynamic_patch_query)',
      description: 'Whether the patches come from a dynamic patch query, resolved before each run, rather than a fixed list.',
      history: SINCE_V1,
    },
    {
      name: 'patchCount',
      type: 'integer',
      sql: 'length(j.patch_ids)',
      description: "Number of patches in the job's fixed list (a dynamic job's patches are resolved at run time and not counted).",
      history: SINCE_V1,
    },
    {
      name: 'targetTag',
      type: 'array',
      elementType: 'keyword',
      sql: 'j.target_tags',
      valueSource: 'arrayJoin(j.target_tags)',
      description: 'Tags whose assets the job targets; matches when any tag does.',
      history: SINCE_V1,
    },
    {
      name: 'targetAsset',
      type: 'array',
      elementType: 'keyword',
      sql: 'j.target_asset_ids',
      description: 'Ids of the assets the job targets one by one; matches when any does.',
      history: SINCE_V1,
    },
    {
      name: 'exclusionTag',
      type: 'array',
      elementType: 'keyword',
      sql: 'j.exclusion_tags',
      valueSource: 'arrayJoin(j.exclusion_tags)',
      description: 'Tags whose assets the job skips; matches when any tag does.',
      history: SINCE_V1,
    },
    {
      name: 'timeZone',
      type: 'keyword',
      sql: 'j.time_zone',
      valueSource: 'j.time_zone',
      description: 'Time zone the schedule is read in, e.g. Europe/Paris; empty when each agent uses its own.',
      history: SINCE_V1,
    },
    { name: 'createdDate', type: 'date', sql: 'j.created_at', description: 'When the job was created.', history: SINCE_V1 },
    { name: 'updatedDate', type: 'date', sql: 'j.updated_at', description: 'When the job was last changed.', history: SINCE_V1 },
    { name: 'lastRunDate', type: 'date', sql: 'j.last_run_at', description: 'When the job last ran; never-run jobs match no date.', history: SINCE_V1 },
    { name: 'nextRunDate', type: 'date', sql: 'j.next_run_at', description: 'When the job runs next; unscheduled jobs match no date.', history: SINCE_V1 },
  ],
}

/** The append-only audit log (`audit_log AS l`), one row per change; read by audit.view holders, not tag-scoped. */
export const AUDIT_FIELDS: FieldGroup = {
  table: 'audit',
  fields: [
    { name: 'time', type: 'date', sql: 'l.at', description: 'When the change happened.', history: SINCE_V1 },
    {
      name: 'actor',
      type: 'keyword',
      sql: 'l.actor_email',
      valueSource: 'l.actor_email',
      description: 'Email of who made the change (`system` for the server itself).',
      history: SINCE_V1,
    },
    { name: 'actorId', type: 'keyword', sql: 'l.actor_id', description: 'User id of who made the change.', history: SINCE_V1 },
    {
      name: 'action',
      type: 'keyword',
      sql: 'l.action',
      valueSource: 'l.action',
      description: 'What happened, e.g. user.create; `action: user.*` matches every change to users.',
      history: SINCE_V1,
    },
    {
      name: 'target',
      type: 'keyword',
      sql: 'l.entity',
      valueSource: 'l.entity',
      description: 'The kind of thing changed, e.g. user, activationKey, savedSearch.',
      history: SINCE_V1,
    },
    { name: 'targetId', type: 'keyword', sql: 'l.entity_id', description: 'Id of the thing changed.', history: SINCE_V1 },
    { name: 'before', type: 'text', sql: 'l.before', description: 'JSON of the state before the change (empty for a creation).', history: SINCE_V1 },
    { name: 'after', type: 'text', sql: 'l.after', description: 'JSON of the state after the change (empty for a deletion).', history: SINCE_V1 },
    {
      name: 'text',
      type: 'text',
      sql: "concat(l.actor_email, ' ', l.entity_id, ' ', l.before, ' ', l.after)",
      description: 'Anywhere in the entry: the actor, the target id, and the state before and after.',
      history: SINCE_V1,
    },
  ],
}
