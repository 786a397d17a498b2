/* eslint-disable @typescript-eslint/no-explicit-any -- patches private internals of @prisma/adapter-pg 6.x (see the workarounds below), which have no public types */
import { randomUUID } from 'node:crypto';
import { defineConfig } from 'prisma6/config';
import { PrismaPg } from 'prisma6-adapter-pg';

const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/passerelle';

// Workaround 1 (prisma/orm#27403): @prisma/adapter-pg 6.x cannot map the Postgres
// catalog types the Wasm schema engine reads ("char", name, ...). Re-label them as text.
function patchCatalogTypes(adapter: any) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'performIO'))
    proto = Object.getPrototypeOf(proto);
  if (proto && !proto.__catalogPatched) {
    const orig = proto.performIO;
    proto.performIO = async function (q: unknown) {
      const res = await orig.call(this, q);
      for (const f of res.fields ?? []) {
        if ([18, 19, 22, 24, 30, 194, 2205, 2206].includes(f.dataTypeID)) f.dataTypeID = 25;
        else if ([1002, 1003].includes(f.dataTypeID)) f.dataTypeID = 1009;
      }
      return res;
    };
    proto.__catalogPatched = true;
  }
  patchExecuteScript(adapter);
  return adapter;
}

// Workaround 3: adapter-pg 6.x runs a migration script by splitting it on ";", which breaks
// dollar-quoted function bodies (plpgsql triggers). Send the whole script as one simple query,
// as Prisma's native engine does; PostgreSQL runs its statements in order.
function patchExecuteScript(adapter: any) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'executeScript'))
    proto = Object.getPrototypeOf(proto);
  if (proto && !proto.__scriptPatched) {
    proto.executeScript = async function (script: string) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    proto.__scriptPatched = true;
  }
}

function pgConfig(database?: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? u.pathname.slice(1),
    idleTimeoutMillis: 500, // pg default 10 s keeps the CLI alive after it finishes
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: '../tmp/schema.prisma6.prisma',
  migrations: { path: 'migrations' },
  adapter: async () => {
    const factory = new PrismaPg(pgConfig());
    const connect = factory.connect.bind(factory);
    (factory as any).connect = async () => patchCatalogTypes(await connect());
    // Workaround 2: adapter-pg 6.x shadow DB (a) ignores `database` when a connectionString
    // is used and (b) drops the DB before closing its pool. Own implementation:
    (factory as any).connectToShadowDb = async () => {
      const admin = await (factory as any).connect();
      const db = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
      await admin.executeScript(`CREATE DATABASE "${db}"`);
      const shadow = patchCatalogTypes(await new PrismaPg(pgConfig(db)).connect());
      const pool = shadow.underlyingDriver();
      shadow.dispose = async () => {
        await pool.end();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    };
    return factory;
  },
});
