#!/usr/bin/env node
// The `egrid` command: runs the TypeScript CLI through tsx, from wherever it is called.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../app/cli.ts");
process.exit(await runCli(process.argv.slice(2), process.env));
