/** Settings of the HTTP server, resolved by main.ts or by tests. */
export interface ServerConfig {
  version: string;
  /** Directory of the built web client; null serves the API only. */
  webRoot: string | null;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  /** Whether the database holds the demo district (shown in the UI). */
  isDemo: () => Promise<boolean>;
  logger: boolean;
  trustProxy: boolean;
}
