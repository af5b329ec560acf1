// The front end's layering (STYLE.md 13), checked on the source like the C++ link graph
// checks the back end's: features never import each other; lib/ and components/ import
// no feature, nothing from app/ and no chart; visible text comes from i18n, not from JSX literals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/g)].map((m) =>
    path.relative(SRC, path.resolve(path.dirname(file), m[1]!)),
  );
}

/** "features/auth/…" → "auth"; anything else → null. */
function featureOf(relativePath: string): string | null {
  const parts = relativePath.split(path.sep);
  return parts[0] === 'features' && parts[1] ? parts[1] : null;
}

const files = sourceFiles(SRC);

describe('architecture', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.includes(`${path.sep}features${path.sep}regions${path.sep}`))).toBe(true);
  });

  it('keeps features from importing one another', () => {
    const violations = files.flatMap((file) => {
      const own = featureOf(path.relative(SRC, file));
      if (!own) return [];
      return relativeImports(file)
        .filter((target) => {
          const other = featureOf(target);
          return other !== null && other !== own;
        })
        .map((target) => `${path.relative(SRC, file)} imports ${target}`);
    });
    expect(violations).toEqual([]);
  });

  it('keeps lib/ and components/ free of features, app and the charts', () => {
    // charts/ brings recharts: lib/ and components/ load on every first visit (vite.config.ts).
    const violations = files.flatMap((file) => {
      const rel = path.relative(SRC, file);
      if (!rel.startsWith(`lib${path.sep}`) && !rel.startsWith(`components${path.sep}`)) return [];
      return relativeImports(file)
        .filter((target) => ['features', 'app', 'charts'].some((folder) => target.startsWith(`${folder}${path.sep}`)))
        .map((target) => `${rel} imports ${target}`);
    });
    expect(violations).toEqual([]);
  });

  it('has no visible text written directly in JSX', () => {
    // Text between tags that is not an expression, e.g. <p>Hello</p>. Symbols and
    // punctuation alone (such as a separator) are allowed.
    const violations = files
      .filter((file) => file.endsWith('.tsx'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(/>([^<>{}]*\p{L}[^<>{}]*)</gu)]
          // Code between two elements (an arrow, a condition, a ternary's branches) is not text.
          .filter((m) => !/=>|&&|\|\||[;=]|\?\s*\(|\)\s*:/.test(m[1]!))
          .map((m) => `${path.relative(SRC, file)}: "${m[1]!.trim()}"`);
      });
    expect(violations).toEqual([]);
  });
});
