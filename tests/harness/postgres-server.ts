import { execFileSync } from 'child_process';
import { readdirSync } from 'fs';

/** The machine's PostgreSQL cluster, restarted the way its service is started here. */
export const restartPostgres = (): void => {
  const [version] = readdirSync('/etc/postgresql');
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
    stdio: 'ignore',
  });
};
