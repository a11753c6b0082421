// The part of oidc-provider's API (it ships no types) that the e2e provider uses.
declare module 'oidc-provider' {
  interface Account {
    accountId: string
    claims(): Promise<Record<string, unknown>>
  }
  interface Configuration {
    clients: { client_id: string; client_secret: string; redirect_uris: string[]; grant_types: string[]; response_types: string[] }[]
    claims: Record<string, string[]>
    conformIdTokenClaims: boolean
    cookies: { keys: string[] }
    findAccount(ctx: unknown, id: string): Promise<Account>
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    listen(port: number, host: string, callback: () => void): unknown
  }
}
