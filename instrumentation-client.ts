// Runs in the browser before the app starts: zod's eval probe off, since the page CSP forbids eval (docs/security.md, "Security headers").
import { z } from 'zod'

// zod v4 probes `new Function` once to decide on its JIT; a strict CSP reports the refused probe as a violation.
z.config({ jitless: true })
