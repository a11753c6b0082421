// The API's route registry and the OpenAPI 3.1 document generated from it (z.toJSONSchema of the routes' own zod schemas).
import { z } from 'zod'
import { ACTIONS, type Action } from '@/lib/auth/policy'
import { subscriptionUpdateSchema, subscriptionViewSchema, updateSubscriptionBody } from '@/lib/schemas/subscription'
import { licenseOverviewSchema, updateLicenseSettingsBody } from '@/lib/schemas/licenses'
import { preferencesSchema, updatePreferencesBody } from '@/lib/schemas/preferences'
import { agentProfileQuery, createProfileBody, profileBulkBody, profileIdParams, updateProfileBody } from '@/lib/schemas/profiles'
import { changePasswordBody, passwordChangedSchema, updateAccountBody } from '@/lib/services/account'
import { createdTokenSchema, createTokenBody, tokenIdParams, tokenListSchema, tokenViewSchema } from '@/lib/services/api-tokens'
import { createActivationKeyInput } from '@/lib/services/activation-keys'
import { auditPageSchema, auditQuerySchema, auditSuggestQuery } from '@/lib/services/audit-log'
import { activationKeyIdParams, ingestHistoryQuery, quarantineIdParams, quarantinePurgeQuery, quarantineQuery, uploadQuery } from '@/lib/services/ingest-admin'
import { assetIdParams, assetListQuery, findingListQuery, patchListQuery } from '@/lib/services/lists'
import { exportDownloadQuery } from '@/lib/export/download'
import { jobProgressExportQuery, jobProgressPreviewQuery, jobsExportQuery, jobsPreviewQuery } from '@/lib/export/job-exports'
import { agentJobsQuery, agentJobsResponse } from '@/lib/schemas/job-runs'
import { jobProgressQuery } from '@/lib/services/job-progress'
import { savedSearchChanges, savedSearchInput, searchIdParams, searchListQuery } from '@/lib/services/saved-searches'
import {
  createDashboardBody,
  dashboardIdParams,
  deleteDashboardQuery,
  duplicateDashboardBody,
  homeDashboardBody,
  saveDashboardBody,
  updateDashboardBody,
} from '@/lib/services/dashboards'
import { dashboardDataQuery, dashboardImportBody, rebuildAllBody, rebuildDashboardBody, widgetPreviewBody } from '@/lib/services/dashboards-data'
import { dashboardDownloadQuery } from '@/lib/services/dashboards-download'
import { widgetExportParams, widgetExportQuery } from '@/lib/services/dashboards-widget-export'
import { exportIdParams, exportJobViewSchema, exportPreviewQuery, startExportBody } from '@/lib/services/exports'
import { qqlSuggestQuery, qqlValidateBody } from '@/lib/services/search'
import { cloneJobBody, createJobBody, jobIdParams, jobListQuery, saveJobBody } from '@/lib/services/jobs'
import { bulkJobsBody, ownerBody } from '@/lib/services/jobs-actions'
import { jobPeopleQuery } from '@/lib/services/jobs-people'
import { patchesPreviewBody, targetsPreviewBody, validateStepBody } from '@/lib/services/jobs-preview'
import { createUserBody, resetPasswordBody, updateUserBody, userIdParams, userListSchema, userViewSchema, userWithPasswordSchema } from '@/lib/services/user-admin'

type Schema = z.ZodTypeAny

export interface ApiRouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** OpenAPI path; `{id}` is the route folder `[id]`. */
  path: string
  summary: string
  /** The permission the route's authorization decision checks; `public` needs no session; `activationKey` is an agent's key. */
  auth: Action | 'public' | 'activationKey'
  query?: Schema
  params?: Schema
  body?: Schema
  response?: Schema
}

