#!/bin/bash
# All runs of the trial, one Strapi at a time (about 15 minutes). Needs redis-server on 6390 (db 7) and PostgreSQL on 5432.
cd /tmp/cache-trial
run() { local label=$1 probes=$2; shift 2; env "$@" node probe.js $label $probes; }
for plugin in none rest-cache strapi-cache; do for provider in memory redis; do
  [ $plugin = none ] && [ $provider = redis ] && continue
  ./start.sh $plugin $provider && run $plugin-$provider a,a2,a3,b,c,d,e; ./stop.sh
  TRIAL_DB=postgres ./start.sh $plugin $provider && run $plugin-$provider-pg a,b,b2 && run $plugin-$provider-pg-b-stress b B_EVERY=0 B_READERS=6 B_SECONDS=10; ./stop.sh
done; done
TRIAL_MAX=50 ./start.sh rest-cache memory && run rest-cache-memory-f-max50 f; ./stop.sh
TRIAL_MAX=50 ./start.sh strapi-cache memory && run strapi-cache-memory-f-max50 f; ./stop.sh
TRIAL_SIZE=20000 ./start.sh strapi-cache memory && run strapi-cache-memory-f-size20000 f; ./stop.sh
