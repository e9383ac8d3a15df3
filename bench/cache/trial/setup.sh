#!/bin/bash
# Recreates /tmp/cache-trial/plugins (the app files, probe.js, start.sh, stop.sh, env.sh are written by hand; see the findings).
set -e
mkdir -p /tmp/cache-trial/plugins && cd /tmp/cache-trial/plugins
npm pack @strapi-community/plugin-rest-cache@5.0.1 strapi-cache@1.12.2 @strapi-community/provider-rest-cache-redis@5.0.0 @strapi-community/plugin-redis@2.0.0
for pair in rest-cache:strapi-community-plugin-rest-cache-5.0.1 strapi-cache:strapi-cache-1.12.2 rest-cache-redis:strapi-community-provider-rest-cache-redis-5.0.0 redis:strapi-community-plugin-redis-2.0.0; do
  d=${pair%%:*}; mkdir -p $d && tar xzf ${pair#*:}.tgz -C $d --strip-components=1
  # npm cannot resolve the peer tree here (ETARGET @strapi/admin@5.55.1), so drop peer/dev deps before installing
  node -e 'const fs=require("fs"),f=process.argv[1],p=JSON.parse(fs.readFileSync(f));delete p.devDependencies;delete p.peerDependencies;delete p.scripts;fs.writeFileSync(f,JSON.stringify(p,null,2))' $d/package.json
  (cd $d && npm install --omit=dev --omit=peer --legacy-peer-deps --ignore-scripts --no-audit --no-fund --no-package-lock)
done
# the providers' peer @strapi-community/plugin-rest-cache (for '/types') is the plugin itself
ln -sfn ../.. rest-cache/node_modules/@strapi-community/plugin-rest-cache
ln -sfn /tmp/cache-trial/plugins/rest-cache-redis rest-cache/node_modules/@strapi-community/provider-rest-cache-redis
mkdir -p rest-cache-redis/node_modules/@strapi-community && ln -sfn /tmp/cache-trial/plugins/rest-cache rest-cache-redis/node_modules/@strapi-community/plugin-rest-cache
