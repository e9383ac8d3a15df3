#!/bin/bash
# usage: start.sh <none|rest-cache|strapi-cache> [memory|redis]  -> starts one Strapi, fresh SQLite db, pid in run/strapi.pid
set -e
. /tmp/cache-trial/env.sh
export TRIAL_PLUGIN=$1 TRIAL_PROVIDER=${2:-memory}
cd /tmp/cache-trial/app
rm -rf .tmp /tmp/cache-trial/run/state.json
if [ "$TRIAL_DB" = postgres ]; then psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS cache_trial' && psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE cache_trial'; fi
LOG=/tmp/cache-trial/run/strapi-$1-${2:-memory}-${TRIAL_DB:-sqlite}.log
node node_modules/@strapi/strapi/bin/strapi.js start > $LOG 2>&1 &
echo $! > /tmp/cache-trial/run/strapi.pid
for i in $(seq 1 120); do
  if [ -s /tmp/cache-trial/run/state.json ] && curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/_health | grep -q 204; then echo "up after ${i}s (pid $(cat /tmp/cache-trial/run/strapi.pid))"; exit 0; fi
  if ! kill -0 $(cat /tmp/cache-trial/run/strapi.pid) 2>/dev/null; then echo "strapi exited"; tail -40 $LOG; exit 1; fi
  sleep 1
done
echo timeout; tail -40 $LOG; exit 1
