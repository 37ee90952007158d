import { readdirSync, readFileSync } from 'node:fs';

/*
 * Where the CPU goes during a load run, read from /proc (Linux): the server process, the
 * PostgreSQL backends of the bench database and the load generator (this process).
 */

/** CPU time (ms) a process has used so far, from /proc (Linux); 0 where unavailable. */
function processCpuMs(pid: number | string): number {
  try {
    // Fields after the command name: state is field 3, utime 14 and stime 15, in clock ticks
    // of USER_HZ (100 per second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU time (ms) of the PostgreSQL backends serving `database` on this machine (the server is
 * local; a backend's command line names its database). Backends that ended are not counted.
 */
function postgresCpuMs(database: string): number {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmd.startsWith('postgres:') && cmd.split(' ').includes(database))
          total += processCpuMs(pid);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return total;
}

/** Where the CPU goes during a run: the server, PostgreSQL and the load generator itself. */
export function cpuMeter(serverPid: number, database: string) {
  const start = {
    server: processCpuMs(serverPid),
    postgres: postgresCpuMs(database),
    load: process.cpuUsage(),
  };
  return () => {
    const load = process.cpuUsage(start.load);
    return {
      server: processCpuMs(serverPid) - start.server,
      postgres: postgresCpuMs(database) - start.postgres,
      load: (load.user + load.system) / 1000,
    };
  };
}
