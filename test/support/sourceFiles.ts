import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file below `dir`, in a stable order: what the source-reading unit tests walk. */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(name => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return typeScriptFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}
