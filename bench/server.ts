// Benchmark helpers for a built Patchboard server in a child process: a free port, start and health wait, memory from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** A process and its descendants. */
function processTree(pid: number): number[] {
  const pids = [pid]
  for (let i = 0; i < pids.length; i++) {
    const children = spawnSync('pgrep', ['-P', String(pids[i])], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number)
    pids.push(...children)
  }
  return pids
}

/** Resident memory of a process and its children in MB, from /proc: `VmHWM` (the peak so far) or `VmRSS` (now). */
export function treeMemoryMB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  let total = 0
  for (const p of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8')
      total += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(total / 1024)
}

export async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(new URL('/api/health', url))).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the server did not come up')
}

/** `next start` of this checkout's build (NEXT_DIST_DIR or .next) on a free port over `dataDir`, once healthy. */
export async function startServer(root: string, dataDir: string, env: Record<string, string | undefined> = {}): Promise<{ url: string; server: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, PATCHBOARD_DATA_DIR: dataDir, NEXTAUTH_URL: url, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitForHealth(url)
  const stop = async () => {
    if (server.exitCode !== null) return
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
  return { url, server, stop }
}