/** Every API route. Adding a route to the OpenAPI document is one entry here. */
export const API_ROUTES: ApiRouteSpec[] = [
  { method: 'GET', path: '/api/health', summary: 'Health: ok or degraded (503); with a session or token also engine, version, migrations, row counts', auth: 'public' },
  { method: 'GET', path: '/api/v1/openapi.json', summary: 'This OpenAPI document', auth: 'account.manage' },
  { method: 'GET', path: '/api/v1/assets', summary: 'In-scope assets, paged and sorted', auth: 'assets.view', query: assetListQuery },
  { method: 'GET', path: '/api/v1/assets/{id}', summary: 'One asset; 404 when it does not exist or is outside your scope', auth: 'assets.view', params: assetIdParams },
  { method: 'GET', path: '/api/v1/patches', summary: 'Patch catalog with counts over in-scope assets', auth: 'assets.view', query: patchListQuery },
  { method: 'GET', path: '/api/v1/findings', summary: 'Current asset × patch findings matching a QQL query, in your scope', auth: 'assets.view', query: findingListQuery },
  { method: 'GET', path: '/api/v1/export', summary: 'A list (assets, patches, findings) as a CSV or XLSX file: the same query, sort and scope as the screen, streamed', auth: 'data.export', query: exportDownloadQuery },
  { method: 'GET', path: '/api/v1/export/jobs', summary: 'The Jobs list (same QQL, filters, sort and visibility) as a CSV or XLSX file, streamed page by page', auth: 'data.export', query: jobsExportQuery },
  { method: 'GET', path: '/api/v1/export/jobs/preview', summary: 'What a Jobs export would hold: the query in words, the row count, the columns', auth: 'data.export', query: jobsPreviewQuery },
  { method: 'GET', path: '/api/v1/export/job-progress', summary: 'A job run\'s progress as one row per asset × patch (the progress page\'s run, status and asset query), CSV or XLSX', auth: 'data.export', query: jobProgressExportQuery },
  { method: 'GET', path: '/api/v1/export/job-progress/preview', summary: 'What a job-progress export would hold: the run and filters in words, the row count, the columns', auth: 'data.export', query: jobProgressPreviewQuery },
  { method: 'POST', path: '/api/v1/qql/validate', summary: 'Check a QQL query: errors with positions, warnings, plain-English reading, v2 form of a v1 query', auth: 'assets.view', body: qqlValidateBody },
  { method: 'GET', path: '/api/v1/qql/suggest', summary: 'Autocomplete at a cursor: tokens, operators, values, known values in your scope', auth: 'assets.view', query: qqlSuggestQuery },
  { method: 'GET', path: '/api/v1/searches', summary: 'Your and shared saved searches, and your recent searches', auth: 'assets.view', query: searchListQuery },
  { method: 'POST', path: '/api/v1/searches', summary: 'Save a search (private or shared)', auth: 'assets.view', body: savedSearchInput },
  { method: 'PATCH', path: '/api/v1/searches/{id}', summary: 'Rename, change the query of, or (un)share your saved search', auth: 'assets.view', params: searchIdParams, body: savedSearchChanges },
  { method: 'DELETE', path: '/api/v1/searches/{id}', summary: 'Delete your saved search', auth: 'assets.view', params: searchIdParams },
  { method: 'GET', path: '/api/v1/exports', summary: 'Your export jobs, newest first, with progress and download links', auth: 'data.export' },
  { method: 'POST', path: '/api/v1/exports', summary: 'Start a background export job (CSV or XLSX) of a list query in your scope (Jobs and job progress: their screen parameters in options); 413 above PATCHBOARD_EXPORT_MAX_ROWS', auth: 'data.export', body: startExportBody, response: exportJobViewSchema },
  // Static before /exports/{id}, as Next prefers static segments.
  { method: 'GET', path: '/api/v1/exports/preview', summary: 'What an export would hold: the query in words, the row count in your scope, the columns, the limits', auth: 'data.export', query: exportPreviewQuery },
  { method: 'GET', path: '/api/v1/exports/{id}', summary: 'One of your export jobs: status, rows written of the total, an ETA (another user\'s: 404)', auth: 'data.export', params: exportIdParams, response: exportJobViewSchema },
  { method: 'POST', path: '/api/v1/exports/{id}/cancel', summary: 'Cancel your queued or running export job', auth: 'data.export', params: exportIdParams, response: exportJobViewSchema },
  { method: 'GET', path: '/api/v1/exports/{id}/download', summary: 'The finished file of your export job (409 before it is done or after it expired)', auth: 'data.export', params: exportIdParams },
  { method: 'GET', path: '/api/v1/dashboards', summary: 'Your and shared dashboards (Administrators: every dashboard), with the default and your home', auth: 'dashboards.view' },
  { method: 'POST', path: '/api/v1/dashboards', summary: 'Create a dashboard of your own (private unless shared)', auth: 'dashboards.editOwn', body: createDashboardBody },
  // Static paths before /dashboards/{id}: the first matching entry names a request's route (as Next prefers static segments).
  { method: 'PUT', path: '/api/v1/dashboards/home', summary: 'Choose the dashboard / opens for you (null: the default one)', auth: 'dashboards.view', body: homeDashboardBody },
  { method: 'POST', path: '/api/v1/dashboards/import', summary: 'Import an exported dashboard file as a new private dashboard (ids regenerated; newer files refused; report of what was dropped)', auth: 'dashboards.editOwn', body: dashboardImportBody },
  { method: 'POST', path: '/api/v1/dashboards/rebuild', summary: 'Rebuild the widgets of every dashboard (Administrators), with a report per dashboard', auth: 'dashboards.editAny', body: rebuildAllBody },
  { method: 'GET', path: '/api/v1/dashboards/{id}', summary: 'One dashboard with its definition (widgets, layout, filters, refresh) and revision', auth: 'dashboards.view', params: dashboardIdParams },
  { method: 'PUT', path: '/api/v1/dashboards/{id}', summary: 'Save a dashboard against the revision you opened (409 naming who saved first)', auth: 'dashboards.editOwn', params: dashboardIdParams, body: saveDashboardBody },
  { method: 'PATCH', path: '/api/v1/dashboards/{id}', summary: 'Rename, describe, share or unshare a dashboard', auth: 'dashboards.editOwn', params: dashboardIdParams, body: updateDashboardBody },
  { method: 'DELETE', path: '/api/v1/dashboards/{id}', summary: 'Delete a dashboard (yours; Administrators: anyone\'s)', auth: 'dashboards.editOwn', params: dashboardIdParams, query: deleteDashboardQuery },
  { method: 'POST', path: '/api/v1/dashboards/{id}/duplicate', summary: 'A private copy of a dashboard, owned by you', auth: 'dashboards.editOwn', params: dashboardIdParams, body: duplicateDashboardBody },
  { method: 'GET', path: '/api/v1/dashboards/{id}/data', summary: 'Every widget\'s result in your tag scope (cached by data version; refresh=1 recomputes)', auth: 'dashboards.view', params: dashboardIdParams, query: dashboardDataQuery },
  { method: 'POST', path: '/api/v1/dashboards/{id}/rebuild', summary: 'Rebuild outdated widgets in current tokens (dryRun: report only), per widget rebuilt / unchanged / not rebuildable', auth: 'dashboards.editOwn', params: dashboardIdParams, body: rebuildDashboardBody },
  { method: 'GET', path: '/api/v1/dashboards/{id}/export', summary: 'The dashboard as a versioned JSON file', auth: 'dashboards.view', params: dashboardIdParams },
  { method: 'GET', path: '/api/v1/dashboards/{id}/download', summary: 'The dashboard as PNG or PDF, rendered server-side in headless Chromium (503 without one)', auth: 'dashboards.download', params: dashboardIdParams, query: dashboardDownloadQuery },
  { method: 'GET', path: '/api/v1/dashboards/{id}/widgets/{widgetId}/export', summary: 'One widget\'s data as CSV or XLSX in your tag scope, with the dashboard\'s or the URL\'s filters (audited)', auth: 'dashboards.view', params: widgetExportParams, query: widgetExportQuery },
  { method: 'POST', path: '/api/v1/widgets/preview', summary: 'A widget\'s result on real data in your tag scope (the builder\'s live preview)', auth: 'dashboards.editOwn', body: widgetPreviewBody },
  { method: 'GET', path: '/api/v1/jobs', summary: 'Every job listed (QQL q, status, scheduleType, type, mine, coAuthored, sort, paging) with your actions per job; detail only of jobs you may view', auth: 'jobs.viewAssigned', query: jobListQuery },
  { method: 'POST', path: '/api/v1/jobs', summary: 'Create a job (Disabled; jobs.create) or, with advisory: true, a job advisory of basics and a patch list (jobs.createAdvisory)', auth: 'jobs.viewAssigned', body: createJobBody },
  // Static paths before /jobs/{id}.
  { method: 'POST', path: '/api/v1/jobs/validate', summary: 'Check one wizard step: { ok: true }, or 400 with details per field path', auth: 'jobs.viewAssigned', body: validateStepBody },
  { method: 'POST', path: '/api/v1/jobs/targets/preview', summary: 'Targets preview: assets included in the owner\'s and your scope (count, ≤ 50 of them) and tagged assets matched vs included', auth: 'jobs.create', body: targetsPreviewBody },
  { method: 'POST', path: '/api/v1/jobs/patches/preview', summary: 'Patches preview: a fixed list, or a dynamic query resolved as a run would (missing, non-superseded, ≤ 2,000, newest first), in your scope', auth: 'jobs.viewAssigned', body: patchesPreviewBody },
  { method: 'GET', path: '/api/v1/jobs/people', summary: 'Eligible owners (jobs.changeOwner) or co-authors of a job (jobs.create): same or higher role, a scope at least as large', auth: 'jobs.viewAssigned', query: jobPeopleQuery },
  { method: 'POST', path: '/api/v1/jobs/bulk', summary: 'Delete, enable or change the owner of many jobs: each id done or refused with its reason', auth: 'jobs.operateOwn', body: bulkJobsBody },
  { method: 'GET', path: '/api/v1/jobs/{id}', summary: 'One job you may view (404 otherwise)', auth: 'jobs.viewAssigned', params: jobIdParams },
  { method: 'PUT', path: '/api/v1/jobs/{id}', summary: 'Save a job against the version you opened (409 naming who saved first); co-authors change tags, not assets or co-authors', auth: 'jobs.operateOwn', params: jobIdParams, body: saveJobBody },
  { method: 'DELETE', path: '/api/v1/jobs/{id}', summary: 'Delete a job you own, co-author or (Patch Manager) any job', auth: 'jobs.operateOwn', params: jobIdParams },
  { method: 'POST', path: '/api/v1/jobs/{id}/enable', summary: 'Enable a fully configured job (409 naming what is missing; an on-demand job starts its run at once; refused on Free)', auth: 'jobs.operateOwn', params: jobIdParams },
  { method: 'POST', path: '/api/v1/jobs/{id}/disable', summary: 'Disable an enabled job (a run-once or on-demand job, once enabled, cannot be disabled, only deleted)', auth: 'jobs.operateOwn', params: jobIdParams },
  { method: 'POST', path: '/api/v1/jobs/{id}/clone', summary: 'A Disabled copy of a job you may view, owned by you', auth: 'jobs.create', params: jobIdParams, body: cloneJobBody },
  { method: 'POST', path: '/api/v1/jobs/{id}/owner', summary: 'Change the owner; the job then runs only on assets in both the old and the new owner\'s scope', auth: 'jobs.changeOwner', params: jobIdParams, body: ownerBody },
  { method: 'POST', path: '/api/v1/jobs/{id}/assign', summary: 'Assign a job advisory to a Patch User or Manager, who owns and completes it', auth: 'jobs.changeOwner', params: jobIdParams, body: ownerBody },
  { method: 'POST', path: '/api/v1/jobs/{id}/run', summary: 'Run now: a run of an enabled, fully configured job you may operate, at once ({ runId, created }; the same minute answers the same run; 409 otherwise)', auth: 'jobs.operateOwn', params: jobIdParams },
  { method: 'GET', path: '/api/v1/jobs/{id}/progress', summary: 'A run of a job you may view (the latest unless runId): counts per status, percent, per-patch outcomes and a page of assets, only assets in your scope; status, q (assets QQL), paging', auth: 'jobs.viewAssigned', params: jobIdParams, query: jobProgressQuery },
  { method: 'POST', path: '/api/v1/ingest/scans', summary: 'Agents: scan documents (JSON, array or NDJSON, optionally gzip; streamed)', auth: 'activationKey' },
  { method: 'POST', path: '/api/v1/ingest/catalog', summary: 'Agents: patch catalog documents', auth: 'activationKey' },
  { method: 'POST', path: '/api/v1/ingest/job-results', summary: 'Agents: job result documents', auth: 'activationKey' },
  { method: 'GET', path: '/api/v1/agent/jobs', summary: 'Agents: the open job runs assigned to the asset (due, window open, not finished), each with its resolved patch list, options and window; results go to POST /api/v1/ingest/job-results', auth: 'activationKey', query: agentJobsQuery, response: agentJobsResponse },
  { method: 'GET', path: '/api/v1/agent/inventory', summary: 'Agents: the asset\'s current inventory as last reported (asset fields, each patch status), to send a complete new scan; a key with tags reads only assets carrying them', auth: 'activationKey', query: agentJobsQuery },
  { method: 'GET', path: '/api/v1/schema/{document}', summary: 'JSON Schema of an ingest document: scan.json, catalog.json or job-result.json', auth: 'public' },
  { method: 'GET', path: '/api/v1/admin/activation-keys', summary: 'Activation keys (prefix, tags, last use; never the secret)', auth: 'activationKeys.manage' },
  { method: 'POST', path: '/api/v1/admin/activation-keys', summary: 'Create an activation key (the whole key is returned once)', auth: 'activationKeys.manage', body: createActivationKeyInput },
  { method: 'DELETE', path: '/api/v1/admin/activation-keys/{id}', summary: 'Revoke an activation key', auth: 'activationKeys.manage', params: activationKeyIdParams },
  { method: 'POST', path: '/api/v1/admin/data-import', summary: 'Upload a file of documents as the signed-in user', auth: 'data.import', query: uploadQuery },
  { method: 'GET', path: '/api/v1/admin/ingest-history', summary: 'Latest ingest requests and files with their counts (every site)', auth: 'data.quarantine', query: ingestHistoryQuery },
  { method: 'GET', path: '/api/v1/admin/quarantine', summary: 'Rejected documents with their reasons (every site), by run, age or activation key', auth: 'data.quarantine', query: quarantineQuery },
  { method: 'DELETE', path: '/api/v1/admin/quarantine', summary: 'Purge quarantined documents older than N days and/or sent with one activation key, or all=true (audited)', auth: 'data.quarantine', query: quarantinePurgeQuery },
  { method: 'GET', path: '/api/v1/admin/quarantine/{id}', summary: 'Download one rejected document as received', auth: 'data.quarantine', params: quarantineIdParams },
  { method: 'GET', path: '/api/v1/me', summary: 'Your account', auth: 'account.manage', response: userViewSchema },
  { method: 'PATCH', path: '/api/v1/me', summary: 'Change your name or time zone', auth: 'account.manage', body: updateAccountBody, response: userViewSchema },
  { method: 'GET', path: '/api/v1/me/preferences', summary: 'Your display preferences (colour theme)', auth: 'account.manage', response: preferencesSchema },
  { method: 'PATCH', path: '/api/v1/me/preferences', summary: 'Choose your colour theme (system, light or dark)', auth: 'account.manage', body: updatePreferencesBody, response: preferencesSchema },
  { method: 'POST', path: '/api/v1/me/password', summary: 'Change your password (ends all your sessions)', auth: 'account.manage', body: changePasswordBody, response: passwordChangedSchema },
  { method: 'GET', path: '/api/v1/me/tokens', summary: 'Your API tokens', auth: 'account.manage', response: tokenListSchema },
  { method: 'POST', path: '/api/v1/me/tokens', summary: 'Create an API token (returned once)', auth: 'account.manage', body: createTokenBody, response: createdTokenSchema },
  { method: 'DELETE', path: '/api/v1/me/tokens/{id}', summary: 'Revoke one of your API tokens', auth: 'account.manage', params: tokenIdParams, response: tokenViewSchema },
  { method: 'GET', path: '/api/v1/admin/users', summary: 'All users', auth: 'users.manage', response: userListSchema },
  { method: 'POST', path: '/api/v1/admin/users', summary: 'Create a user (password generated when omitted, returned once)', auth: 'users.manage', body: createUserBody, response: userWithPasswordSchema },
  { method: 'GET', path: '/api/v1/admin/users/{id}', summary: 'One user', auth: 'users.manage', params: userIdParams, response: userViewSchema },
  { method: 'PATCH', path: '/api/v1/admin/users/{id}', summary: 'Change name, role, tag scope, time zone, or disable/enable', auth: 'users.manage', params: userIdParams, body: updateUserBody, response: userViewSchema },
  { method: 'DELETE', path: '/api/v1/admin/users/{id}', summary: 'Delete a user and their API tokens', auth: 'users.manage', params: userIdParams },
  { method: 'POST', path: '/api/v1/admin/users/{id}/password', summary: "Reset a user's password (ends their sessions)", auth: 'users.manage', params: userIdParams, body: resetPasswordBody, response: userWithPasswordSchema },
  { method: 'POST', path: '/api/v1/admin/users/{id}/sign-out', summary: "End all of a user's sessions", auth: 'users.manage', params: userIdParams, response: userViewSchema },
  { method: 'GET', path: '/api/v1/admin/tokens', summary: "Everyone's API tokens", auth: 'users.manage', response: tokenListSchema },
  { method: 'DELETE', path: '/api/v1/admin/tokens/{id}', summary: "Revoke anyone's API token", auth: 'users.manage', params: tokenIdParams, response: tokenViewSchema },
  { method: 'GET', path: '/api/v1/audit', summary: 'Audit log searched with QQL (format=csv exports)', auth: 'audit.view', query: auditQuerySchema, response: auditPageSchema },
  { method: 'GET', path: '/api/v1/audit/suggest', summary: 'Autocomplete of an audit-log query: tokens, operators, known actors, actions and targets', auth: 'audit.view', query: auditSuggestQuery },
  { method: 'GET', path: '/api/v1/profiles', summary: 'Assessment profiles (the default first) with assets covered in your scope and the actions you may take', auth: 'profiles.view' },
  { method: 'POST', path: '/api/v1/profiles', summary: 'Create a custom assessment profile (its tags belong to no other custom profile; interval at least the subscription minimum)', auth: 'profiles.manage', body: createProfileBody },
  // Static before /profiles/{id}.
  { method: 'POST', path: '/api/v1/profiles/bulk', summary: 'Delete, enable or disable several custom profiles; each done or refused with the reason (the default always is)', auth: 'profiles.manage', body: profileBulkBody },
  { method: 'GET', path: '/api/v1/profiles/{id}', summary: 'One assessment profile (`default` is the default profile)', auth: 'profiles.view', params: profileIdParams },
  { method: 'PUT', path: '/api/v1/profiles/{id}', summary: 'Edit a profile against the revision you opened (409 naming who saved first); the default takes only its interval', auth: 'profiles.manage', params: profileIdParams, body: updateProfileBody },
  { method: 'DELETE', path: '/api/v1/profiles/{id}', summary: 'Delete a custom profile (the default: 409)', auth: 'profiles.manage', params: profileIdParams },
  { method: 'POST', path: '/api/v1/profiles/{id}/enable', summary: 'Enable a custom profile (the default: 409, it always applies)', auth: 'profiles.manage', params: profileIdParams },
  { method: 'POST', path: '/api/v1/profiles/{id}/disable', summary: 'Disable a custom profile: its assets fall to another covering profile or the default (the default: 409)', auth: 'profiles.manage', params: profileIdParams },
  { method: 'GET', path: '/api/v1/licenses', summary: 'Licences: count, include and exclude tags, consumption (may pass 100 %) and whether they apply (an active paid subscription)', auth: 'profiles.view', response: licenseOverviewSchema },
  { method: 'PUT', path: '/api/v1/licenses', summary: 'Set the licence count and the include (patchable) and exclude tags; audited', auth: 'licenses.manage', body: updateLicenseSettingsBody, response: licenseOverviewSchema },
  { method: 'GET', path: '/api/v1/subscription', summary: 'The subscription in effect (Free, trial or paid; an expired one is Free), its expiry and what it limits; every signed-in user', auth: 'account.manage', response: subscriptionViewSchema },
  { method: 'PUT', path: '/api/v1/subscription', summary: 'Set the tier and expiry; a lapsed or Free subscription applies the Free fallback at once (profiles to 24 h, jobs disabled); audited', auth: 'subscription.manage', body: updateSubscriptionBody, response: subscriptionUpdateSchema },
  { method: 'GET', path: '/api/v1/agent/profile', summary: 'Agents: the assessment profile that applies to an asset (name, interval, why), or the default for an asset not reported with this key', auth: 'activationKey', query: agentProfileQuery },
]

