#!/bin/bash
P=$(cat /tmp/cache-trial/run/strapi.pid 2>/dev/null) && kill $P 2>/dev/null && for i in $(seq 1 20); do kill -0 $P 2>/dev/null || { echo "stopped $P"; exit 0; }; sleep 0.5; done; kill -9 $P 2>/dev/null; echo "killed $P"