function jsonSchema(schema: Schema, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

function parameters(schema: Schema | undefined, location: 'query' | 'path') {
  if (!schema) return []
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
  return Object.entries(properties).map(([name, propertySchema]) => ({ name, in: location, required: location === 'path' || required.includes(name), schema: propertySchema }))
}

const ERROR_SCHEMA = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} }, required: ['code', 'message'] } },
}

function describeAuth(auth: ApiRouteSpec['auth']): string {
  if (auth === 'public') return 'Open without authentication.'
  if (auth === 'activationKey') return 'Requires an activation key: `Authorization: Bearer pbk_…`.'
  return `Requires the permission \`${auth}\` (${ACTIONS[auth]}).`
}

export function openApiDocument(routes: ApiRouteSpec[] = API_ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    const errorResponses = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
    paths[route.path] ??= {}
    paths[route.path][route.method.toLowerCase()] = {
      summary: route.summary,
      description: describeAuth(route.auth),
      security: route.auth === 'public' ? [] : route.auth === 'activationKey' ? [{ activationKey: [] }] : [{ bearerToken: [] }, { sessionCookie: [] }],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses: {
        200: { description: 'OK', ...(route.response ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } } : {}) },
        ...(route.auth === 'public' ? {} : { 401: errorResponses, 403: errorResponses }),
        400: errorResponses,
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Patchboard API', version: '1' },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token `pbt_…` (Account → API tokens); acts with its owner\'s role and tag scope.' },
        activationKey: { type: 'http', scheme: 'bearer', description: 'An agent activation key `pbk_…` (Administration → Activation keys).' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'The browser session; state-changing requests must come from the same origin.' },
      },
    },
  }
}
